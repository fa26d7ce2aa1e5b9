package dev.loop.issue;

import static dev.loop.testing.Community.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading the record (`/issue show` and its Transcript, People, Details, Proposals and History views) and fixing it
 * (`/issue edit`), as the people in the simulator see it.
 */
@EndToEnd
class RecordEndToEndTest {

    static final String HOSTILE = "@everyone <@1234> **bold** [link](https://phish.example/x) ```";

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    /** What the limits allow: Discord refuses a message past any of them, and the simulator does too. */
    static void assertWithinLimits(SimMessage m) {
        assertThat(m.content().length()).isLessThanOrEqualTo(2000);
        assertThat(m.embeds()).hasSizeLessThanOrEqualTo(10);
        int total = 0;
        for (SimMessage.Embed e : m.embeds()) {
            assertThat(e.description() == null ? 0 : e.description().length()).isLessThanOrEqualTo(4096);
            assertThat(e.fields()).hasSizeLessThanOrEqualTo(25);
            total += len(e.title()) + len(e.description()) + len(e.footer()) + len(e.author());
            for (SimMessage.Field f : e.fields()) total += len(f.name()) + len(f.value());
        }
        assertThat(total).isLessThanOrEqualTo(6000);
        for (SimMessage.Button b : m.buttons()) {
            if (b.customId() != null) assertThat(b.customId().length()).isLessThanOrEqualTo(100);
        }
        assertThat(m.pinged()).isEmpty();
        assertThat(m.pingedEveryone()).isFalse();
    }

    static int len(String s) {
        return s == null ? 0 : s.length();
    }

    static int pages(SimMessage view) {
        String footer = view.embeds().getFirst().footer();
        return Integer.parseInt(footer.replaceAll("^Page \\d+ of (\\d+) .*$", "$1"));
    }

    /** Presses Next until the last page, checking every page; returns every page's description. */
    static List<String> readAll(SimMessage first) {
        List<String> seen = new ArrayList<>();
        SimMessage page = first;
        int count = pages(first);
        for (int i = 1; ; i++) {
            assertWithinLimits(page);
            assertThat(page.embeds().getFirst().footer()).startsWith("Page " + i + " of " + count + " · ");
            seen.add(page.embeds().getFirst().description());
            if (i == count) break;
            page = s.erin.pressButton(page, "Next").awaitUpdate();
        }
        assertThat(page.buttons().stream().filter(b -> b.label().equals("Next")).allMatch(SimMessage.Button::disabled))
                .isTrue();
        return seen;
    }

    @Test
    void everyViewOfARecordWith600MessagesPagesWithinDiscordsLimits() {
        Captured c = s.capture(s.alice, "Heron export stalls", "Export of herons stalls at 99% " + HOSTILE);
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        int n = c.number();
        IssueStore store = s.issues();
        long place = store.places(n).getFirst().id();
        List<NewTranscriptLine> lines = new ArrayList<>();
        Instant t = Instant.parse("2026-11-09T10:05:00Z");
        for (int i = 0; i < 600; i++) {
            // a few messages longer than a page, the rest a few hundred characters, all of them hostile
            String content = "line " + i + " " + fill(HOSTILE + " ", i % 100 == 7 ? 5_000 : 300);
            lines.add(new NewTranscriptLine(
                    900_000 + i,
                    i % 2 == 0 ? s.alice.id() : s.bob.id(),
                    i % 2 == 0 ? s.alice.name() : s.bob.name(),
                    t.plusSeconds(i),
                    content,
                    i % 50 == 0 ? List.of("https://cdn.example/att/" + i + "/log.txt") : List.of()));
        }
        store.appendTranscript(n, place, lines);
        for (int i = 0; i < 40; i++) store.addHistory(n, s.erin.id(), "note", "note " + i + " " + HOSTILE, t);

        SimMessage card =
                s.erin.runSlash(s.team, "issue show", Map.of("number", n)).awaitReply();
        assertThat(card.buttonLabels())
                .containsExactly("Me too", "This blocks me", "Transcript", "People", "Details", "Proposals", "History");

        SimMessage transcript = s.erin.pressButton(card, "Transcript").awaitReply();
        assertThat(transcript.ephemeral()).isTrue();
        assertThat(transcript.embeds().getFirst().title()).startsWith("Transcript of #" + n + " Heron export stalls");
        assertThat(transcript.embeds().getFirst().footer()).endsWith("· 601 messages");
        List<String> all = readAll(transcript);
        String joined = String.join("\n", all);
        for (int i = 0; i < 600; i++) assertThat(joined).contains("line " + i + " ");
        assertThat(joined)
                .contains("**" + s.alice.name() + "**")
                .contains("📎 https://cdn.example/att/50/log.txt")
                .contains("(continued) ")
                .contains("@\u200Beveryone")
                .doesNotContain("](");
        // Previous turns back from the last page
        int count = all.size();
        SimMessage back = s.erin.pressButton(transcript, "Previous").awaitUpdate();
        assertThat(back.embeds().getFirst().footer()).startsWith("Page " + (count - 1) + " of " + count);

        SimMessage history = s.erin.pressButton(card, "History").awaitReply();
        String historyText = String.join("\n", readAll(history));
        assertThat(historyText).contains("note 39").contains("**" + s.erin.name() + "** · note: note 0");

        SimMessage people = s.erin.pressButton(card, "People").awaitReply();
        String peopleText = String.join("\n", readAll(people));
        assertThat(peopleText)
                .contains("**" + s.alice.name() + "** started the conversation in Heron export stalls")
                .contains("**" + s.bob.name() + "** pressed Me too");

        for (String empty : List.of("Details", "Proposals")) {
            SimMessage view = s.erin.pressButton(card, empty).awaitReply();
            assertWithinLimits(view);
        }
        assertThat(s.sim.recentRestCalls(200)).noneMatch(call -> call.contains("-> 400"));
    }

