package dev.loop.github;

import java.time.Duration;
import java.time.Instant;

/**
 * Spaces GitHub's content-creating requests (creating issues and comments, editing them, labels) evenly under the
 * secondary limit of {@code perMinute}, at {@link #SHARE} of it, so a backlog runs near the limit without a 403.
 * Evenly spaced rather than in bursts: GitHub counts per minute and also frowns on concurrency.
 */
public final class WritePacer {

    /** The share of the allowed rate Loop uses, leaving room for clocks that disagree. */
    static final double SHARE = 0.93;

    private final Duration spacing;
    private Instant last;

    public WritePacer(int perMinute) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        this.spacing = Duration.ofNanos((long) (60_000_000_000L / (perMinute * SHARE)));
    }

    public Duration spacing() {
        return spacing;
    }

    /** When the next write may be sent, given the time now; {@code now} itself when it may go at once. */
    public synchronized Instant nextSlot(Instant now) {
        if (last == null) return now;
        Instant slot = last.plus(spacing);
        return slot.isAfter(now) ? slot : now;
    }

    /**
     * Records {@code count} writes sent together at {@code at} (labels created at connect): the next slot comes as
     * late as if they had been spaced, so a burst never pushes a minute over the limit.
     */
    public synchronized void sentTogether(Instant at, int count) {
        if (count < 1) return;
        Instant paced = at.plus(spacing.multipliedBy(count - 1L));
        last = last == null || paced.isAfter(last) ? paced : last;
    }

    /** Records a write sent at {@code at}. */
    public synchronized void sent(Instant at) {
        last = at;
    }
}
