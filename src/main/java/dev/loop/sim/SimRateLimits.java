package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Discord-style rate limits. Routes are named by method and template, e.g.
 * {@code "POST channels/{channel_id}/messages"}; buckets are per route and top-level resource (channel, guild,
 * or webhook/interaction token), so two channels never share a bucket. Every response carries the
 * {@code X-RateLimit-*} headers; a 429 carries {@code Retry-After}, a JSON body and {@code Via: 1.1 google}
 * (without {@code Via} JDA would take it for a Cloudflare ban).
 *
 * <p>A global limit (default 50/s) covers all routes except interaction callbacks and webhooks. Counters of
 * requests and 429s per route let tests assert that the bot backed off.
 */
public final class SimRateLimits {
    /** A fixed-window limit: {@code limit} requests per {@code window}. */
    public record Rule(int limit, Duration window) {}

    /** What a route got: headers for a normal response, or a complete 429. */
    record Decision(Map<String, String> headers, ObjectNode tooMany, boolean global) {}

    private static final Rule GENEROUS = new Rule(10_000, Duration.ofSeconds(1));

    private static final class Bucket {
        long windowStartNanos;
        int used;
    }

    private static final class Counter {
        final LongAdder requests = new LongAdder();
        final LongAdder limited = new LongAdder();
    }

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> limitedByBucket = new ConcurrentHashMap<>();
    private final boolean realistic;
    private volatile int globalPerSecond;
    private long globalWindowStart;
    private int globalUsed;

    /** Windows start and end on this ticker (nanoseconds); tests move a fake one instead of sleeping. */
    private final LongSupplier nanoTime;
    /** Route → the moment a forced 429's Retry-After ends; Discord refuses the route again until then. */
    private final Map<String, Long> forcedUntil = new ConcurrentHashMap<>();

    SimRateLimits(int globalPerSecond, boolean realistic) {
        this(globalPerSecond, realistic, System::nanoTime);
    }

    SimRateLimits(int globalPerSecond, boolean realistic, LongSupplier nanoTime) {
        this.globalPerSecond = globalPerSecond;
        this.realistic = realistic;
        this.nanoTime = nanoTime;
    }

    /** Sets the limit of one route, e.g. {@code limit("POST channels/{channel_id}/messages", 5, ofSeconds(5))}. */
    public SimRateLimits limit(String route, int limit, Duration window) {
        rules.put(normalize(route), new Rule(limit, window));
        buckets.keySet().removeIf(k -> k.startsWith(normalize(route) + "|"));
        return this;
    }

    /** Requests per second across routes (interaction callbacks and webhooks exempt); 0 disables. */
    public SimRateLimits global(int perSecond) {
        this.globalPerSecond = perSecond;
        return this;
    }

    /** Requests seen on a route, 429s included. */
    public long requests(String route) {
        Counter c = counters.get(normalize(route));
        return c == null ? 0 : c.requests.sum();
    }

    /** 429s answered on a route. */
    public long rateLimited(String route) {
        Counter c = counters.get(normalize(route));
        return c == null ? 0 : c.limited.sum();
    }

    /** 429s over all routes. */
    public long rateLimitedTotal() {
        long n = 0;
        for (Counter c : counters.values()) {
            n += c.limited.sum();
        }
        return n;
    }

