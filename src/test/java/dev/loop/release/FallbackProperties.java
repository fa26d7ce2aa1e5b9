package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fallback's invariants over every failure, route and attempt count, beside {@link FallbackTest}. */
class FallbackProperties {

    @Provide
    Arbitrary<Optional<Duration>> retryAfter() {
        return Arbitraries.longs()
                .between(-5_000, 600_000)
                .map(Duration::ofMillis)
                .optional(0.5);
    }

    @Property
    void aFallbackNeverFallsBackAgain(
            @ForAll Route route,
            @ForAll Fallback.Failure failure,
            @ForAll @IntRange(min = 1, max = 40) int attempts,
            @ForAll("retryAfter") Optional<Duration> retryAfter,
            @ForAll boolean triedUnarchive,
            @ForAll boolean hasThread) {
        Fallback.Decision d =
                Fallback.afterFailure(route, failure, attempts, retryAfter, triedUnarchive, hasThread, true);

        assertThat(d).isNotInstanceOf(Fallback.SendInstead.class);
    }

    @Property
    void aFallbackAlwaysGoesToTheOtherRoute(
            @ForAll Route route,
            @ForAll Fallback.Failure failure,
            @ForAll @IntRange(min = 1, max = 40) int attempts,
            @ForAll("retryAfter") Optional<Duration> retryAfter,
            @ForAll boolean triedUnarchive,
            @ForAll boolean hasThread) {
        Fallback.Decision d =
                Fallback.afterFailure(route, failure, attempts, retryAfter, triedUnarchive, hasThread, false);

        if (d instanceof Fallback.SendInstead instead) {
            assertThat(instead.route()).isNotEqualTo(route);
            assertThat(instead.route() == Route.THREAD).isEqualTo(route == Route.DM);
            if (instead.route() == Route.THREAD) assertThat(hasThread).isTrue();
        }
    }

    @Property
    void retriesWaitAPositiveBoundedTimeAndStopAtTheAttemptLimit(
            @ForAll Route route,
            @ForAll Fallback.Failure failure,
            @ForAll @IntRange(min = 1, max = 40) int attempts,
            @ForAll("retryAfter") Optional<Duration> retryAfter,
            @ForAll boolean triedUnarchive,
            @ForAll boolean hasThread,
            @ForAll boolean alreadyFellBack) {
        Fallback.Decision d =
                Fallback.afterFailure(route, failure, attempts, retryAfter, triedUnarchive, hasThread, alreadyFellBack);

        if (d instanceof Fallback.Retry retry) {
            assertThat(retry.after().isNegative()).isFalse();
            if (failure != Fallback.Failure.RATE_LIMITED) {
                assertThat(attempts).isLessThan(Fallback.MAX_ATTEMPTS);
                assertThat(retry.after()).isLessThanOrEqualTo(Fallback.MAX_BACKOFF);
            }
        }
    }

    @Property
    void unarchivingIsTriedAtMostOnce(
            @ForAll Fallback.Failure failure,
            @ForAll @IntRange(min = 1, max = 40) int attempts,
            @ForAll("retryAfter") Optional<Duration> retryAfter,
            @ForAll boolean hasThread,
            @ForAll boolean alreadyFellBack) {
        Fallback.Decision d =
                Fallback.afterFailure(Route.THREAD, failure, attempts, retryAfter, true, hasThread, alreadyFellBack);

        assertThat(d).isNotInstanceOf(Fallback.UnarchiveThenSend.class);
    }

    @Property
    void backoffGrowsAndStaysBetweenItsBounds(@ForAll @IntRange(min = -3, max = 1_000) int attempts) {
        Duration d = Fallback.backoff(attempts);

        assertThat(d).isBetween(Fallback.FIRST_BACKOFF, Fallback.MAX_BACKOFF);
        assertThat(Fallback.backoff(attempts + 1)).isGreaterThanOrEqualTo(d);
    }

    @Property
    void aThreadThatCannotBePostedInIsNeverPostedIn(
            @ForAll boolean exists, @ForAll boolean archived, @ForAll boolean locked, @ForAll boolean fellBack) {
        Fallback.Decision d =
                Fallback.beforeThreadSend(new Fallback.ThreadCondition(exists, archived, locked), fellBack);

        boolean postable = exists && !locked;
        assertThat(d instanceof Fallback.Send || d instanceof Fallback.UnarchiveThenSend)
                .isEqualTo(postable);
        if (d instanceof Fallback.SendInstead instead)
            assertThat(instead.route()).isEqualTo(Route.DM);
    }
}
