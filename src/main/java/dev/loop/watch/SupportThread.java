package dev.loop.watch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A thread or forum post opened in a support channel, as recorded. Its messages are not stored.
 *
 * @param tags                 the forum tag names it carried when recorded (empty for plain threads)
 * @param firstEngineerReplyAt null while no engineer has replied
 * @param capturedIssue        the issue it was linked into from a hint, if any
 */
public record SupportThread(
        long threadId,
        long guildId,
        long parentChannelId,
        long authorId,
        String title,
        List<String> tags,
        Instant createdAt,
        Instant firstEngineerReplyAt,
        Long firstEngineerId,
        Integer capturedIssue) {

    public SupportThread {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        tags = List.copyOf(tags);
    }

    /** A thread as first seen: nobody has answered yet as far as Loop knows. */
    public static SupportThread opened(
            long threadId,
            long guildId,
            long parentChannelId,
            long authorId,
            String title,
            List<String> tags,
            Instant createdAt) {
        return new SupportThread(
                threadId, guildId, parentChannelId, authorId, title, tags, createdAt, null, null, null);
    }

    public boolean answered() {
        return firstEngineerReplyAt != null;
    }
}
