package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.release.Fallback.Decision;
import dev.loop.release.Fallback.Delivered;
import dev.loop.release.Fallback.Fail;
import dev.loop.release.Fallback.Failure;
import dev.loop.release.Fallback.Retry;
import dev.loop.release.Fallback.Send;
import dev.loop.release.Fallback.SendInstead;
import dev.loop.release.Fallback.ThreadCondition;
import dev.loop.release.Fallback.UnarchiveThenSend;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackTest {

    private static Decision after(Route route, Failure f) {
        return Fallback.afterFailure(route, f, 1, Optional.empty(), false, true, false);
    }

    @Test
    void classifiesDiscordErrors() {
        assertThat(Failure.classify(403, 50007)).isEqualTo(Failure.DM_REFUSED);
        assertThat(Failure.classify(400, 50007)).isEqualTo(Failure.DM_REFUSED);
        assertThat(Failure.classify(404, 10003)).isEqualTo(Failure.CHANNEL_GONE);
        assertThat(Failure.classify(403, 160005)).isEqualTo(Failure.THREAD_LOCKED);
        assertThat(Failure.classify(403, 50083)).isEqualTo(Failure.THREAD_ARCHIVED);
        assertThat(Failure.classify(403, 50001)).isEqualTo(Failure.NO_ACCESS);
        assertThat(Failure.classify(403, 50013)).isEqualTo(Failure.NO_ACCESS);
        assertThat(Failure.classify(404, 10008)).isEqualTo(Failure.ALREADY_SENT);
        assertThat(Failure.classify(429, 0)).isEqualTo(Failure.RATE_LIMITED);
        assertThat(Failure.classify(502, 0)).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.classify(0, 0)).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.classify(400, 40003)).isEqualTo(Failure.TRANSIENT);
        assertThat(Failure.classify(400, 50035)).isEqualTo(Failure.PERMANENT);
    }

    @Test
    void refusedDmFallsBackToTheThread() {
        assertThat(after(Route.DM, Failure.DM_REFUSED))
                .isInstanceOfSatisfying(
                        SendInstead.class, s -> assertThat(s.route()).isEqualTo(Route.THREAD));
        assertThat(Fallback.afterFailure(Route.DM, Failure.DM_REFUSED, 1, Optional.empty(), false, false, false))
                .isInstanceOf(Fail.class);
    }

    @Test
    void deletedLockedOrInaccessibleThreadFallsBackToDm() {
        for (Failure f : new Failure[] {Failure.CHANNEL_GONE, Failure.THREAD_LOCKED, Failure.NO_ACCESS}) {
            assertThat(after(Route.THREAD, f))
                    .as(f.name())
                    .isInstanceOfSatisfying(
                            SendInstead.class, s -> assertThat(s.route()).isEqualTo(Route.DM));
        }
    }

    @Test
    void archivedThreadIsUnarchivedOnceThenDm() {
        assertThat(after(Route.THREAD, Failure.THREAD_ARCHIVED)).isInstanceOf(UnarchiveThenSend.class);
        assertThat(Fallback.afterFailure(Route.THREAD, Failure.THREAD_ARCHIVED, 2, Optional.empty(), true, true, false))
                .isInstanceOfSatisfying(
                        SendInstead.class, s -> assertThat(s.route()).isEqualTo(Route.DM));
    }

    @Test
    void aFallbackNeverFallsBackAgain() {
        assertThat(Fallback.afterFailure(Route.THREAD, Failure.CHANNEL_GONE, 1, Optional.empty(), false, true, true))
                .isInstanceOf(Fail.class);
        assertThat(Fallback.afterFailure(Route.DM, Failure.DM_REFUSED, 1, Optional.empty(), false, true, true))
                .isInstanceOf(Fail.class);
        assertThat(Fallback.beforeThreadSend(new ThreadCondition(false, false, false), true))
                .isInstanceOf(Fail.class);
    }

    @Test
    void beforeSendingToAThread() {
        assertThat(Fallback.beforeThreadSend(ThreadCondition.open(), false)).isInstanceOf(Send.class);
        assertThat(Fallback.beforeThreadSend(new ThreadCondition(true, true, false), false))
                .isInstanceOf(UnarchiveThenSend.class);
        assertThat(Fallback.beforeThreadSend(new ThreadCondition(true, true, true), false))
                .isInstanceOfSatisfying(SendInstead.class, s -> {
                    assertThat(s.route()).isEqualTo(Route.DM);
                    assertThat(s.why()).isEqualTo("the thread is locked");
                });
        assertThat(Fallback.beforeThreadSend(new ThreadCondition(false, false, false), false))
                .isInstanceOfSatisfying(
                        SendInstead.class, s -> assertThat(s.why()).isEqualTo("the thread was deleted"));
    }

    @Test
    void rateLimitsWaitForRetryAfter() {
        Decision d = Fallback.afterFailure(
                Route.THREAD, Failure.RATE_LIMITED, 9, Optional.of(Duration.ofMillis(1500)), false, true, false);
        assertThat(d).isEqualTo(new Retry(Duration.ofMillis(1500), "rate limited"));
        assertThat(Fallback.afterFailure(Route.DM, Failure.RATE_LIMITED, 2, Optional.empty(), false, true, false))
                .isEqualTo(new Retry(Duration.ofSeconds(4), "rate limited"));
    }

    @Test
    void transientFailuresBackOffThenFail() {
        assertThat(Fallback.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Fallback.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Fallback.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Fallback.backoff(9)).isEqualTo(Duration.ofMinutes(5)); // 512 s capped
        assertThat(Fallback.backoff(100)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Fallback.afterFailure(Route.THREAD, Failure.TRANSIENT, 5, Optional.empty(), false, true, false))
                .isEqualTo(new Retry(Duration.ofSeconds(32), "temporary failure"));
        assertThat(Fallback.afterFailure(Route.THREAD, Failure.TRANSIENT, 6, Optional.empty(), false, true, false))
                .isInstanceOf(Fail.class);
    }

    @Test
    void nonceHitOnADeletedMessageCountsAsDelivered() {
        assertThat(after(Route.THREAD, Failure.ALREADY_SENT)).isInstanceOf(Delivered.class);
    }

    @Test
    void permanentFailuresFail() {
        assertThat(after(Route.THREAD, Failure.PERMANENT)).isInstanceOf(Fail.class);
        assertThat(after(Route.THREAD, Failure.DM_REFUSED)).isInstanceOf(Fail.class);
    }

    @Test
    void deliveryModeParses() {
        assertThat(DeliveryMode.parse(" DM ")).contains(DeliveryMode.DM);
        assertThat(DeliveryMode.parse("thread")).contains(DeliveryMode.THREAD);
        assertThat(DeliveryMode.parse("email")).isEmpty();
        assertThat(Route.fromCode("dm")).isEqualTo(Route.DM);
    }
}
