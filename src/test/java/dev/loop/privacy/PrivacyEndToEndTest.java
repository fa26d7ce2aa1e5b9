package dev.loop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.ErasedPeople;
import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Requester;
import dev.loop.issue.TranscriptLine;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `/privacy`: a member sees what Loop keeps about them and erases it; an engineer erases someone's data on their
 * request, recorded in the history without the content; the counts stay true.
 */
@EndToEnd
class PrivacyEndToEndTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    static final Map<String, String> FEATURE = Map.of("kind", "feature", "needs_docs", "no");

    static String text(SimMessage m) {
        StringBuilder b = new StringBuilder(m.content());
        for (SimMessage.Embed e : m.embeds()) b.append('\n').append(e.description());
        return b.toString();
    }

    /** Every page of a record view, as the person reads it. */
    static String view(int number, String tab) {
        SimMessage card =
                s.erin.runSlash(s.team, "issue show", Map.of("number", number)).awaitReply();
        SimMessage page = s.erin.pressButton(card, tab).awaitReply();
        return text(page);
    }

    @Test
    void aMemberSeesWhatLoopKeepsAndErasesIt() {
        SimChannel post = s.alice.postInForum(s.support, "Kestrel sync drops files", "Sync drops files over 2 GB");
        SimMessage bobs = s.bob.say(post, "Same for me, my mail is bob.kestrel@example.com");
        Captured c = s.captureIn(post, FEATURE);
        int n = c.number();
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage ask =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("this is tracked as **#" + n + "**"));
        s.bob.pressButton(ask, "Add details")
                .awaitModal()
                .submit(Map.of("q0", "Back up the kestrel photos nightly"))
                .awaitReply();
        assertThat(s.issues().transcript(n))
                .extracting(TranscriptLine::content)
                .anyMatch(t -> t.contains("bob.kestrel@example.com"))
                .anyMatch(t -> t.contains("Back up the kestrel photos nightly"));
        int requesters = s.issues().requesters(n).size();
        int[] counts = s.issues().placeAndRequesterCounts(n);
        int lines = s.issues().transcript(n).size();

        // bob looks: only he sees it, and it is everything
        SimMessage mine = s.bob.runSlash(s.help, "privacy show").awaitReply();
        assertThat(mine.ephemeral()).isTrue();
        assertThat(mine.embeds().getFirst().title()).isEqualTo("What Loop holds about you");
        assertThat(text(mine))
                .contains("**Asked for #" + n + "** Kestrel sync drops files · you pressed Me too")
                .contains("**You wrote in #" + n + "**")
                .contains("bob.kestrel@example.com")
                .contains("**Details you added to #" + n + "**")
                .contains("Back up the kestrel photos nightly");
        assertThat(mine.buttonLabels()).contains("Erase my data");
        assertThat(mine.pinged()).isEmpty();

        // he changes his mind once, then erases
        SimMessage question = s.bob.pressButton(mine, "Erase my data").awaitReply();
        assertThat(question.ephemeral()).isTrue();
        assertThat(question.content()).startsWith("Erase your data?");
        assertThat(s.bob.pressButton(question, "Keep it").awaitUpdate().content())
                .isEqualTo("Nothing was erased.");
        assertThat(s.issues().transcript(n)).anyMatch(l -> l.content().contains("bob.kestrel"));
        question = s.bob.pressButton(mine, "Erase my data").awaitReply();
        SimMessage done = s.bob.pressButton(question, "Erase").awaitUpdate();
        assertThat(done.content())
                .startsWith("Done: 2 lines you wrote are erased, and 1 request stays only as an" + " anonymous count");
        assertThat(done.buttons()).isEmpty();

        // the database: his words are gone, his place in the conversation and his count stay
        List<TranscriptLine> transcript = s.issues().transcript(n);
        assertThat(transcript).hasSize(lines);
        assertThat(transcript).noneMatch(l -> l.authorId() == s.bob.id());
        assertThat(transcript)
                .noneMatch(
                        l -> l.content().contains("bob.kestrel") || l.content().contains("kestrel photos"));
        assertThat(transcript)
                .filteredOn(l -> l.content().equals(ErasedPeople.ERASED_TEXT))
                .hasSize(2)
                .allMatch(l -> l.authorName().equals(ErasedPeople.NAME));
        List<Requester> after = s.issues().requesters(n);
        assertThat(after).hasSize(requesters).noneMatch(r -> r.userId() == s.bob.id());
        assertThat(after).filteredOn(r -> r.how() == Requester.How.ERASED).hasSize(1);
        assertThat(s.issues().placeAndRequesterCounts(n)).containsExactly(counts);
        assertThat(s.issues().search("kestrel photos", false, 10)).isEmpty();
        assertThat(s.issues().history(n))
                .extracting(HistoryEntry::detail)
                .noneMatch(d -> d.contains("<@" + s.bob.id() + ">"));
        assertThat(s.rows(Tables.TRANSCRIPT_MESSAGE, Tables.TRANSCRIPT_MESSAGE.AUTHOR_ID.eq(s.bob.id())))
                .isZero();

        // and what people read: the Transcript and Details views no longer show his text
        String transcriptView = view(n, "Transcript");
        assertThat(transcriptView)
                .doesNotContain("bob.kestrel")
                .contains(ErasedPeople.ERASED_TEXT)
                .contains("Sync drops files over 2 GB");
        assertThat(view(n, "Details")).doesNotContain("kestrel photos").contains(ErasedPeople.ERASED_TEXT);
        assertThat(view(n, "People")).contains(ErasedPeople.NAME).doesNotContain("bob");

        // a later edit in Discord does not bring his words back
        s.bob.edit(bobs, "Same for me, write to bob.kestrel@example.com");
        assertThat(s.bob.runSlash(s.help, "privacy show")
                        .awaitReply()
                        .embeds()
                        .getFirst()
                        .description())
                .contains("Loop keeps 0 requests")
                .contains("Nothing: you have not asked for any issue");
        assertThat(s.issues().transcript(n)).noneMatch(l -> l.content().contains("bob.kestrel"));
    }

    @Test
    void anEngineerErasesSomeoneOnRequestAndOnlyEngineersMay() {
        SimChannel post = s.alice.postInForum(s.support, "Plover login loops", "Login page reloads forever");
        s.carol.say(post, "Carol here: happens on the Plover tablet app");
        Captured c = s.captureIn(post, FEATURE);
        int n = c.number();
        s.carol.pressButton(c.card(), "Me too").awaitReply();
        int requesters = s.issues().requesters(n).size();

        SimMessage refused = s.alice
                .runSlash(s.help, "privacy erase", Map.of("user", s.carol))
                .awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).isEqualTo("Only engineers can erase someone's data.");
        assertThat(s.issues().transcript(n)).anyMatch(l -> l.content().contains("Plover tablet"));

        SimMessage question = s.erin.runSlash(s.team, "privacy erase", Map.of("user", s.carol))
                .awaitReply();
        assertThat(question.ephemeral()).isTrue();
        assertThat(question.content())
                .startsWith("Erase <@" + s.carol.id() + ">'s data on their request? Loop keeps 1 request");
        assertThat(question.pinged()).isEmpty();
        // a member's own Erase button tampered to name someone else is refused
        SimMessage alices = s.alice.runSlash(s.help, "privacy show").awaitReply();
        SimMessage tampered = s.alice.pressButton(alices, "Erase my data").awaitReply();
        tampered.rewriteButtonId("Erase", "privacy-confirm:" + s.carol.id());
        assertThat(s.alice.pressButton(tampered, "Erase").awaitReply().content())
                .isEqualTo("Only engineers can erase someone else's data.");
        assertThat(s.issues().transcript(n)).anyMatch(l -> l.content().contains("Plover tablet"));
        SimMessage done = s.erin.pressButton(question, "Erase").awaitUpdate();
        assertThat(done.content()).startsWith("Done: <@" + s.carol.id() + ">'s 1 line is erased");

        assertThat(s.issues().transcript(n)).noneMatch(l -> l.content().contains("Plover tablet"));
        assertThat(s.issues().requesters(n)).hasSize(requesters).noneMatch(r -> r.userId() == s.carol.id());
        List<HistoryEntry> privacy = s.history(n, "privacy");
        assertThat(privacy).hasSize(1);
        assertThat(privacy.getFirst().actorId()).isEqualTo(s.erin.id());
        assertThat(privacy.getFirst().detail())
                .isEqualTo("A person's data was erased on their request: their words here were erased and their"
                        + " request is kept as an anonymous count.");
        assertThat(s.issues().history(n))
                .extracting(HistoryEntry::detail)
                .noneMatch(d -> d.contains("Plover tablet") || d.contains(String.valueOf(s.carol.id())));
        assertThat(view(n, "History")).contains("A person's data was erased on their request");

        // asking again finds nothing left
        assertThat(s.erin.runSlash(s.team, "privacy erase", Map.of("user", s.carol))
                        .awaitReply()
                        .content())
                .isEqualTo("Loop holds no requests or words of <@" + s.carol.id() + ">, so there is nothing to erase.");
    }
}
