package dev.loop.watch;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Threads waiting longer than watch.nudge-after (4h by default) are listed in one team-channel message that Loop
 * keeps edited, and the owner of the thread's area (olga owns Installer, by the installer forum tag) gets one DM per
 * thread, never twice, across a restart. The clock is moved by hand; each check is what the minute's routine runs.
 */
@EndToEnd
class NudgeEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-05T08:00:00Z").build();

    @Test
    void waitingThreadsAreListedInOneEditedMessageAndTheOwnerIsToldOncePerThread() throws Exception {
        SupportThreadStore threads = new SupportThreadStore(c.db);
        SimChannel installer = c.alice.postInForum(c.support, "Installer stops at 80%", "It hangs", "installer");
        SimChannel sync = c.bob.postInForum(c.support, "Sync skips hidden files", "They never arrive");
        eventually(
                "both posts recorded",
                () -> threads.find(installer.id()).isPresent()
                        && threads.find(sync.id()).isPresent());

        // 3 hours: nothing is late yet, nothing is said
        c.clock.advance(Duration.ofHours(3));
        assertThat(c.watch().nudges().runDue(c.clock.instant())).isEmpty();
        assertThat(board()).isEmpty();
        assertThat(olgaNudges()).isEmpty();

        // past 4 hours: one message lists both, olga hears once about hers (the untagged post has no area owner)
        c.clock.advance(Duration.ofMinutes(61));
        assertThat(c.watch().nudges().runDue(c.clock.instant())).containsExactly(installer.id(), sync.id());
        SimMessage list = board().orElseThrow();
        assertThat(list.content())
                .startsWith("⏰ 2 support threads have waited too long for a first answer from the team:")
                .contains("**Installer stops at 80%** <#" + installer.id() + ">, waiting 4 hours")
                .contains("**Sync skips hidden files** <#" + sync.id() + ">, waiting 4 hours");
        assertThat(list.pinged()).isEmpty();
        eventually("olga's DM", () -> olgaNudges().size() == 1);
        assertThat(olgaNudges().getFirst().content())
                .isEqualTo("⏰ **Installer stops at 80%** (<#" + installer.id()
                        + ">), in your area Installer, has waited 4 hours for a first answer from the team.");

        // later checks edit the same message, and never DM again
        c.clock.advance(Duration.ofHours(2));
        c.watch().nudges().runDue(c.clock.instant());
        c.watch().nudges().runDue(c.clock.instant());
        assertThat(board().orElseThrow().content()).contains("waiting 6 hours");

        // an engineer answers the sync post: it leaves the list
        c.erin.say(sync, "Hidden files are skipped on purpose; here is the switch.");
        eventually(
                "the answer recorded",
                () -> threads.find(sync.id()).orElseThrow().answered());
        assertThat(c.watch().nudges().runDue(c.clock.instant())).containsExactly(installer.id());
        assertThat(board().orElseThrow().content())
                .startsWith("⏰ 1 support thread has waited too long")
                .doesNotContain("Sync skips hidden files");

        // a restart: still the same single message, still one DM
        c.restart();
        assertThat(c.watch().nudges().runDue(c.clock.instant())).containsExactly(installer.id());
        c.clock.advance(Duration.ofHours(20));
        c.watch().nudges().runDue(c.clock.instant());
        assertThat(board().orElseThrow().content()).contains("waiting 26 hours");

        // the post is archived: it leaves the inbox and the list
        installer.archive();
        eventually(
                "the archived post leaves the inbox",
                () -> threads.unanswered(10).stream().noneMatch(t -> t.threadId() == installer.id()));
        assertThat(c.watch().nudges().runDue(c.clock.instant())).isEmpty();
        assertThat(board().orElseThrow().content())
                .isEqualTo("✅ No support thread is waiting too long for a first answer.");

        assertThat(c.team.messages().stream().filter(m -> m.fromBot() && isBoard(m)))
                .hasSize(1);
        assertThat(olgaNudges()).hasSize(1);
        assertThat(c.olga.pingsReceived()).isEmpty();
        assertThat(c.erin.pingsReceived()).isEmpty();
        assertThat(c.alice.dmsFromBot()).isEmpty();
        assertThat(c.bob.dmsFromBot()).isEmpty();
    }

    private static boolean isBoard(SimMessage m) {
        return m.content().startsWith("⏰") || m.content().startsWith("✅ No support thread");
    }

    private java.util.Optional<SimMessage> board() {
        return c.team.messages().stream()
                .filter(SimMessage::fromBot)
                .filter(NudgeEndToEndTest::isBoard)
                .findFirst();
    }

    private List<SimMessage> olgaNudges() {
        return c.olga.dmsFromBot().stream()
                .filter(m -> m.content().startsWith("⏰"))
                .toList();
    }
}