    @Test
    void detailsAndProposalsShowWhatEachPersonSaid() {
        Captured c = s.capture(s.alice, "Finch sync drops photos", "Photos vanish after finch sync");
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        int n = c.number();
        s.erin.runSlash(c.post(), "issue propose", Map.of("number", n))
                .awaitModal()
                .submit(Map.of("solution", "Retry the upload " + HOSTILE))
                .awaitReply();
        SimMessage proposal =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("A proposed solution"));
        s.alice.pressButton(proposal, "Solves it").awaitReply();

        SimMessage card =
                s.alice.runSlash(c.post(), "issue show", Map.of("number", n)).awaitReply();
        SimMessage proposals = s.alice.pressButton(card, "Proposals").awaitReply();
        assertWithinLimits(proposals);
        String text = proposals.embeds().getFirst().description();
        assertThat(text)
                .contains("**Proposal 1** by " + s.erin.name())
                .contains("Retry the upload @\u200Beveryone")
                .contains("• " + s.alice.name() + ": Solves it")
                .contains("• " + s.bob.name() + ": no answer yet");
    }

    @Test
    void anEngineerFixesTheRecordAndAMemberCannot() {
        Captured c = s.capture(s.alice, "Wren crash", "The wren screen crashes on open");
        int n = c.number();
        SimMessage refused =
                s.alice.runSlash(c.post(), "issue edit", Map.of("number", n)).awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).isEqualTo("Only engineers can edit issues.");

        var form = s.erin.runSlash(s.team, "issue edit", Map.of("number", n)).awaitModal();
        assertThat(form.value("title")).isEqualTo("Wren crash");
        assertThat(form.value("summary")).isEqualTo("The wren screen crashes on open");
        SimMessage done = form.submit(Map.of("title", "Wren screen crashes on open", "kind", "bug", "area", "mobile"))
                .awaitReply();
        assertThat(done.content())
                .isEqualTo("Updated **#" + n + "**: title, kind and area. The change is in its history and on its"
                        + " cards.");

        Issue after = s.issue(n);
        assertThat(after.title()).isEqualTo("Wren screen crashes on open");
        assertThat(after.kind()).isEqualTo(IssueKind.BUG);
        assertThat(after.area()).isEqualTo("mobile");
        assertThat(s.history(n, "edit"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        "title: Wren crash → Wren screen crashes on open",
                        "kind: Feature → Bug",
                        "area: (none) → mobile");
        // the card in the post shows the new title
        c.card()
                .awaitState(
                        "the card shows the new title",
                        m -> m.embeds().getFirst().title().contains("Wren screen"));

        // a form opened before another change saves nothing
        var stale = s.erin.runSlash(s.team, "issue edit", Map.of("number", n)).awaitModal();
        s.erin.runSlash(s.team, "issue edit", Map.of("number", n))
                .awaitModal()
                .submit(Map.of("area", "desktop"))
                .awaitReply();
        SimMessage staleReply = stale.submit(Map.of("title", "Something else")).awaitReply();
        assertThat(staleReply.content()).contains("changed while the form was open, so nothing was saved");
        assertThat(s.issue(n).title()).isEqualTo("Wren screen crashes on open");
    }
}
