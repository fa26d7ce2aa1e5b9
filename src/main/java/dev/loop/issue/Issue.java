package dev.loop.issue;

import java.time.Instant;
import java.util.Optional;

/**
 * One issue record as stored, without its places, requesters and transcript (see {@link IssueRecordView}).
 * Text fields are whole; rendering truncates them for Discord.
 */
public record Issue(
        int number,
        String title,
        IssueKind kind,
        String summary,
        IssueStatus status,
        Priority priority,
        String priorityReason,
        String triageAnswers,
        String area,
        Long ownerId,
        boolean needsDocs,
        Instant promiseDueAt,
        String shippedVersion,
        Integer duplicateOf,
        String closeReason,
        boolean transcriptCapped,
        int revision,
        long createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant triagedAt,
        Instant shippedAt,
        Instant closedAt,
        PrioritySource prioritySource) {

    public Optional<Long> owner() {
        return Optional.ofNullable(ownerId);
    }

    /** "#12" */
    public String ref() {
        return "#" + number;
    }
}
