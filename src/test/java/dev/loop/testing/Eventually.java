package dev.loop.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way tests wait: for a condition, never for a fixed time. It covers what Loop does off the test's thread
 * (history rows, its gateway cache, a worker's delivery), which no event announces. The timeout is only a
 * backstop for a broken test; a loaded machine just takes longer to get there.
 */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {}

    public static void eventually(String what, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