    /**
     * 429s per bucket: {@code "global"} for the global limit, else {@code "ROUTE|major"} (the route and the channel,
     * guild or token it was keyed by). A well-behaved bot has at most one per bucket, when it first learns the limit.
     */
    public Map<String, Long> rateLimitedByBucket() {
        Map<String, Long> out = new TreeMap<>();
        limitedByBucket.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Route to request count, sorted by route. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.requests.sum()));
        return out;
    }

    /** Clears counters and windows (limits stay configured). */
    public void reset() {
        counters.clear();
        buckets.clear();
        limitedByBucket.clear();
    }

    static String normalize(String route) {
        String r = route.trim();
        int space = r.indexOf(' ');
        if (space < 0) {
            return r;
        }
        String path = r.substring(space + 1).trim();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        return r.substring(0, space).toUpperCase(Locale.ROOT) + " " + path;
    }

    Rule rule(String route) {
        Rule r = rules.get(route);
        if (r != null) {
            return r;
        }
        return realistic ? realisticRule(route) : GENEROUS;
    }

    private static Rule realisticRule(String route) {
        return switch (route) {
            case "POST channels/{channel_id}/messages", "PATCH channels/{channel_id}/messages/{message_id}" ->
                new Rule(5, Duration.ofSeconds(5));
            case "PUT channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                    "DELETE channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me" ->
                new Rule(1, Duration.ofMillis(250));
            case "POST webhooks/{application_id}/{interaction_token}",
                    "PATCH webhooks/{application_id}/{interaction_token}/messages/{message_id}" ->
                new Rule(5, Duration.ofSeconds(2));
            case "PATCH channels/{channel_id}", "POST channels/{channel_id}/threads" ->
                new Rule(5, Duration.ofSeconds(5));
            default -> new Rule(50, Duration.ofSeconds(1));
        };
    }

    Decision check(String route, String major, boolean globalExempt) {
        Counter counter = counters.computeIfAbsent(route, k -> new Counter());
        counter.requests.increment();
        long now = nanoTime.getAsLong();
        Long until = forcedUntil.get(route);
        if (until != null && now - until < 0) {
            // a client that retries before the Retry-After of a 429 is refused again, as Discord does
            return forced(route, Duration.ofNanos(until - now), false);
        }
        if (!globalExempt) {
            int perSecond = globalPerSecond;
            if (perSecond > 0) {
                synchronized (this) {
                    if (now - globalWindowStart >= 1_000_000_000L) {
                        globalWindowStart = now;
                        globalUsed = 0;
                    }
                    if (globalUsed >= perSecond) {
                        counter.limited.increment();
                        limitedByBucket
                                .computeIfAbsent("global", k -> new LongAdder())
                                .increment();
                        double retry = Math.max(0.001, (globalWindowStart + 1_000_000_000L - now) / 1e9);
                        return globalLimited(retry);
                    }
                    globalUsed++;
                }
            }
        }
        Rule rule = rule(route);
        Bucket bucket = buckets.computeIfAbsent(route + "|" + major, k -> new Bucket());
        long windowNanos = rule.window().toNanos();
        int remaining;
        long resetNanos;
        boolean limited;
        synchronized (bucket) {
            if (bucket.used == 0 || now - bucket.windowStartNanos >= windowNanos) {
                bucket.windowStartNanos = now;
                bucket.used = 0;
            }
            resetNanos = bucket.windowStartNanos + windowNanos - now;
            limited = bucket.used >= rule.limit();
            if (!limited) {
                bucket.used++;
            }
            remaining = rule.limit() - bucket.used;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        double resetAfter = Math.max(0.001, resetNanos / 1e9);
        headers.put("X-RateLimit-Limit", Integer.toString(rule.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
        headers.put("X-RateLimit-Reset", seconds(System.currentTimeMillis() / 1000.0 + resetAfter));
        headers.put("X-RateLimit-Reset-After", seconds(resetAfter));
        headers.put("X-RateLimit-Bucket", Integer.toHexString(route.hashCode()));
        if (!limited) {
            return new Decision(headers, null, false);
        }
        counter.limited.increment();
        limitedByBucket
                .computeIfAbsent(route + "|" + major, k -> new LongAdder())
                .increment();
        headers.put("X-RateLimit-Scope", "user");
        headers.put("Retry-After", Long.toString((long) Math.ceil(resetAfter)));
        headers.put("Via", "1.1 google");
        ObjectNode body = Json.obj();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", Math.round(resetAfter * 1000) / 1000.0);
        body.put("global", false);
        return new Decision(headers, body, false);
    }

    /** A route-scoped 429 forced by a fault, counted like a real one. */
    Decision forced(String route, Duration retryAfter) {
        return forced(route, retryAfter, true);
    }

    private Decision forced(String route, Duration retryAfter, boolean start) {
        if (start) forcedUntil.put(route, nanoTime.getAsLong() + retryAfter.toNanos());
        counters.computeIfAbsent(route, k -> new Counter()).limited.increment();
        double retry = Math.max(0.001, retryAfter.toNanos() / 1e9);
        Map<String, String> headers = new LinkedHashMap<>();
        Rule rule = rule(route);
        headers.put("X-RateLimit-Limit", Integer.toString(rule.limit()));
        headers.put("X-RateLimit-Remaining", "0");
        headers.put("X-RateLimit-Reset", seconds(System.currentTimeMillis() / 1000.0 + retry));
        headers.put("X-RateLimit-Reset-After", seconds(retry));
        headers.put("X-RateLimit-Bucket", Integer.toHexString(route.hashCode()));
        headers.put("X-RateLimit-Scope", "user");
        return limitedAnswer(headers, retry, false);
    }

    private static Decision globalLimited(double retry) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Global", "true");
        headers.put("X-RateLimit-Scope", "global");
        return limitedAnswer(headers, retry, true);
    }

    /** Discord's 429: the Retry-After header (whole seconds) and the JSON body (milliseconds precision). */
    private static Decision limitedAnswer(Map<String, String> headers, double retry, boolean global) {
        headers.put("Retry-After", Long.toString((long) Math.ceil(retry)));
        headers.put("Via", "1.1 google");
        ObjectNode body = Json.obj();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", Math.round(retry * 1000) / 1000.0);
        body.put("global", global);
        return new Decision(headers, body, global);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
