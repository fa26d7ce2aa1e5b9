package dev.loop.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock moved forward by hand, so that days of the loop (promises falling due, weekly reports, release drafts
 * expiring) pass in moments. Stopped for tests that decide exactly when time passes; running for the sandbox, where
 * retries and timeouts must still see time go by between the jumps. Loop and the simulator may share one.
 */
public final class MovableClock extends Clock {
    private final Clock base;
    private volatile Duration offset;

    private MovableClock(Clock base, Instant start) {
        this.base = base;
        this.offset = Duration.between(base.instant(), start);
    }

    /** Reads {@code start} until moved. */
    public static MovableClock stoppedAt(Instant start) {
        return new MovableClock(Clock.fixed(start, ZoneOffset.UTC), start);
    }

    /** Reads {@code start} now and runs on from there in real time. */
    public static MovableClock runningFrom(Instant start) {
        return new MovableClock(Clock.systemUTC(), start);
    }

    public synchronized void advance(Duration d) {
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
