package dev.loop.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * A thread or forum post opened in a support channel.
 *
 * @param firstEngineerReplyAt null while no engineer has replied
 * @param ownerId              the engineer it is attributed to for per-owner stats (the owner of the issue it was
 *                             captured into, or of its product area); null when nobody
 */
public record SupportThreadFact(long threadId, Instant createdAt, Instant firstEngineerReplyAt, Long ownerId) {
    public SupportThreadFact {
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
