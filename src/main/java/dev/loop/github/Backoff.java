package dev.loop.github;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what follows a GitHub answer. Limits pause all GitHub traffic until they lift (retrying early only extends
 * a secondary limit), 5xx and outages back off exponentially per item up to {@link #MAX_DELAY}, and a refused
 * request (a 422, say) is retried slowly rather than dropped, so an update is never lost.
 */
public final class Backoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    /** GitHub's advice when a secondary limit comes without Retry-After: wait at least a minute. */
    static final Duration SECONDARY_DEFAULT = Duration.ofSeconds(60);

    static final Duration REFUSED_DELAY = Duration.ofMinutes(30);
    /** A little after the reset, so the first request of the new window doesn't race GitHub's clock. */
    static final Duration RESET_MARGIN = Duration.ofSeconds(1);

    private Backoff() {}

    /** {@code attempts} is how many times this item has failed before (0 on its first failure). */
    public static NextStep decide(GitHubAnswer answer, int attempts, Instant now) {
        return switch (answer) {
            case GitHubAnswer.Done d -> new NextStep.Proceed();
            case GitHubAnswer.RateLimited r -> {
                Instant until = r.reset() == null
                        ? now.plus(SECONDARY_DEFAULT)
                        : r.reset().plus(RESET_MARGIN);
                if (until.isBefore(now)) until = now.plus(RESET_MARGIN);
                yield new NextStep.PauseAllUntil(until, "GitHub's rate limit is spent until it resets");
            }
            case GitHubAnswer.SecondaryLimited s -> {
                Duration wait = s.retryAfter() == null
                                || s.retryAfter().isNegative()
                                || s.retryAfter().isZero()
                        ? SECONDARY_DEFAULT
                        : s.retryAfter();
                yield new NextStep.PauseAllUntil(now.plus(wait), "GitHub's secondary rate limit");
            }
            case GitHubAnswer.ServerError e ->
                new NextStep.RetryAt(now.plus(delay(attempts)), "GitHub answered " + e.status());
            case GitHubAnswer.Unreachable u ->
                new NextStep.RetryAt(now.plus(delay(attempts)), "GitHub is unreachable: " + u.why());
            case GitHubAnswer.Refused r ->
                new NextStep.RetryAt(now.plus(REFUSED_DELAY), "GitHub refused it (" + r.status() + "): " + r.message());
        };
    }

    /** 5 s, 10 s, 20 s … capped at five minutes. */
    static Duration delay(int attempts) {
        int n = Math.max(0, Math.min(attempts, 20));
        Duration d = FIRST_DELAY.multipliedBy(1L << Math.min(n, 10));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
