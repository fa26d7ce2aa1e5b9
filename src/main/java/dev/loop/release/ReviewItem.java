package dev.loop.release;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a release's docs/copy review checklist: the announcement text ({@code issueNumber} null) or an issue
 * flagged needs-docs, where its checklist message is, and when it was reviewed and by whom ({@code reviewedBy} null
 * when its box was ticked on GitHub, which does not say who ticked it).
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
        return reviewedAt != null;
    }

    public Optional<Long> message() {
        return Optional.ofNullable(messageId);
    }
}
