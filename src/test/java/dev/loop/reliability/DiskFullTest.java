package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.StorageUnavailable;
import dev.loop.db.Tables;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.FullDisk;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The disk fills up while an engineer captures a conversation. SQLite's own limit on the file's size
 * ({@code PRAGMA max_page_count} on Loop's writer connection) makes every write that needs a new page fail with
 * SQLITE_FULL, exactly as a full disk does. The engineer is told politely that nothing was saved, the database holds
 * no part of the issue, and once space returns the same capture works without restarting Loop.
 */
@EndToEnd
class DiskFullTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @Test
    void aCaptureOnAFullDiskSaysNothingWasChangedAndWorksOnceSpaceReturns() {
        String body = "Exporting a report with 40 pages fails halfway. " + "The log says out of memory. ".repeat(60);
        SimChannel post = s.alice.postInForum(s.support, "Heron export stops halfway", body);
        // a long conversation: its transcript needs many new pages, more than any free space left in the file
        for (int i = 0; i < 8; i++) {
            StringBuilder log = new StringBuilder("Same here, attempt " + i + ":");
            for (int line = 0; log.length() < 1900; line++)
                log.append(" page").append(i * 1000 + line).append(" failed");
            s.bob.say(post, log.toString());
        }
        int issuesBefore = s.rows(Tables.ISSUE);
        int transcriptBefore = s.rows(Tables.TRANSCRIPT_MESSAGE);
        int placesBefore = s.rows(Tables.ISSUE_PLACE);
        int requestersBefore = s.rows(Tables.REQUESTER);

        FullDisk.fill(s.db);
        try {
            SimMessage sorry = s.erin.runSlash(post, "capture")
                    .awaitModal()
                    .submit(Map.of("kind", "bug", "needs_docs", "no"))
                    .awaitReply(m -> m.content().equals(StorageUnavailable.SENTENCE));
            assertThat(sorry.ephemeral()).isTrue();
            assertThat(sorry.content())
                    .isEqualTo("Loop can't save that right now, nothing was changed — try again in a minute.");
        } finally {
            FullDisk.spaceReturns(s.db);
        }
        // nothing half-written: no issue, no transcript, no place, no requester, no card in the post
        assertThat(s.rows(Tables.ISSUE)).isEqualTo(issuesBefore);
        assertThat(s.rows(Tables.TRANSCRIPT_MESSAGE)).isEqualTo(transcriptBefore);
        assertThat(s.rows(Tables.ISSUE_PLACE)).isEqualTo(placesBefore);
        assertThat(s.rows(Tables.REQUESTER)).isEqualTo(requestersBefore);
        assertThat(post.messages()).noneMatch(m -> m.fromBot() && !m.embeds().isEmpty());

        // space is back: the same capture works, with no restart
        Captured c = s.captureIn(post, Map.of("kind", "bug", "needs_docs", "no"));
        assertThat(s.issue(c.number()).title()).isEqualTo("Heron export stops halfway");
        assertThat(s.rows(Tables.ISSUE)).isEqualTo(issuesBefore + 1);
        assertThat(s.issues().transcript(c.number())).isNotEmpty();
        assertThat(c.card().embeds().getFirst().title()).startsWith("#" + c.number() + " Heron export");
    }
}
