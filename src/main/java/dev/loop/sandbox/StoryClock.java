package dev.loop.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Loop's clock in the sandbox: real time plus an offset the story moves forward between scenes, so that a week of
 * the loop (promises, medians) plays in seconds. It keeps ticking, so retries and timeouts behave as in production.
 * The simulator stamps messages with it too (interaction deadlines stay on real time).
 */
final class StoryClock extends Clock {
    private final Clock base;
    private volatile Duration offset;

    /** A clock that reads {@code start} now and runs on from there. */
    StoryClock(Clock base, Instant start) {
        this.base = base;
        this.offset = Duration.between(base.instant(), start);
    }

    /** The coming Monday, 09:00 UTC: the story's week is a working week. */
    static Instant nextMonday(Instant now) {
        java.time.ZonedDateTime t = now.atZone(ZoneOffset.UTC).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                .atTime(9, 0).atZone(ZoneOffset.UTC);
        return t.toInstant();
    }

    void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time only moves forward");
        offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
