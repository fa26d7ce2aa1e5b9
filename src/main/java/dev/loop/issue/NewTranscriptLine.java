package dev.loop.issue;

import java.time.Instant;
import java.util.List;

/** A message about to be copied into an issue's transcript. */
public record NewTranscriptLine(
        long messageId,
        long authorId,
        String authorName,
        Instant postedAt,
        String content,
        List<String> attachmentUrls) {
    public NewTranscriptLine {
        attachmentUrls = List.copyOf(attachmentUrls);
    }
}
