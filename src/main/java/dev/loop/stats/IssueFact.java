package dev.loop.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The times in an issue's life that the KPIs need. Null means "not yet".
 *
 * @param requestersAddedAt when each of its requesters was added (those present at capture included)
 */
public record IssueFact(
        int number,
        Long ownerId,
        Instant capturedAt,
        Instant triagedAt,
        Instant shippedAt,
        Instant promiseDueAt,
        List<Instant> requestersAddedAt) {

    public IssueFact {
        Objects.requireNonNull(capturedAt, "capturedAt");
        requestersAddedAt = List.copyOf(requestersAddedAt);
    }
}
