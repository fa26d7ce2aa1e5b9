package dev.loop.triage;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Priority;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triage starts with "Is the solution straightforward?". Needs design opens one design thread in the team channel
 * with the outline, addressed to the owner (or the team); the card says "design" until a proposal is recorded; an
 * issue that is also Fix it now pings the on-call leadership role in that thread once, however often it is triaged
 * and across a restart.
 */
@EndToEnd
class DesignThreadEndToEndTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .forumTags("installer", "sync", "tracked", "shipped")
            .leadership()
            .build();

    static SimMessage press(SimMember who, SimMessage prompt, String label) {
        return who.pressButton(prompt, label).awaitUpdate();
    }

    static SimMessage triage(SimMember who, SimChannel where, int number) {
        SimMessage first =
                who.runSlash(where, "issue triage", Map.of("number", number)).awaitReply();
        assertThat(first.content())
                .startsWith("**Triage #" + number + "**")
                .contains("**First:** Is the solution straightforward?");
        assertThat(first.buttonLabels()).containsExactly("Straightforward", "Needs design");
        return first;
    }

    static List<SimChannel> designThreads(int number) {
        return s.team.threads().stream()
                .filter(t -> t.name().startsWith("Design #" + number + " "))
                .toList();
    }

    static String cardStatus(Captured c) {
        return Captured.cardIn(c.post(), c.number()).embeds().getFirst().field("Status");
    }

    @Test
    void needsDesignOpensOneThreadWithTheOutlineAndFixItNowPingsLeadershipOnce() throws Exception {
        Captured c = s.capture(s.alice, "Heron sync merges conflicting edits", "Two people edit, one edit vanishes");
        SimMessage first = triage(s.erin, c.post(), c.number());

        SimMessage priority = press(s.erin, first, "Needs design");
        assertThat(priority.content())
                .contains("• Is the solution straightforward? **No, it needs design**")
                .contains("**Question 1 of 4:** Is a user blocked by it?");

        eventually("the design thread", () -> designThreads(c.number()).size() == 1);
        SimChannel thread = designThreads(c.number()).getFirst();
        SimMessage outline = thread.awaitMessage(m -> m.fromBot() && m.content().contains("needs design"));
        assertThat(outline.content())
                .contains("**#" + c.number() + "** Heron sync merges conflicting edits needs design")
                .contains("fill in the proposed solution below before the team discusses it")
                .contains("**Root cause:**")
                .contains("**Prior art:** how others solve it, with the pros and cons of each.")
                .contains("**Options weighed:**")
                .contains("**Proposed solution:**")
                .contains("**How it fits the rest of the product:**");
        // nobody owns it yet: the team is asked
        assertThat(outline.pingedRoles()).containsExactly(s.engineers.id());
        assertThat(s.history(c.number(), "design"))
                .singleElement()
                .satisfies(h -> assertThat(h.actorId()).isEqualTo(s.erin.id()));
        eventually("the card to show design", () -> cardStatus(c).equals("Open · design"));

        // the same issue is Fix it now: leadership is pinged in the design thread
        press(s.erin, press(s.erin, priority, "Yes"), "Done");
        eventually("Fix it now", () -> s.issue(c.number()).priority() == Priority.FIX_NOW);
        SimMessage ping =
                thread.awaitMessage(m -> m.fromBot() && m.pingedRoles().contains(s.leadership.id()));
        assertThat(ping.content()).contains("needs design and is **Fix it now**");

        // triaged again, and again after a restart: the same thread, no second ping
        SimMessage again = press(s.erin, triage(s.erin, c.post(), c.number()), "Needs design");
        assertThat(again.content()).contains("its design thread is <#" + thread.id() + ">");
        press(s.erin, press(s.erin, again, "Yes"), "Done");
        s.restart();
        SimMessage afterRestart = press(s.erin, triage(s.erin, c.post(), c.number()), "Needs design");
        press(s.erin, press(s.erin, afterRestart, "Yes"), "Done");
        s.erin.runSlash(c.post(), "issue show", Map.of("number", c.number())).awaitReply(); // a settled round trip
        assertThat(designThreads(c.number())).hasSize(1);
        assertThat(thread.messages().stream()
                        .filter(m -> m.pingedRoles().contains(s.leadership.id()))
                        .count())
                .isEqualTo(1);
        assertThat(s.history(c.number(), "design")).hasSize(1);

        // a recorded proposal ends the design phase on the card
        s.erin.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
                .awaitModal()
                .submit(Map.of("solution", "Keep both edits and ask which wins", "snippet", ""))
                .awaitReply();
        eventually("the card to leave design", () -> cardStatus(c).equals("Open"));
    }

    @Test
    void anOwnedIssueAsksItsOwnerAndAStraightforwardOneOpensNoThread() {
        Captured owned = s.capture(s.alice, "Installer needs a silent mode", "For fleet installs", "installer");
        assertThat(s.issue(owned.number()).ownerId()).isEqualTo(s.olga.id());
        press(s.erin, triage(s.erin, owned.post(), owned.number()), "Needs design");
        eventually("the design thread", () -> designThreads(owned.number()).size() == 1);
        SimMessage outline = designThreads(owned.number())
                .getFirst()
                .awaitMessage(m -> m.fromBot() && m.content().contains("needs design"));
        assertThat(outline.pinged()).containsExactly(s.olga.id());
        assertThat(outline.pingedRoles()).isEmpty();
        assertThat(outline.content()).startsWith("<@" + s.olga.id() + "> ").contains("Please fill in");
        SimMessage roadmap =
                s.olga.runSlash(s.team, "roadmap", Map.of("area", "Installer")).awaitReply();
        assertThat(roadmap.embeds().getFirst().field("In design (1)")).contains("**#" + owned.number() + "**");

        // a Low design issue never pings leadership
        SimMessage q = triage(s.erin, owned.post(), owned.number());
        SimMessage p = press(s.erin, q, "Needs design");
        for (int i = 0; i < 3; i++) p = press(s.erin, p, "No");
        press(s.erin, p, "Done");
        eventually("Low", () -> s.issue(owned.number()).priority() == Priority.LOW);

        Captured plain = s.capture(s.bob, "Heron tooltip typo", "Says 'Synk'");
        assertThat(plain.prompt().content()).contains("• Is the solution straightforward? **Yes**");
        assertThat(s.history(plain.number(), "design")).isEmpty();
        assertThat(designThreads(plain.number())).isEmpty();
        assertThat(cardStatus(plain)).isEqualTo("Open");
        assertThat(designThreads(owned.number()).getFirst().messages())
                .noneMatch(m -> m.pingedRoles().contains(s.leadership.id()));
    }

    @Test
    void aDesignIssueMadeFixItNowByThisBlocksMePingsLeadershipOnce() {
        Captured c = s.capture(s.alice, "Heron sync drops offline edits", "Edits made offline never sync");
        SimMessage p = press(s.erin, triage(s.erin, c.post(), c.number()), "Needs design");
        for (int i = 0; i < 3; i++) p = press(s.erin, p, "No");
        press(s.erin, p, "Done");
        eventually("Low", () -> s.issue(c.number()).priority() == Priority.LOW);
        eventually("the design thread", () -> designThreads(c.number()).size() == 1);
        SimChannel thread = designThreads(c.number()).getFirst();

        // not the flowchart this time: a requester is blocked, which makes it Fix it now
        s.alice
                .pressButton(Captured.cardIn(c.post(), c.number()), "This blocks me")
                .awaitReply();
        eventually("Fix it now", () -> s.issue(c.number()).priority() == Priority.FIX_NOW);
        SimMessage ping =
                thread.awaitMessage(m -> m.fromBot() && m.pingedRoles().contains(s.leadership.id()));
        assertThat(ping.content()).contains("needs design and is **Fix it now**");

        // a second blocked requester changes nothing for leadership
        s.bob.pressButton(Captured.cardIn(c.post(), c.number()), "This blocks me")
                .awaitReply();
        s.erin.runSlash(c.post(), "issue show", Map.of("number", c.number())).awaitReply(); // a settled round trip
        assertThat(thread.messages().stream()
                        .filter(m -> m.pingedRoles().contains(s.leadership.id()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anEngineerWhoLostTheRoleCannotAnswerTheFirstQuestion() {
        SimMember ida = s.guild.member("ida").addRole(s.engineers);
        Captured c = s.capture(s.alice, "Heron export is slow", "Takes minutes");
        SimMessage first = triage(ida, c.post(), c.number());
        ida.removeRole(s.engineers);
        SimMessage refused = ida.pressButton(first, "Needs design").awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can triage issues.");
        assertThat(s.history(c.number(), "design")).isEmpty();
        assertThat(designThreads(c.number())).isEmpty();
    }
}
