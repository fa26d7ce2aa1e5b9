package dev.loop.github;

import java.time.Instant;

/** What the sync does after a {@link GitHubAnswer}. */
public sealed interface NextStep {

    /** Carry on. */
    record Proceed() implements NextStep {}

    /** Try this item again at {@code at} (its outbox row keeps it, so nothing is lost meanwhile). */
    record RetryAt(Instant at, String why) implements NextStep {}

    /** Send nothing to GitHub at all until {@code until}: a limit applies to every request, not to one item. */
    record PauseAllUntil(Instant until, String why) implements NextStep {}
}
