package dev.loop.release;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a release's docs/copy review checklist: the announcement text ({@code issueNumber} null) or an issue
 * flagged needs-docs, where its checklist message is, and who reviewed it.
 */
public record ReviewItem(
        long id,
        long releaseId,
        Integer issueNumber,
        String issueTitle,
        Long channelId,
        Long messageId,
        Long reviewedBy,
        Instant reviewedAt) {

    public boolean isAnnouncement() {
        return issueNumber == null;
    }

    public boolean reviewed() {
        return reviewedBy != null;
    }

    public Optional<Long> message() {
        return Optional.ofNullable(messageId);
    }
}
