package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Releases by DM, and the outbox surviving a stop in the middle of delivery. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReleaseRestartE2ETest {

    @Test
    void stoppedWhileNotifying500PeopleAndRestartedEveryoneIsToldExactlyOnce() throws Exception {
        try (ReleaseWorld w = new ReleaseWorld("dm")) {
            w.guild.addMembers(500, "fan");
            List<SimMember> fans = new ArrayList<>();
            for (int i = 0; i < 500; i++) fans.add(w.guild.findMember("fan" + i).orElseThrow());
            SimChannel post = fans.getFirst().postInForum(w.support, "Offline mode", "Please add offline mode", "bug");
            Issue offline = w.issue("Offline mode", post, fans.getFirst(), fans.subList(1, 300), false);
            SimChannel post2 = fans.get(300).postInForum(w.support, "Bulk export", "Bulk export please", "bug");
            Issue export = w.issue("Bulk export", post2, fans.get(300), fans.subList(301, 500), false);
            w.meToo(export, fans.get(5)); // asked for both: one DM listing both

            SimChannel post3 = fans.get(7).postInForum(w.support, "Later", "Later please", "bug");
            Issue later = w.issue("Later", post3, fans.get(7), List.of(), false);
            SimMessage pendingPreview = w.preview("7.1.0", "#" + later.number(), "Next one", "");

            // a little latency so the stop lands while requests are in flight
            w.sim.faults().restLatency(Duration.ofMillis(2));
            Release r = w.publish("7.0.0", "#" + offline.number() + " #" + export.number());
            w.sim.await("a third of the DMs out", () -> w.releaseStore.status(r).delivered() >= 150);
            // abruptly: JDA drops its connections and requests in flight, then the process goes away
            w.loop.jda().shutdownNow();
            w.stop();
            ReleaseStatus atStop = w.releaseStore.status(r);
            long seenAtStop = fans.stream()
                    .filter(f ->
                            f.dmsFromBot().stream().anyMatch(m -> m.content().contains("7.0.0")))
                    .count();
            assertThat(atStop.pending()).isPositive();
            assertThat(seenAtStop).isGreaterThanOrEqualTo(atStop.delivered());
            w.sim.faults().clear();

            w.start(); // a new Loop process on the same database
            ReleaseStatus done = w.awaitDelivered(r);
            assertThat(done.delivered()).isEqualTo(500);
            assertThat(done.failed() + done.fellBack()).isZero();

            for (SimMember fan : fans) {
                List<SimMessage> dms = fan.dmsFromBot().stream()
                        .filter(m -> m.content().contains("7.0.0"))
                        .toList();
                assertThat(dms).as(fan.name()).hasSize(1);
            }
            assertThat(fans.get(5).dmsFromBot().getFirst().content()).contains("Offline mode", "Bulk export");
            assertThat(fans.get(400).dmsFromBot().getFirst().content())
                    .contains("Bulk export")
                    .doesNotContain("Offline");
            assertThat(ReleaseWorld.botMessages(w.releases, "7.0.0")).hasSize(1);
            assertThat(ReleaseWorld.botMessages(post, "7.0.0")).isEmpty();

            // a preview from before the restart can't be published any more
            SimMessage expired =
                    w.engineer.pressButton(pendingPreview, "Publish").awaitReply();
            assertThat(expired.content())
                    .isEqualTo("This release preview has expired or was already used; run /release again.");
            assertThat(w.releaseStore.findByVersion("7.1.0")).isEmpty();
        }
    }

    @Test
    void aRefusedDmBecomesAMentionInTheThread() throws Exception {
        try (ReleaseWorld w = new ReleaseWorld("dm")) {
            SimMember open = w.guild.member("opal");
            SimMember closed = w.guild.member("quinn").closeDms();
            SimChannel post = open.postInForum(w.support, "Themes", "Themes please", "bug");
            Issue themes = w.issue("Themes", post, open, List.of(closed), false);
            SimMember rex = w.guild.member("rex");
            SimChannel quiet = rex.postInForum(w.support, "Quiet post", "Fonts please", "bug");
            Issue fonts = w.issue("Fonts", quiet, rex, List.of(), false);
            quiet.archive();

            Release r = w.publish("8.0.0", "#" + themes.number() + " #" + fonts.number());
            ReleaseStatus s = w.awaitDelivered(r);
            assertThat(s.delivered()).isEqualTo(2);
            assertThat(s.fellBack()).isEqualTo(1);
            assertThat(rex.dmsFromBot())
                    .singleElement()
                    .satisfies(m -> assertThat(m.content()).contains("Fonts"));
            // the archived post is tagged and put back as it was
            w.sim.await("quiet post tagged", () -> quiet.appliedTags().contains("shipped"));
            w.sim.await("quiet post archived again", quiet::archived);
            assertThat(ReleaseWorld.botMessages(quiet, "8.0.0")).isEmpty();
            assertThat(open.dmsFromBot())
                    .singleElement()
                    .satisfies(m -> assertThat(m.content()).contains("8.0.0", "Themes"));
            assertThat(open.pingsReceived()).isEmpty();
            assertThat(closed.pingsReceived()).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo(post);
                assertThat(m.pinged()).containsExactly(closed.id());
                assertThat(m.content()).contains("8.0.0", "Themes");
            });
            OutboxNotice row = w.releaseStore.notices(r.id()).stream()
                    .filter(n -> n.userId() == closed.id())
                    .findFirst()
                    .orElseThrow();
            assertThat(row.outcomeRoute()).isEqualTo(Route.THREAD);
            assertThat(row.lastError()).isEqualTo("the DM was refused");
        }
    }
}
