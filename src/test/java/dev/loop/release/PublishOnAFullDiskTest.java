package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.StorageUnavailable;
import dev.loop.db.Tables;
import dev.loop.issue.Issue;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.FullDisk;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The disk fills up while an engineer publishes a release. SQLite's own limit on the file's size ({@code PRAGMA
 * max_page_count}) makes the publication's writes fail with SQLITE_FULL as a full disk does. The press was already
 * acknowledged, so the polite answer comes as a follow-up; nothing of the release is stored; once space returns the
 * same preview's Publish works, without a restart.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PublishOnAFullDiskTest extends ReleaseEndToEnd {

    @Test
    void aPublishOnAFullDiskSaysNothingWasSavedAndWorksOnceSpaceReturns() {
        SimMember alice = w.guild.member("alice");
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            SimChannel post = alice.postInForum(w.support, "Export format " + i, "Could you add format " + i + "?");
            Issue issue = w.issue("Export format " + i, post, alice, List.of(), false);
            long placeId = w.issues.places(issue.number()).getFirst().id();
            // many people asked: telling them needs many new pages, more than any free space left in the file
            for (long p = 1; p <= 150; p++) {
                w.issues.addRequester(
                        issue.number(),
                        900_000_000_000_000_000L + i * 1000 + p,
                        Requester.How.ME_TOO,
                        placeId,
                        w.engineer.id(),
                        Instant.now().minusSeconds(30));
            }
            typed.append('#').append(issue.number()).append(' ');
        }
        int releases = w.db.read(ctx -> ctx.fetchCount(Tables.RELEASE));
        int notices = w.db.read(ctx -> ctx.fetchCount(Tables.NOTICE));
        SimMessage preview = w.preview("7.0.0", typed.toString().trim(), "Three new export formats.", "");

        FullDisk.fill(w.db);
        try {
            SimInteraction press = w.engineer.pressButton(preview, "Publish");
            SimMessage sorry = press.awaitReply(m -> m.content().equals(StorageUnavailable.SENTENCE));
            assertThat(sorry.ephemeral()).isTrue();
        } finally {
            FullDisk.spaceReturns(w.db);
        }
        // nothing half-written: no release, no notices, no announcement
        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(Tables.RELEASE))).isEqualTo(releases);
        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(Tables.NOTICE))).isEqualTo(notices);
        assertThat(w.releaseStore.findByVersion("7.0.0")).isEmpty();
        assertThat(ReleaseWorld.botMessages(w.releases, "7.0.0")).isEmpty();

        // space is back: the same preview publishes, with no restart
        SimMessage done = w.engineer.pressButton(preview, "Publish").awaitUpdate();
        assertThat(done.content()).startsWith("✅ Published **7.0.0**");
        assertThat(w.releaseStore.findByVersion("7.0.0")).isPresent();
    }
}
