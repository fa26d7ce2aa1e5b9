package dev.loop.sim;

import java.time.Clock;

/**
 * Discord snowflake ids: {@code (ms - 1420070400000) << 22 | worker << 17 | increment}.
 *
 * <p>Two generators never collide because they use different worker bits. Ids from one generator are strictly
 * increasing even if its clock stands still or goes backwards, because history paging relies on id order.
 */
final class Snowflakes {
    static final long DISCORD_EPOCH = 1420070400000L;

    private final Clock clock;
    private final long workerBits;
    private long lastMs;
    private long increment;

    Snowflakes(Clock clock, int worker) {
        this.clock = clock;
        this.workerBits = ((long) worker & 0x1F) << 17;
    }

    synchronized long next() {
        long ms = clock.millis();
        if (ms <= lastMs) {
            ms = lastMs;
            increment++;
            if (increment > 0x1FFFF) {
                ms++;
                increment = 0;
            }
        } else {
            increment = 0;
        }
        lastMs = ms;
        return ((ms - DISCORD_EPOCH) << 22) | workerBits | increment;
    }

    static long timestampMs(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH;
    }
}
