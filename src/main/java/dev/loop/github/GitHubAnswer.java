package dev.loop.github;

import java.time.Duration;
import java.time.Instant;

/** How a GitHub request ended, as the sync's rules see it (no HTTP client types). */
public sealed interface GitHubAnswer {

    /** 2xx (or 304, which GitHub does not count). */
    record Done() implements GitHubAnswer {}

    /** The primary limit is spent: 403/429 with {@code X-RateLimit-Remaining: 0}; it refills at {@code reset}. */
    record RateLimited(Instant reset) implements GitHubAnswer {}

    /** A secondary limit: 403/429 with {@code Retry-After} (null when GitHub gave none). */
    record SecondaryLimited(Duration retryAfter) implements GitHubAnswer {}

    /** 5xx: GitHub is having trouble. */
    record ServerError(int status) implements GitHubAnswer {}

    /** No answer at all: connection refused, timeout, DNS. */
    record Unreachable(String why) implements GitHubAnswer {}

    /** 4xx other than a limit: this request will not succeed as it is (422 validation, 404, 401, 403 forbidden). */
    record Refused(int status, String message) implements GitHubAnswer {}
}
