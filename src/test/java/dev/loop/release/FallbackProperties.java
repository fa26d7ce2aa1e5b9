package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fallback's invariants over every failure, route and attempt count, beside {@link FallbackTest}. */
class FallbackProperties {

    /** One failed send, as {@link Fallback#afterFailure} sees it. */
    record Failed(
            Route route,
            Fallback.Failure failure,
            int attempts,
            Optional<Duration> retryAfter,
            boolean triedUnarchive,
            boolean hasThread,
            boolean alreadyFellBack) {

        Fallback.Decision decide() {
            return Fallback.afterFailure(
                    route, failure, attempts, retryAfter, triedUnarchive, hasThread, alreadyFellBack);
        }
    }

    @Provide
    Arbitrary<Failed> failures() {
        Arbitrary<Optional<Duration>> retryAfter = Arbitraries.longs()
                .between(-5_000, 600_000)
                .map(Duration::ofMillis)
                .optional(0.5);
        return Combinators.combine(
                        Arbitraries.of(Route.class),
                        Arbitraries.of(Fallback.Failure.class),
                        Arbitraries.integers().between(1, 40),
                        retryAfter,
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(Failed::new);
    }

    @Property
    void aFallbackNeverFallsBackAgain(@ForAll("failures") Failed f) {
        if (!f.alreadyFellBack()) return;
        assertThat(f.decide()).isNotInstanceOf(Fallback.SendInstead.class);
    }

    @Property
    void aFallbackAlwaysGoesToTheOtherRoute(@ForAll("failures") Failed f) {
        if (f.decide() instanceof Fallback.SendInstead instead) {
            assertThat(instead.route()).isNotEqualTo(f.route());
            if (instead.route() == Route.THREAD) assertThat(f.hasThread()).isTrue();
        }
    }

    @Property
    void retriesWaitANonNegativeBoundedTimeAndStopAtTheAttemptLimit(@ForAll("failures") Failed f) {
        if (f.decide() instanceof Fallback.Retry retry) {
            assertThat(retry.after().isNegative()).isFalse();
            if (f.failure() != Fallback.Failure.RATE_LIMITED) {
                assertThat(f.attempts()).isLessThan(Fallback.MAX_ATTEMPTS);
                assertThat(retry.after()).isLessThanOrEqualTo(Fallback.MAX_BACKOFF);
            }
        }
    }

    @Property
    void unarchivingIsTriedAtMostOnce(@ForAll("failures") Failed f) {
        if (f.route() != Route.THREAD || !f.triedUnarchive()) return;
        assertThat(f.decide()).isNotInstanceOf(Fallback.UnarchiveThenSend.class);
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
