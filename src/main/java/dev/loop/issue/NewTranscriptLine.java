package dev.loop.issue;

import java.time.Instant;
import java.util.List;

/**
 * A message about to be copied into an issue's transcript. {@code editedAt} is when Discord last edited it (null:
 * never edited, or not known), so that a late, older edit never replaces the copy.
 */
public record NewTranscriptLine(
        long messageId,
        long authorId,
        String authorName,
        Instant postedAt,
        String content,
        List<String> attachmentUrls,
        Instant editedAt) {
    public NewTranscriptLine {
        attachmentUrls = List.copyOf(attachmentUrls);
    }

    /** A line of a message never edited (or whose edit time is not known). */
    public NewTranscriptLine(
            long messageId,
            long authorId,
            String authorName,
            Instant postedAt,
            String content,
            List<String> attachmentUrls) {
        this(messageId, authorId, authorName, postedAt, content, attachmentUrls, null);
    }
}
