package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway or Loop itself goes away while people act. What they did during a resumable drop is replayed on
 * RESUME and Loop handles each event exactly once; after a session Discord will not resume, Loop identifies again,
 * keeps working and catches up on the support posts it could not hear about; after a restart, posts made while it
 * was down are caught up once and never hinted again once captured.
 */
@EndToEnd
class OutageTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z")
            .yaml("watch:\n  hint-min-score: 0.5\n")
            .build();

    /** What happened during one outage, for the assertions after it. */
    record During(SimChannel post, SimInteraction meToo) {}

    /** Drops the gateway with {@code drop} and, before Loop can reconnect, opens a post, presses Me too and reacts 👍. */
    During actDuringDrop(
            Runnable drop,
            Captured c,
            SimMember poster,
            String title,
            String body,
            SimMember presser,
            SimMember reactor) {
        long resumes = s.sim.resumeCount();
        long identifies = s.sim.identifyCount();
        AtomicReference<During> during = new AtomicReference<>();
        s.sim.atomically(() -> {
            drop.run();
            SimChannel post = poster.postInForum(s.support, title, body);
            SimInteraction press = presser.pressButton(c.card(), "Me too");
            reactor.react(c.card(), "👍");
            during.set(new During(post, press));
        });
        s.sim.awaitResumes(resumes + 1);
        assertThat(s.sim.identifyCount()).as("a resume, not a new session").isEqualTo(identifies);
        return during.get();
    }

    void assertHandledOnce(Captured c, During d, SimMember presser, SimMember reactor) {
        SimMessage thanks = d.meToo().awaitReply();
        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content())
                .isEqualTo("Thanks — you're on **#" + c.number() + "** now. We'll let you know when it ships.");
        eventually(
                "the 👍 to count",
                () -> s.issues().requesters(c.number()).stream().anyMatch(r -> r.userId() == reactor.id()));
        eventually(
                "the post to be recorded",
                () -> s.supportThreads().find(d.post().id()).isPresent());
        SimMessage hint = s.team.awaitMessage(
                m -> m.fromBot() && m.content().contains("<#" + d.post().id() + ">"));
        assertThat(hint.content()).contains("looks like **#" + c.number() + "**");

        // a round trip after the replay, so anything doubled would have arrived by now
        Seen.ephemeral(s.erin, s.team, "issue show", Map.of("number", c.number()));
        s.watch().watcher().flush();

        List<Requester> requesters = s.issues().requesters(c.number());
        assertThat(requesters)
                .filteredOn(r -> r.userId() == presser.id())
                .singleElement()
                .satisfies(r -> assertThat(r.how()).isEqualTo(Requester.How.ME_TOO));
        assertThat(requesters)
                .filteredOn(r -> r.userId() == reactor.id())
                .singleElement()
                .satisfies(r -> assertThat(r.how()).isEqualTo(Requester.How.REACTION));
        assertThat(s.history(c.number(), "requester"))
                .filteredOn(h -> h.detail().contains("<@" + presser.id() + ">"))
                .hasSize(1);
        assertThat(s.history(c.number(), "requester"))
                .filteredOn(h -> h.detail().contains("<@" + reactor.id() + ">"))
                .hasSize(1);
        assertThat(presser.ephemeralReplies())
                .filteredOn(m -> m.content().contains("**#" + c.number() + "**"))
                .hasSize(1);
        assertThat(s.team.messages())
                .filteredOn(
                        m -> m.fromBot() && m.content().contains("<#" + d.post().id() + ">"))
                .hasSize(1);
        assertThat(s.rows(
                        Tables.SUPPORT_THREAD,
                        Tables.SUPPORT_THREAD.THREAD_ID.eq(d.post().id())))
                .isEqualTo(1);
        assertThat(s.rows(
                        Tables.SIMILARITY_HINT,
                        Tables.SIMILARITY_HINT.THREAD_ID.eq(d.post().id())))
                .isEqualTo(1);
        eventually(
                "the card to count everyone",
                () -> String.valueOf(requesters.size())
                        .equals(c.card().embeds().getFirst().field("Requesters")));
    }

    @Test
    void whatPeopleDoDuringADropIsReplayedOnResumeAndHandledOnce() {
        Captured c = s.capture(s.alice, "Ocelot export loses accents", "Exporting ocelot files loses the accents");
        During d = actDuringDrop(
                () -> s.sim.faults().dropGateway(4000),
                c,
                s.bob,
                "Ocelot export drops accents",
                "My ocelot export drops every accent",
                s.carol,
                s.guild.member("dora"));
        assertHandledOnce(c, d, s.carol, s.guild.member("dora"));
    }

    @Test
    void whatPeopleDoDuringAnAbruptDisconnectIsReplayedAndHandledOnce() {
        Captured c = s.capture(s.alice, "Pelican sync stalls overnight", "Pelican sync stalls every night");
        SimMember ed = s.guild.member("ed");
        SimMember fay = s.guild.member("fay");
        During d = actDuringDrop(
                () -> s.sim.faults().dropGatewayAbruptly(),
                c,
                s.bob,
                "Pelican sync stalls at night",
                "The pelican sync stalls at night",
                ed,
                fay);
        assertHandledOnce(c, d, ed, fay);
    }

    @Test
    void whatPeopleDoWhileDiscordAsksLoopToReconnectIsReplayedAndHandledOnce() {
        Captured c = s.capture(s.alice, "Gannet search misses plurals", "Searching gannets finds nothing");
        SimMember hal = s.guild.member("hal");
        SimMember ivy = s.guild.member("ivy");
        During d = actDuringDrop(
                () -> s.sim.faults().requestReconnect(),
                c,
                s.bob,
                "Gannet search ignores plurals",
                "My gannet search misses plurals",
                hal,
                ivy);
        assertHandledOnce(c, d, hal, ivy);
    }

    @Test
    void aRushOfMeTooPressesAndReactionsLeavesTheCardCountingEveryone() {
        Captured c = s.capture(s.alice, "Hornet popups stack up", "Every popup stacks on the last");
        List<SimInteraction> presses = new java.util.ArrayList<>();
        s.sim.atomically(() -> {
            for (int i = 0; i < 8; i++) {
                presses.add(s.guild.member("rush" + i).pressButton(c.card(), "Me too"));
                s.guild.member("wave" + i).react(c.card(), "👍");
            }
        });
        for (SimInteraction p : presses) assertThat(p.awaitReply().content()).startsWith("Thanks — you're on");
        eventually(
                "every reaction counted",
                () -> s.issues().requesters(c.number()).size() == 17);
        eventually(
                "the card to count all 17",
                () -> "17".equals(c.card().embeds().getFirst().field("Requesters")));
    }

    @Test
    void afterASessionDiscordWillNotResumeLoopIdentifiesAgainAndCatchesUpOnMissedPosts() {
        Captured c = s.capture(s.alice, "Heron login drops the session", "Heron logs me out every hour");
        long identifies = s.sim.identifyCount();
        AtomicReference<SimChannel> missed = new AtomicReference<>();
        s.sim.atomically(() -> {
            s.sim.faults().invalidateSession(false);
            // nobody is listening between the old session and the new one: Discord delivers this to no one
            missed.set(s.bob.postInForum(s.support, "Heron login drops my session", "Heron logs me out hourly"));
        });
        s.sim.await("a new session", () -> s.sim.identifyCount() > identifies);
        s.sim.awaitBotConnected();

        SimMessage show = Seen.ephemeral(s.carol, s.team, "issue show", Map.of("number", c.number()));
        assertThat(show.embeds().getFirst().title()).startsWith("#" + c.number() + " Heron login drops the session");
        SimMessage thanks = s.carol.pressButton(c.card(), "Me too").awaitReply();
        assertThat(thanks.content()).startsWith("Thanks — you're on **#" + c.number() + "**");

        // the post opened while Loop had no session is recorded and matched as if it had been heard live
        eventually(
                "the missed post to be recorded",
                () -> s.supportThreads().find(missed.get().id()).isPresent());
        SimMessage hint = s.team.awaitMessage(
                m -> m.fromBot() && m.content().contains("<#" + missed.get().id() + ">"));
        assertThat(hint.content()).contains("looks like **#" + c.number() + "**");
        // and the card's own post, known from before, is neither re-recorded nor hinted
        assertThat(s.rows(
                        Tables.SUPPORT_THREAD,
                        Tables.SUPPORT_THREAD.THREAD_ID.eq(c.post().id())))
                .isEqualTo(1);
        assertThat(s.team.messages())
                .noneMatch(m -> m.content().contains("<#" + c.post().id() + ">"));
    }

    @Test
    void postsMadeWhileLoopWasDownAreCaughtUpOnceAndACapturedPostIsNeverHintedAgain() throws Exception {
        Captured c = s.capture(s.alice, "Quokka backup skips hidden files", "Quokka backups skip dotfiles");
        SimChannel pending = s.carol.postInForum(s.support, "Wombat theme request", "A wombat colour theme please");
        SimMessage choice = s.erin.runSlash(pending, "capture")
                .awaitModal()
                .submit(Map.of("summary", "quokka backup wombat dotfiles", "kind", "feature", "needs_docs", "no"))
                .awaitReply(m -> m.buttonLabels().contains("Create new issue"));

        s.stop();
        SimChannel missed = s.bob.postInForum(
                s.support, "Quokka backup ignores dotfiles", "My quokka backup skips hidden dotfiles");
        s.alice.say(c.post(), "still skipping them");
        s.start();

        eventually("the missed post", () -> s.supportThreads().find(missed.id()).isPresent());
        SimMessage hint = s.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + missed.id() + ">"));
        assertThat(hint.content()).contains("looks like **#" + c.number() + "**");

        // the buttons of the card and of the hint survive the restart
        SimMessage thanks =
                s.guild.member("gus").pressButton(c.card(), "Me too").awaitReply();
        assertThat(thanks.content()).startsWith("Thanks — you're on **#" + c.number() + "**");
        // a capture choice held in memory does not: a specific answer, nothing stored
        SimMessage expired = s.erin.pressButton(choice, "Create new issue").awaitReply();
        assertThat(expired.ephemeral()).isTrue();
        assertThat(expired.content()).isEqualTo("This capture has expired or was already handled. Run /capture again.");
        assertThat(s.issues().findByChannel(pending.id())).isEmpty();

        // the missed post becomes its own issue; the open hint can no longer link it elsewhere
        Captured own = s.captureIn(missed, Map.of("kind", "bug", "needs_docs", "no"));
        hint.awaitState("the hint to close", m -> m.buttons().stream().allMatch(b -> b.disabled()));
        assertThat(hint.content()).contains("📌 Captured as **#" + own.number() + "** by <@" + s.erin.id() + ">");
        assertThat(s.issues().places(c.number())).noneMatch(p -> p.channelId() != null && p.channelId() == missed.id());

        int supportRows = s.rows(Tables.SUPPORT_THREAD);
        int hintRows = s.rows(Tables.SIMILARITY_HINT);
        s.restart();
        s.bob.say(missed, "thanks for tracking it");
        Seen.ephemeral(s.erin, s.team, "issue show", Map.of("number", own.number()));
        s.watch().watcher().flush();
        assertThat(s.rows(Tables.SUPPORT_THREAD)).isEqualTo(supportRows);
        assertThat(s.rows(Tables.SIMILARITY_HINT)).isEqualTo(hintRows);
        assertThat(s.team.messages())
                .filteredOn(m -> m.content().contains("<#" + missed.id() + ">"))
                .hasSize(1);
        assertThat(s.team.messages())
                .noneMatch(m -> m.content().contains("<#" + c.post().id() + ">"));
    }
}
