package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People and places Loop can't reach the usual way, on the paths other than release notices: /link and capture in
 * an archived post, cards whose thread is gone, timeline and status notices to locked or deleted threads, Me too
 * from a card whose thread no longer exists, a hint whose post was deleted, and engineers whose DMs are closed.
 */
@EndToEnd
class UnreachableTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z")
            .yaml("watch:\n  hint-min-score: 0.5\ntags:\n  tracked: tracked\n")
            .build();

    @BeforeAll
    void start() throws Exception {
        s.support.tag("tracked");
    }

    /** Waits until Loop's own view of the thread (its gateway cache) shows the thread locked. */
    void loopSeesLocked(SimChannel thread) {
        eventually("Loop to see " + thread.name() + " locked", () -> {
            ThreadChannel t = s.loop().jda().getThreadChannelById(thread.id());
            return t != null && t.isLocked();
        });
    }

    /** Loop's cache holds active threads only: an archived one is dropped from it. */
    void loopSeesArchived(SimChannel thread) {
        eventually("Loop to see " + thread.name() + " archived", () -> {
            ThreadChannel t = s.loop().jda().getThreadChannelById(thread.id());
            return t == null || t.isArchived();
        });
    }

    void loopSeesGone(SimChannel thread) {
        eventually(
                "Loop to see " + thread.name() + " deleted",
                () -> s.loop().jda().getThreadChannelById(thread.id()) == null);
    }

    @Test
    void linkingAnArchivedPostWakesItAnswersThereAndTagsIt() {
        Captured c = s.capture(s.alice, "Bison sync loses tags", "Tags vanish after a bison sync");
        SimChannel quiet = s.bob.postInForum(s.support, "Bison tags gone", "My tags are gone after syncing");
        quiet.archive();
        loopSeesArchived(quiet);
        SimMessage linked =
                s.erin.runSlash(quiet, "link", Map.of("issue", c.number())).awaitReply();
        assertThat(linked.content()).startsWith("Linked to **#" + c.number() + "**");
        assertThat(linked.embeds()).isNotEmpty();
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId)
                .contains(s.bob.id());
        assertThat(quiet.archived()).isFalse(); // Loop's answer woke it, as anyone's would
        s.sim.await(
                "the tracked tag on the archived post",
                () -> quiet.appliedTags().contains("tracked"));
    }

    @Test
    void capturingAnArchivedPostPostsTheCardAndTagsIt() {
        SimChannel quiet = s.alice.postInForum(s.support, "Condor export is slow", "Exports take minutes");
        quiet.archive();
        Captured c = s.captureIn(quiet, Map.of("kind", "feature", "needs_docs", "no"));
        assertThat(s.issues().places(c.number()).getFirst().cardMessageId())
                .isEqualTo(c.card().id());
        s.sim.await("the tracked tag", () -> quiet.appliedTags().contains("tracked"));
    }

    @Test
    void aTimelineNoticeForALockedPostGoesByDmAndAnArchivedOneIsWokenForIt() {
        Captured locked = s.capture(s.alice, "Dingo login loops", "Login redirects forever");
        Captured quiet = s.capture(s.carol, "Dingo avatars blurry", "Avatars are blurry");
        locked.post().lock();
        quiet.post().archive();
        loopSeesLocked(locked.post());
        loopSeesArchived(quiet.post());
        SimMessage decided = s.erin.pressButton(locked.prompt(), "Yes").awaitUpdate();
        SimMessage done = s.erin.pressButton(decided, "Done").awaitUpdate();
        assertThat(done.content()).contains("is triaged: **Fix it now**");
        SimMessage dm = s.alice.awaitDm(m -> m.content().contains("Update on **#" + locked.number() + "**"));
        assertThat(dm.content()).contains("**Fix it now**");
        assertThat(locked.post().messages())
                .noneMatch(m -> m.fromBot() && m.content().contains("Update on"));

        SimMessage quietDecided = s.erin.pressButton(quiet.prompt(), "Yes").awaitUpdate();
        s.erin.pressButton(quietDecided, "Done").awaitUpdate();
        SimMessage notice = quiet.post()
                .awaitMessage(m -> m.fromBot() && m.content().contains("Update on **#" + quiet.number() + "**"));
        assertThat(notice.pinged()).containsExactly(s.carol.id());
        assertThat(quiet.post().archived()).isFalse();
        assertThat(s.carol.dmsFromBot()).noneMatch(m -> m.content().contains("**#" + quiet.number() + "**"));
        assertThat(s.issue(quiet.number()).priority()).isEqualTo(Priority.FIX_NOW);
    }

    @Test
    void whenOneOfAnIssuesThreadsIsDeletedCardsElsewhereStayCurrentAndItsPeopleAreToldByDm() {
        Captured c = s.capture(s.alice, "Emu charts lose colours", "Charts are grey");
        SimChannel other = s.bob.postInForum(s.support, "Emu charts grey", "My charts turned grey");
        SimMessage otherCard =
                s.erin.runSlash(other, "link", Map.of("issue", c.number())).awaitReply();
        c.post().delete();
        loopSeesGone(c.post());

        SimMember dee = s.guild.member("dee");
        assertThat(dee.pressButton(otherCard, "Me too").awaitReply().content())
                .startsWith("Thanks — you're on **#" + c.number() + "**");
        eventually(
                "the remaining card to count everyone",
                () -> "3".equals(otherCard.embeds().getFirst().field("Requesters")));

        // someone who pressed Me too on an ephemeral card (from /issue show) belongs to no thread
        SimMessage shown = Seen.ephemeral(s.carol, s.team, "issue show", Map.of("number", c.number()));
        assertThat(s.carol.pressButton(shown, "Me too").awaitReply().content()).startsWith("Thanks — you're on");

        SimMessage working = Seen.ephemeral(s.erin, s.team, "issue working", Map.of("number", c.number()));
        assertThat(working.content()).endsWith("its 4 requesters were told.");
        SimMessage inThread = other.awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));
        assertThat(inThread.pinged()).containsExactlyInAnyOrder(s.bob.id(), dee.id());
        s.alice.awaitDm(m -> m.content().contains("working on it now"));
        s.carol.awaitDm(m -> m.content().contains("working on it now"));
        assertThat(s.issue(c.number()).status()).isEqualTo(IssueStatus.IN_PROGRESS);
    }

    @Test
    void requestersWhoseThreadIsLockedAndWhoseDmsAreClosedAreCountedAsUnreachedAndRecorded() {
        SimMember kit = s.guild.member("kit").closeDms();
        Captured c = s.capture(kit, "Ibis exports lose layers", "Exported ibis files lose their layers");
        assertThat(s.bob.pressButton(c.card(), "Me too").awaitReply().content()).startsWith("Thanks — you're on");
        c.post().lock();
        loopSeesLocked(c.post());
        String unreachedNote = "1 couldn't be reached (DMs closed)";

        // the timeline after triage (bob's Me too made the first prompt stale): bob by DM, kit nowhere
        SimMessage prompt = Captured.straightforward(
                s.erin, Seen.ephemeral(s.erin, s.team, "issue triage", Map.of("number", c.number())));
        SimMessage decided = s.erin.pressButton(prompt, "Yes").awaitUpdate();
        s.erin.pressButton(decided, "Done").awaitUpdate();
        s.bob.awaitDm(m -> m.content().contains("Update on **#" + c.number() + "**"));
        eventually(
                "the timeline notice in the history",
                () -> !s.history(c.number(), "notice").isEmpty());
        assertThat(s.history(c.number(), "notice"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail())
                        .isEqualTo("requesters told the timeline of Fix it now (1 person; " + unreachedNote + ")"));

        SimMessage working = Seen.ephemeral(s.erin, s.team, "issue working", Map.of("number", c.number()));
        assertThat(working.content())
                .isEqualTo("**#" + c.number() + "** is in progress and yours; 1 of its 2 " + "requesters was told; "
                        + unreachedNote + ".");
        s.bob.awaitDm(m -> m.content().contains("working on it now"));
        assertThat(s.history(c.number(), "notice"))
                .last()
                .satisfies(h -> assertThat(h.detail())
                        .isEqualTo("requesters told work has started (1 person; " + unreachedNote + ")"));

        SimMessage closed = Seen.ephemeral(
                s.erin, s.team, "issue close", Map.of("number", c.number(), "reason", "layers are not kept by design"));
        assertThat(closed.content())
                .isEqualTo("Closed **#" + c.number() + "**; told 1 requester; " + unreachedNote + ".");
        s.bob.awaitDm(m -> m.content().contains("without a change. The reason:"));

        assertThat(kit.dmsFromBot()).isEmpty();
        // nothing reached the locked post after the card and the request for details made at capture
        assertThat(c.post().messages())
                .noneMatch(
                        m -> m.fromBot() && !m.equals(c.card()) && !m.content().contains("Press **Add details**"));
        assertThat(s.history(c.number(), "unreachable")).hasSize(3).allSatisfy(h -> {
            assertThat(h.detail()).startsWith("couldn't tell <@" + kit.id() + "> (no thread to post in, DMs closed): ");
            assertThat(h.detail()).doesNotContain(String.valueOf(s.bob.id()));
        });
        assertThat(s.history(c.number(), "unreachable").getLast().detail()).contains("without a change. The reason:");
    }

    @Test
    void anEngineerWithClosedDmsWhoPinsAPostIsAskedToTriageInTheTeamChannel() {
        SimMember lu = s.guild.member("lu").addRole(s.engineers).closeDms();
        SimChannel post = s.alice.postInForum(s.support, "Gibbon menu cut off", "The menu is cut off on small screens");
        lu.react(post.starterMessage(), "📌");
        SimMessage asked = s.team.awaitMessage(m -> m.fromBot() && m.content().contains("your DMs are closed"));
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        assertThat(asked.content())
                .isEqualTo("<@" + lu.id() + "> **#" + number + "** was captured; your DMs are closed, "
                        + "so run `/issue triage " + number + "` to triage it.");
        assertThat(asked.pinged()).containsExactly(lu.id());
        assertThat(asked.pingedRoles()).isEmpty();
        assertThat(lu.dmsFromBot()).isEmpty();
        SimMessage prompt = Seen.ephemeral(lu, s.team, "issue triage", Map.of("number", number));
        assertThat(prompt.content()).startsWith("**Triage #" + number + "**");
    }

    @Test
    void assigningAnOwnerWhoseDmsAreClosedSaysSoAndStillAssigns() {
        SimMember mo = s.guild.member("mo").addRole(s.engineers).closeDms();
        Captured c = s.capture(s.alice, "Hyena sync skips weekends", "Nothing syncs on Saturdays");
        SimMessage assigned = Seen.ephemeral(s.erin, s.team, "issue assign", Map.of("number", c.number(), "owner", mo));
        assertThat(assigned.content())
                .isEqualTo("**#" + c.number() + "** is now owned by <@" + mo.id() + ">. Their DMs "
                        + "are closed, so tell them yourself.");
        assertThat(s.issue(c.number()).ownerId()).isEqualTo(mo.id());
        assertThat(s.history(c.number(), "notice")).noneMatch(h -> h.detail().contains("told by DM"));
    }

    @Test
    void aHintWhosePostWasDeletedIsRefusedByNameAndStaysOpen() {
        Captured c = s.capture(s.alice, "Ferret upload stalls", "Uploads stall at 50 percent");
        SimChannel post = s.bob.postInForum(s.support, "Ferret upload stalls again", "My ferret upload stalls halfway");
        SimMessage hint = s.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + post.id() + ">"));
        post.delete();
        loopSeesGone(post);
        SimMessage refused = s.erin.pressButton(hint, "Link").awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .isEqualTo("That post no longer exists or Loop cannot see it, so it was not linked.");
        assertThat(s.issues().places(c.number())).hasSize(1);
        assertThat(hint.buttons()).noneMatch(SimMessage.Button::disabled);
    }
}
