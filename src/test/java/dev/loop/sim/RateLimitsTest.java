package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bucket keying, windows and counters, without HTTP. */
class RateLimitsTest {
    private static final String ROUTE = "POST channels/{channel_id}/messages";

    @Test
    void bucketsArePerRouteAndTopLevelResource() {
        SimRateLimits limits = new SimRateLimits(0, false).limit(ROUTE, 1, Duration.ofSeconds(10));
        assertThat(limits.check(ROUTE, "c1", false).tooMany()).isNull();
        assertThat(limits.check(ROUTE, "c1", false).tooMany()).isNotNull();
        assertThat(limits.check(ROUTE, "c2", false).tooMany()).isNull();
        assertThat(limits.requests(ROUTE)).isEqualTo(3);
        assertThat(limits.rateLimited(ROUTE)).isEqualTo(1);
        assertThat(limits.requestCounts()).containsEntry(ROUTE, 3L);
    }

    @Test
    void windowsReset() {
        AtomicLong nanos = new AtomicLong();
        SimRateLimits limits = new SimRateLimits(0, false, nanos::get).limit(ROUTE, 1, Duration.ofMillis(50));
        assertThat(limits.check(ROUTE, "c", false).tooMany()).isNull();
        assertThat(limits.check(ROUTE, "c", false).tooMany()).isNotNull();
        nanos.addAndGet(Duration.ofMillis(49).toNanos());
        assertThat(limits.check(ROUTE, "c", false).tooMany()).isNotNull();
        nanos.addAndGet(Duration.ofMillis(21).toNanos());
        SimRateLimits.Decision d = limits.check(ROUTE, "c", false);
        assertThat(d.tooMany()).isNull();
        assertThat(d.headers()).containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void tooManyCarriesRetryAfterAndVia() {
        SimRateLimits limits = new SimRateLimits(0, false).limit(ROUTE, 1, Duration.ofSeconds(2));
        limits.check(ROUTE, "c", false);
        SimRateLimits.Decision d = limits.check(ROUTE, "c", false);
        assertThat(d.headers())
                .containsEntry("Via", "1.1 google")
                .containsKey("Retry-After")
                .containsEntry("X-RateLimit-Scope", "user");
        assertThat(d.tooMany().path("retry_after").asDouble()).isBetween(0.5, 2.0);
        assertThat(d.tooMany().path("global").asBoolean()).isFalse();
    }

    @Test
    void globalLimitSkipsExemptRoutes() {
        SimRateLimits limits = new SimRateLimits(2, false);
        assertThat(limits.check(ROUTE, "a", false).tooMany()).isNull();
        assertThat(limits.check(ROUTE, "b", false).tooMany()).isNull();
        SimRateLimits.Decision third = limits.check(ROUTE, "c", false);
        assertThat(third.global()).isTrue();
        assertThat(third.headers()).containsEntry("X-RateLimit-Global", "true");
        assertThat(limits.check("POST interactions/{interaction_id}/{interaction_token}/callback", "i", true)
                        .tooMany())
                .isNull();
    }

    @Test
    void realisticDefaultsLimitMessagesPerChannel() {
        SimRateLimits limits = new SimRateLimits(0, true);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.check(ROUTE, "c", false).tooMany()).isNull();
        }
        assertThat(limits.check(ROUTE, "c", false).tooMany()).isNotNull();
    }

    @Test
    void routeNamesAreNormalised() {
        assertThat(SimRateLimits.normalize("post /channels/{channel_id}/messages"))
                .isEqualTo(ROUTE);
        assertThat(SimFaults.glob("channels/*/messages", "channels/123/messages"))
                .isTrue();
        assertThat(SimFaults.glob("channels/*/messages", "channels/123/threads"))
                .isFalse();
    }
}
