package dev.loop.issue;

import java.time.Instant;
import java.util.List;

/** One message copied into the record. */
public record TranscriptLine(
        long id,
        int issueNumber,
        Long placeId,
        long messageId,
        long authorId,
        String authorName,
        Instant postedAt,
        String content,
        List<String> attachmentUrls) {}
