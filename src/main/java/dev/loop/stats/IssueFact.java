package dev.loop.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The times in an issue's life that the KPIs need. Null means "not yet".
 *
 * @param requestersAddedAt when each of its requesters was added (those present at capture included)
 * @param fixedAt when its fix was merged (a pull request closing it), if it was
 * @param fixedNow whether it is fixed and waiting for a release right now
 */
public record IssueFact(
        int number,
        Long ownerId,
        Instant capturedAt,
        Instant triagedAt,
        Instant shippedAt,
        Instant promiseDueAt,
        List<Instant> requestersAddedAt,
        Instant fixedAt,
        boolean fixedNow) {

    public IssueFact {
        Objects.requireNonNull(capturedAt, "capturedAt");
        requestersAddedAt = List.copyOf(requestersAddedAt);
    }

    /** An issue no pull request fixed. */
    public IssueFact(
            int number,
            Long ownerId,
            Instant capturedAt,
            Instant triagedAt,
            Instant shippedAt,
            Instant promiseDueAt,
            List<Instant> requestersAddedAt) {
        this(number, ownerId, capturedAt, triagedAt, shippedAt, promiseDueAt, requestersAddedAt, null, false);
    }
}
