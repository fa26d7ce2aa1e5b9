package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStore;
import dev.loop.release.AnnouncementState;
import dev.loop.release.NoticeState;
import dev.loop.release.Release;
import dev.loop.release.ReleaseStore;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loop stopped dead between sending a release message and recording it, and started again an hour later — long after
 * Discord's nonce window (five minutes, on the simulator's clock) — finds the message it already sent in the
 * destination and records it instead of sending it again: nobody is told twice, the announcement and the review
 * checklist are posted once.
 */
@EndToEnd
class ExactlyOnceAfterCrashTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @RegisterExtension
    final StopDead stopDead = new StopDead(s);

    ReleaseStore releases() {
        return new ReleaseStore(s.db, new IssueStore(s.db));
    }

    Release publish(String version, int issue) {
        SimMessage preview = s.erin.runSlash(s.team, "release", Map.of("version", version, "issues", "#" + issue))
                .awaitModal()
                .submit(Map.of("notes", "What's new in " + version, "snippet", ""))
                .awaitReply();
        SimMessage done = s.erin.pressButton(preview, "Publish").awaitUpdate();
        assertThat(done.content()).startsWith("✅ Published");
        return releases().findByVersion(version).orElseThrow();
    }

    /** Stops Loop dead at {@code step} while publishing, then starts it again an hour later. */
    Release crashAt(String step, String version, int issue) throws InterruptedException {
        stopDead.at(step);
        Release r = publish(version, issue);
        stopDead.thenStartAnHourLater(); // the thread that sent it dies without recording
        return r;
    }

    void awaitDone(Release r) {
        eventually("release " + r.version() + " done", () -> {
            ReleaseStore store = releases();
            Release now = store.find(r.id()).orElseThrow();
            return now.announcementState() != AnnouncementState.PENDING
                    && store.notices(r.id()).stream().noneMatch(n -> n.state() == NoticeState.PENDING)
                    && store.reviewItems(r.id()).stream().allMatch(i -> i.messageId() != null);
        });
    }

    static List<SimMessage> fromLoop(SimChannel channel, String text) {
        return channel.messages().stream()
                .filter(m -> m.fromBot() && m.content().contains(text))
                .toList();
    }

    static long told(SimMember who, String version) {
        return who.pingsReceived().stream()
                        .filter(m -> m.content().contains(version))
                        .count()
                + who.dmsFromBot().stream()
                        .filter(m -> m.content().contains(version))
                        .count();
    }

    @Test
    void aNoticeSentJustBeforeACrashIsNotSentAgainAnHourLater() throws Exception {
        Captured c = s.capture(s.alice, "Ibis export hangs", "Export hangs on large files");
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        Release r = crashAt("release.notice.sent", "4.1.0", c.number());
        assertThat(fromLoop(c.post(), "4.1.0")).hasSize(1); // it went out before the stop

        awaitDone(r);
        assertThat(fromLoop(c.post(), "4.1.0")).hasSize(1);
        assertThat(told(s.alice, "4.1.0")).isEqualTo(1);
        assertThat(told(s.bob, "4.1.0")).isEqualTo(1);
        assertThat(releases().notices(r.id()))
                .allMatch(n -> n.state() == NoticeState.DELIVERED && n.sentMessageId() != null);
        assertThat(fromLoop(s.releases, "4.1.0")).hasSize(1);
    }

    @Test
    void theAnnouncementSentJustBeforeACrashIsNotPostedAgain() throws Exception {
        Captured c = s.capture(s.alice, "Ibis import skips rows", "Import skips every tenth row");
        Release r = crashAt("release.announcement.sent", "4.2.0", c.number());
        assertThat(fromLoop(s.releases, "4.2.0")).hasSize(1);

        awaitDone(r);
        assertThat(fromLoop(s.releases, "4.2.0")).hasSize(1);
        SimMessage announcement = fromLoop(s.releases, "4.2.0").getFirst();
        assertThat(releases().find(r.id()).orElseThrow().announcementMessageId())
                .isEqualTo(announcement.id());
        assertThat(told(s.alice, "4.2.0")).isEqualTo(1);
    }

    @Test
    void aReviewItemPostedJustBeforeACrashIsNotPostedAgain() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Ibis labels unclear", "The export labels are unclear");
        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "yes"));
        Release r = crashAt("release.review.sent", "4.3.0", c.number());
        awaitDone(r);
        long items = releases().reviewItems(r.id()).size();
        assertThat(items).isPositive();
        assertThat(fromLoop(s.team, "4.3.0").stream()
                        .filter(m -> !m.buttons().isEmpty())
                        .count())
                .isEqualTo(items);
        assertThat(told(s.alice, "4.3.0")).isEqualTo(1);
    }
}
