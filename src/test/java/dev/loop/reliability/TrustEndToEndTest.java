package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.Priority;
import dev.loop.issue.PrioritySource;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Loop tells people must be true and worth a ping: the real Loop against the Discord simulator, counting what
 * each person saw. Every test works on its own posts and words.
 */
@EndToEnd
class TrustEndToEndTest {

    static final String FIX_NOW_TEXT = "today or tomorrow";

    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .forumTags("installer", "sync", "tracked", "shipped")
            .build();

    static SimMessage press(SimMember who, SimMessage prompt, String label) {
        return who.pressButton(prompt, label).awaitUpdate();
    }

    /** erin answers No to every triage question: the flowchart's Low. */
    static void flowchartLow(Captured c) {
        SimMessage prompt = c.prompt();
        for (int i = 0; i < 3; i++) prompt = press(s.erin, prompt, "No");
        press(s.erin, prompt, "Done");
    }

    /**
     * Loop's news about the issue in {@code where} that pinged {@code who}: every ping but the one request for details
     * a capture makes of its reporter (asked once, while they are there), which is not news about the timeline.
     */
    static List<SimMessage> pingsOf(SimMember who, SimChannel where) {
        return where.messages().stream()
                .filter(m -> m.fromBot() && m.pinged().contains(who.id()))
                .filter(m -> !m.buttonLabels().contains("Add details"))
                .toList();
    }

