package dev.loop.sim.github;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Failures tests switch on: the next requests (optionally only those whose path contains a string) answer 5xx or a
 * forced rate-limit 403, an outage answers 503 to everything until lifted, and a delay slows every answer.
 */
public final class GitHubFaults {
    /** What the server does instead of answering normally. */
    sealed interface Fault {
        record Status(int code) implements Fault {}

        record PrimaryLimit() implements Fault {}

        record SecondaryLimit(Duration retryAfter) implements Fault {}
    }

    private record Planned(Fault fault, String pathContains) {}

    private final Deque<Planned> planned = new ArrayDeque<>();
    private boolean outage;
    private Duration delay = Duration.ZERO;

    /** The next {@code count} requests answer {@code status} (e.g. 500, 502, 503). */
    public synchronized GitHubFaults failNext(int count, int status) {
        return failNext(count, status, null);
    }

    /** The next {@code count} requests whose path contains {@code pathContains} answer {@code status}. */
    public synchronized GitHubFaults failNext(int count, int status, String pathContains) {
        for (int i = 0; i < count; i++) {
            planned.add(new Planned(new Fault.Status(status), pathContains));
        }
        return this;
    }

    /** The next {@code count} requests answer 403 with {@code X-RateLimit-Remaining: 0}. */
    public synchronized GitHubFaults rateLimitNext(int count) {
        for (int i = 0; i < count; i++) {
            planned.add(new Planned(new Fault.PrimaryLimit(), null));
        }
        return this;
    }

    /**
     * The next {@code count} requests answer the secondary-limit 403 with {@code Retry-After}; a null
     * {@code retryAfter} leaves the header out, as GitHub sometimes does (then clients should wait at least a minute).
     */
    public synchronized GitHubFaults secondaryLimitNext(int count, Duration retryAfter) {
        for (int i = 0; i < count; i++) {
            planned.add(new Planned(new Fault.SecondaryLimit(retryAfter), null));
        }
        return this;
    }

    /** Every request answers 503 until {@link #endOutage()}. */
    public synchronized GitHubFaults outage() {
        outage = true;
        return this;
    }

    public synchronized GitHubFaults endOutage() {
        outage = false;
        return this;
    }

    public synchronized boolean inOutage() {
        return outage;
    }

    /** Every answer is held back this long (real time: it slows the client, not the clock). */
    public synchronized GitHubFaults delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Forgets every planned fault, the outage and the delay. */
    public synchronized void clear() {
        planned.clear();
        outage = false;
        delay = Duration.ZERO;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized Fault take(String path) {
        if (outage) {
            return new Fault.Status(503);
        }
        for (var it = planned.iterator(); it.hasNext(); ) {
            Planned p = it.next();
            if (p.pathContains() == null || path.contains(p.pathContains())) {
                it.remove();
                return p.fault();
            }
        }
        return null;
    }
}
