package dev.loop.sim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults on demand: gateway drops, invalid sessions, failing REST routes and added latency.
 *
 * <p>A REST route pattern is a method plus either the route template ({@code "POST channels/{channel_id}/messages"})
 * or a concrete path ({@code "POST channels/123/messages"}); {@code *} matches any run of characters and
 * {@code "*"} as method matches every method.
 */
public final class SimFaults {
    /** status 429 means "rate limited for retryAfter", anything else a plain error status. */
    private record Failure(String method, String pattern, AtomicInteger remaining, int status, Duration retryAfter) {}

    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Gateway gateway;
    private volatile long restLatencyNanos;
    private final AtomicLong restDelayedNanos = new AtomicLong();
    private final AtomicLong restDelayedRequests = new AtomicLong();

    SimFaults(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The next {@code count} matching calls answer {@code status} (500, 502, 503...) without touching the world. */
    public SimFaults failNext(String method, String routeOrPath, int count, int status) {
        String p = routeOrPath.startsWith("/") ? routeOrPath.substring(1) : routeOrPath;
        failures.add(new Failure(method.toUpperCase(Locale.ROOT), p, new AtomicInteger(count), status, null));
        return this;
    }

    /**
     * The next {@code count} matching calls answer a route-scoped 429 with {@code retryAfter}, whatever the
     * configured limits, as when Discord's limits differ from its headers (e.g. the reaction route).
     */
    public SimFaults rateLimitNext(String route, int count, Duration retryAfter) {
        String r = SimRateLimits.normalize(route);
        int space = r.indexOf(' ');
        failures.add(
                new Failure(r.substring(0, space), r.substring(space + 1), new AtomicInteger(count), 429, retryAfter));
        return this;
    }

    /** Whether an injected failure still has calls left to spoil (tests wait for it to be used up). */
    public boolean pending() {
        return failures.stream().anyMatch(f -> f.remaining().get() > 0);
    }

    /** Same as {@link #failNext(String, String, int, int)} with {@code "METHOD path"} in one string. */
    public SimFaults failNext(String route, int count, int status) {
        String r = SimRateLimits.normalize(route);
        int space = r.indexOf(' ');
        return failNext(r.substring(0, space), r.substring(space + 1), count, status);
    }

    /** Delay before every REST request is handled. */
    public SimFaults restLatency(Duration latency) {
        restLatencyNanos = latency.toNanos();
        return this;
    }

    /** Delay of every gateway dispatch (order is preserved). */
    public SimFaults gatewayLatency(Duration latency) {
        gateway.latency(latency.toNanos());
        return this;
    }

    /** Closes the bot's gateway connections with 4000; the sessions stay resumable. */
    public void dropGateway() {
        gateway.drop(4000);
    }

    /** Closes the bot's gateway connections with the given close code. */
    public void dropGateway(int closeCode) {
        gateway.drop(closeCode);
    }

    /** Cuts the TCP connections without a close frame (the client sees 1006); sessions stay resumable. */
    public void dropGatewayAbruptly() {
        gateway.dropAbruptly();
    }

    /** Sends op 9 INVALID_SESSION; with {@code resumable=false} the session is gone and the bot must identify. */
    public void invalidateSession(boolean resumable) {
        gateway.invalidateSessions(resumable);
    }

    /**
     * Delivers the newest gateway event of {@code type} (e.g. {@code "MESSAGE_REACTION_ADD"}) once more, same
     * payload under a new sequence number, as Discord does when a RESUME replays what it thinks was missed.
     */
    public void redeliver(String type) {
        redeliver(type, d -> true);
    }

    /** As {@link #redeliver(String)}, the newest event of that type whose payload ({@code d}) matches. */
    public void redeliver(String type, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> which) {
        if (!gateway.redeliver(type, which)) {
            throw new IllegalStateException("no " + type + " was dispatched to redeliver");
        }
    }

    /**
     * Holds back every gateway event of these types (e.g. {@code "MESSAGE_REACTION_ADD"}) until
     * {@link #releaseHeld()}: events of other types dispatched meanwhile reach Loop first, so an add can arrive after
     * its remove, or a create after its update, as when events from an old connection and a new one interleave.
     */
    public void hold(String... types) {
        gateway.hold(List.of(types));
    }

    /** Dispatches what {@link #hold} kept back, in the order it happened. Returns how many events. */
    public int releaseHeld() {
        return gateway.releaseHeld();
    }

    /** Sends op 7 RECONNECT. */
    public void requestReconnect() {
        gateway.requestReconnect();
    }

    /** Removes pending REST failures and latency. */
    public SimFaults clear() {
        failures.clear();
        restLatencyNanos = 0;
        gateway.latency(0);
        return this;
    }

    long restLatencyNanos() {
        return restLatencyNanos;
    }

    /** Counts a request held back by {@link #restLatency}; the REST server calls it before it waits. */
    void restDelayed(long nanos) {
        restDelayedNanos.addAndGet(nanos);
        restDelayedRequests.incrementAndGet();
    }

    /**
     * What the injected latency did so far: how many REST requests were held back, and for how long in all. Tests
     * check this instead of timing the requests, which a loaded machine makes meaningless.
     */
    public Delays delays() {
        return new Delays(restDelayedRequests.get(), Duration.ofNanos(restDelayedNanos.get()), gateway.delayedEvents());
    }

    /**
     * @param restRequests   REST requests held back by {@link #restLatency}
     * @param restTotal      their added latency, in all
     * @param gatewayEvents  gateway events held back by {@link #gatewayLatency}
     */
    public record Delays(long restRequests, Duration restTotal, long gatewayEvents) {}

    /** A failure to inject for one request: an HTTP status, with a retry-after for 429s. */
    record Injected(int status, Duration retryAfter) {}

    /** @return the failure to inject, or null */
    Injected failure(String method, String template, String path) {
        for (Failure f : failures) {
            if ((f.method().equals("*") || f.method().equals(method))
                    && (glob(f.pattern(), template) || glob(f.pattern(), path))) {
                int left = f.remaining().getAndDecrement();
                if (left > 0) {
                    if (left == 1) {
                        failures.remove(f);
                    }
                    return new Injected(f.status(), f.retryAfter());
                }
                failures.remove(f);
            }
        }
        return null;
    }

    static boolean glob(String pattern, String text) {
        if (!pattern.contains("*")) {
            return pattern.equals(text);
        }
        String regex = ("\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E");
        return text.matches(regex);
    }
}
