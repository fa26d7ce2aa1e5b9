package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Releases by DM, and the outbox surviving a stop in the middle of delivery. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReleaseRestartE2ETest {

    @Test
    void stoppedWhileNotifying500PeopleAndRestartedEveryoneIsToldExactlyOnce(@TempDir Path dir) throws Exception {
        try (ReleaseWorld w = new ReleaseWorld(dir, "dm")) {
            w.guild.addMembers(500, "fan");
            List<SimMember> fans = new ArrayList<>();
            for (int i = 0; i < 500; i++) fans.add(w.guild.findMember("fan" + i).orElseThrow());
            SimChannel post = fans.getFirst().postInForum(w.support, "Offline mode", "Please add offline mode", "bug");
            Issue offline = w.issue("Offline mode", post, fans.getFirst(), fans.subList(1, 300), false);
            SimChannel post2 = fans.get(300).postInForum(w.support, "Bulk export", "Bulk export please", "bug");
            Issue export = w.issue("Bulk export", post2, fans.get(300), fans.subList(301, 500), false);
            w.meToo(export, fans.get(5)); // asked for both: one DM listing both

            // a little latency so the stop lands while requests are in flight
            w.sim.faults().restLatency(Duration.ofMillis(2));
            Release r = w.publish("7.0.0", "#" + offline.number() + " #" + export.number());
            w.sim.await("a third of the DMs out", () -> w.releaseStore.status(r).delivered() >= 150);
            w.stop();
            ReleaseStatus atStop = w.releaseStore.status(r);
            assertThat(atStop.pending()).isPositive();
            w.sim.faults().clear();

            w.start(); // a new Loop process on the same database
            ReleaseStatus done = w.awaitDelivered(r);
            assertThat(done.delivered()).isEqualTo(500);
            assertThat(done.failed() + done.fellBack()).isZero();

            for (SimMember fan : fans) {
                List<SimMessage> dms = fan.dmsFromBot().stream().filter(m -> m.content().contains("7.0.0")).toList();
                assertThat(dms).as(fan.name()).hasSize(1);
            }
            assertThat(fans.get(5).dmsFromBot().getFirst().content()).contains("Offline mode", "Bulk export");
            assertThat(fans.get(400).dmsFromBot().getFirst().content()).contains("Bulk export").doesNotContain("Offline");
            assertThat(ReleaseWorld.botMessages(w.releases, "7.0.0")).hasSize(1);
            assertThat(ReleaseWorld.botMessages(post, "7.0.0")).isEmpty();
        }
    }

    @Test
    void aRefusedDmBecomesAMentionInTheThread(@TempDir Path dir) throws Exception {
        try (ReleaseWorld w = new ReleaseWorld(dir, "dm")) {
            SimMember open = w.guild.member("opal");
            SimMember closed = w.guild.member("quinn").closeDms();
            SimChannel post = open.postInForum(w.support, "Themes", "Themes please", "bug");
            Issue themes = w.issue("Themes", post, open, List.of(closed), false);

            Release r = w.publish("8.0.0", "#" + themes.number());
            ReleaseStatus s = w.awaitDelivered(r);
            assertThat(s.delivered()).isEqualTo(1);
            assertThat(s.fellBack()).isEqualTo(1);
            assertThat(open.dmsFromBot()).singleElement().satisfies(m -> assertThat(m.content()).contains("8.0.0", "Themes"));
            assertThat(open.pingsReceived()).isEmpty();
            assertThat(closed.pingsReceived()).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo(post);
                assertThat(m.pinged()).containsExactly(closed.id());
                assertThat(m.content()).contains("8.0.0", "Themes");
            });
            OutboxNotice row = w.releaseStore.notices(r.id()).stream().filter(n -> n.userId() == closed.id()).findFirst().orElseThrow();
            assertThat(row.outcomeRoute()).isEqualTo(Route.THREAD);
            assertThat(row.lastError()).isEqualTo("the DM was refused");
        }
    }
}