    /** Loop's team-channel messages about the issue. */
    static List<SimMessage> teamAbout(int number) {
        return s.team.messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("**#" + number + "**"))
                .toList();
    }

    static void awaitRequesters(Captured c, int n) {
        eventually(
                n + " requesters on the card",
                () -> String.valueOf(n).equals(c.card().embeds().getFirst().field("Requesters")));
    }

    // ------------------------------------------------------------------------------- priorities that hold

    @Test
    void aLowSetByHandStandsAndTheOwnerHearsItWasBroughtUpAgainOnceADay() {
        Captured c = s.capture(s.alice, "Installer ignores proxy", "The proxy setting is not used", "installer");
        s.erin.react(c.card(), "⬇️");
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **Low**"));
        assertThat(s.issue(c.number()).prioritySource()).isEqualTo(PrioritySource.ENGINEER);

        s.bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage note = s.team.awaitMessage(m -> m.fromBot()
                && m.content().contains("**#" + c.number() + "**")
                && m.content().contains("was brought up again"));
        assertThat(note.content())
                .isEqualTo("<@" + s.olga.id() + "> 📣 **#" + c.number() + "** Installer ignores proxy was brought up"
                        + " again: 1 place, 2 requesters. It stays **Low** because an engineer set that by hand; react"
                        + " on its card to change it if it should move.");
        assertThat(note.pinged()).containsExactly(s.olga.id());
        assertThat(note.pingedRoles()).isEmpty();

        s.carol.pressButton(c.card(), "Me too").awaitReply();
        awaitRequesters(c, 3);
        s.clock.advance(Duration.ofHours(25));
        s.erin.pressButton(c.card(), "Me too").awaitReply();
        awaitRequesters(c, 4);
        eventually("the next day's note", () -> teamAbout(c.number()).size() == 2);
        assertThat(teamAbout(c.number()).getLast().content()).contains("1 place, 4 requesters");

        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.LOW);
        assertThat(issue.prioritySource()).isEqualTo(PrioritySource.ENGINEER);
        assertThat(s.history(c.number(), "priority")).hasSize(1);
        assertThat(s.history(c.number(), "brought_up"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        "brought up again (now 1 place, 2 requesters); it stays Low as an engineer set it by hand;"
                                + " told <@" + s.olga.id() + ">",
                        "brought up again (now 1 place, 4 requesters); it stays Low as an engineer set it by hand;"
                                + " told <@" + s.olga.id() + ">");
        // the requesters heard the Low once and nothing since: nothing changed for them
        assertThat(pingsOf(s.alice, c.post())).hasSize(1);
        assertThat(pingsOf(s.bob, c.post())).isEmpty();
        assertThat(pingsOf(s.carol, c.post())).isEmpty();
    }

    @Test
    void theFlowchartsLowIsStillBumpedButAnEngineersLowAfterThatStands() {
        Captured c = s.capture(s.alice, "Gecko theme resets on restart", "The theme goes back to light");
        flowchartLow(c);
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **Low**"));
        assertThat(s.issue(c.number()).prioritySource()).isEqualTo(PrioritySource.FLOWCHART);

        s.bob.pressButton(c.card(), "Me too").awaitReply();
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **High**"));
        assertThat(s.issue(c.number()).prioritySource()).isEqualTo(PrioritySource.BUMP);

        s.erin.react(c.card(), "⬇️");
        eventually("the issue to be Low again", () -> s.issue(c.number()).priority() == Priority.LOW);
        eventually(
                "alice to hear the Low again", () -> pingsOf(s.alice, c.post()).size() == 3);
        s.carol.pressButton(c.card(), "Me too").awaitReply();
        awaitRequesters(c, 3);
        s.team.awaitMessage(m -> m.fromBot()
                && m.content()
                        .contains("**#" + c.number() + "** Gecko theme resets on" + " restart was brought up again"));

        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.LOW);
        assertThat(s.issue(c.number()).prioritySource()).isEqualTo(PrioritySource.ENGINEER);
        assertThat(s.history(c.number(), "priority"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        s.history(c.number(), "priority").getFirst().detail(),
                        "Low → High: bumped up from Low: brought up before (now 1 place, 2 requesters)",
                        "High → Low: set with ⬇️ by <@" + s.erin.id() + ">");
        // alice heard Low, High, Low; bob High and Low; carol, who came after the engineer's Low, nothing
        assertThat(pingsOf(s.alice, c.post())).hasSize(3);
        assertThat(pingsOf(s.bob, c.post())).hasSize(2);
        assertThat(pingsOf(s.carol, c.post())).isEmpty();
    }

    // ------------------------------------------------------------------------------- pings that mean something

    @Test
    void aRequesterHearsOnlyWhatIsNewsToThemAndNeverAChangeUndoneWithinADay() {
        Captured c = s.capture(s.alice, "Quokka upload times out", "Large uploads stop at 99%");
        s.erin.react(c.card(), "⬆️");
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **High**"));
        // bob joins a High issue: the card shows him High, so High is nothing new to him
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        awaitRequesters(c, 2);

        // ⬇️ withdraws the promise: both hear it, plainly
        s.erin.react(c.card(), "⬇️");
        SimMessage withdrawn =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("moved it down"));
        assertThat(withdrawn.content())
                .endsWith("**#" + c.number() + "** Quokka upload times out: the team moved it down from **High** to"
                        + " **Low**, so the earlier promise (this week or next week) no longer holds. We won't get to"
                        + " it right away — if it becomes a blocker, press This blocks me and we'll bump it up.");
        assertThat(withdrawn.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());

        // a 👍 from someone else: the engineer's Low stands, so nothing changes for anyone
        s.carol.react(c.card(), "👍");
        awaitRequesters(c, 3);
        s.team.awaitMessage(m -> m.fromBot()
                && m.content().contains("**#" + c.number() + "** Quokka upload times out was brought up again"));

        // olga puts it back to High within the day: alice and bob heard High already, carol never did
        s.olga.react(c.card(), "⬆️");
        eventually("the issue to be High again", () -> s.issue(c.number()).priority() == Priority.HIGH);
        eventually("carol to hear the High", () -> pingsOf(s.carol, c.post()).size() == 1);
        eventually(
                "the history to say who was not told again",
                () -> s.history(c.number(), "notice").stream()
                        .anyMatch(h -> h.detail().startsWith("not told again")));

        assertThat(pingsOf(s.alice, c.post()))
                .extracting(SimMessage::content)
                .satisfiesExactly(
                        high -> assertThat(high).contains("it's **High** — this week or next week."),
                        low -> assertThat(low).contains("moved it down from **High** to **Low**"));
        assertThat(pingsOf(s.bob, c.post()))
                .extracting(SimMessage::content)
                .satisfiesExactly(low -> assertThat(low).contains("moved it down from **High** to **Low**"));
        assertThat(pingsOf(s.carol, c.post()))
                .extracting(SimMessage::content)
                .satisfiesExactly(high -> assertThat(high).contains("it's **High** — this week or next week."));
        assertThat(s.history(c.number(), "notice"))
                .extracting(HistoryEntry::detail)
                .contains("not told again, as it undoes what they heard within a day: <@" + s.alice.id()
                        + "> (High again within a day of Low), <@" + s.bob.id() + "> (High again within a day of"
                        + " Low)");
        // nobody was pinged anywhere else about it: no DM, no team-channel ping for a requester
        for (SimMember m : List.of(s.alice, s.bob, s.carol)) {
            assertThat(s.team.messages().stream().filter(x -> x.pinged().contains(m.id())))
                    .isEmpty();
        }
    }

    // ------------------------------------------------------------------------------- what a notice says

    @Test
    void linkingAThreadToAShippedIssueSaysItShippedWithTheVersion() {
        Captured c = s.capture(s.alice, "Narwhal export loses colours", "Exported files are grey");
        s.issues().markShipped(c.number(), "2.4.1", s.erin.id(), s.clock.instant());
        SimChannel later = s.bob.postInForum(s.support, "Grey narwhal exports", "My exports have no colour");

        SimMessage answer =
                s.erin.runSlash(later, "link", Map.of("issue", c.number())).awaitReply();

        assertThat(answer.content())
                .startsWith("Linked to **#" + c.number() + "** Narwhal export loses colours — Shipped in **2.4.1**.")
                .doesNotContain("week")
                .doesNotContain("High");
        assertThat(answer.pinged()).isEmpty();
    }

    @Test
    void aSecondThisBlocksMeOnAFixItNowCardReadsAsASentence() {
        Captured c = s.capture(s.alice, "Pelican sync stalls", "Sync never finishes");
        s.erin.react(c.card(), "🔥");
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **Fix it now**"));
        SimMessage alert = s.team.awaitMessage(m -> m.fromBot()
                && m.content().contains("is now **Fix it now**")
                && m.content().contains("**#" + c.number() + "**"));
        assertThat(alert.pingedRoles()).containsExactly(s.engineers.id());
        s.carol.pressButton(c.card(), "This blocks me").awaitReply();

        SimMessage again = s.carol.pressButton(c.card(), "This blocks me").awaitReply();

        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content())
                .contains("it counts once per person. It is already **Fix it now**: " + FIX_NOW_TEXT + ".")
                .doesNotContain("now now");

        // the team was alerted once; later presses edit that alert with the count instead of pinging again
        s.bob.pressButton(c.card(), "This blocks me").awaitReply();
        alert.awaitState(
                "the alert to count both presses",
                m -> m.content().endsWith("2 more people have said it blocks them since."));
        assertThat(teamAbout(c.number())).hasSize(1);
    }

    @Test
    void closingWithAReasonReadsAsASentenceEvenWhenTheTitleEndsWithAFullStop() {
        Captured c = s.capture(s.alice, "Heron icons look blurry.", "On high DPI screens");

        SimMessage closed = s.erin.runSlash(
                        s.help, "issue close", Map.of("number", c.number(), "reason", "fixed by the redesign"))
                .awaitReply();
        assertThat(closed.content()).startsWith("Closed **#" + c.number() + "**");

        SimMessage told = c.post().awaitMessage(m -> m.fromBot() && m.content().contains("We closed"));
        assertThat(told.content())
                .isEqualTo("<@" + s.alice.id() + "> We closed **#" + c.number()
                        + "** Heron icons look blurry without a change. The reason: fixed by the redesign. Thanks for"
                        + " raising it.");
        assertThat(told.pinged()).containsExactly(s.alice.id());
    }
}
