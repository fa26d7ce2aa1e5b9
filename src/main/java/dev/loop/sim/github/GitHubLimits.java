package dev.loop.sim.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * GitHub's rate limits, per token owner. The primary limit (default 5,000 an hour) is a fixed window that starts at
 * the first counted request and resets an hour later; 304 answers to conditional requests are not counted. Search
 * has its own limit (default 30 a minute). The secondary limit counts content-creating requests (POST, PATCH, PUT,
 * DELETE) in a sliding window (default 80 a minute, and optionally an hourly cap); going over blocks writes until the
 * {@code Retry-After} it answers with has passed.
 */
public final class GitHubLimits {
    private final Clock clock;
    private int primaryLimit = 5_000;
    private Duration primaryWindow = Duration.ofHours(1);
    private int searchLimit = 30;
    private int secondaryPerWindow = 80;
    private Duration secondaryWindow = Duration.ofMinutes(1);
    private int secondaryPerHour = 0;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<Long, Deque<Instant>> writes = new HashMap<>();
    private final Map<Long, Instant> blockedUntil = new HashMap<>();
    private final Map<Long, Duration> blockLength = new HashMap<>();
    private boolean earlyRetryRestartsBlock = true;
    private Duration searchIndexLag = Duration.ZERO;

    /** A quota as the {@code X-RateLimit-*} headers tell it. */
    public record Quota(String resource, int limit, int remaining, int used, long resetEpochSeconds) {}

    private static final class Window {
        Instant start;
        int used;
    }

    GitHubLimits(Clock clock) {
        this.clock = clock;
    }

    public synchronized GitHubLimits primaryLimit(int perWindow) {
        this.primaryLimit = perWindow;
        return this;
    }

    public synchronized GitHubLimits primaryWindow(Duration window) {
        this.primaryWindow = window;
        return this;
    }

    public synchronized GitHubLimits searchLimit(int perMinute) {
        this.searchLimit = perMinute;
        return this;
    }

    /** At most {@code count} content-creating requests in any {@code window} (GitHub: about 80 a minute). */
    public synchronized GitHubLimits secondaryLimit(int count, Duration window) {
        this.secondaryPerWindow = count;
        this.secondaryWindow = window;
        return this;
    }

    /** An hourly cap on content-creating requests too (GitHub documents about 500); 0, the default, is none. */
    public synchronized GitHubLimits secondaryHourlyLimit(int perHour) {
        this.secondaryPerHour = perHour;
        return this;
    }

    /**
     * Whether a content-creating request sent while a secondary-limit block runs starts the block over (default
     * true: GitHub warns that retrying early extends the block and may get an integration banned).
     */
    public synchronized GitHubLimits earlyRetryRestartsBlock(boolean restarts) {
        this.earlyRetryRestartsBlock = restarts;
        return this;
    }

    /**
     * How long a new or changed issue takes to show up in search (default zero). GitHub's search index lags behind
     * writes, so looking an issue up by search right after creating it can miss it.
     */
    public synchronized GitHubLimits searchIndexLag(Duration lag) {
        this.searchIndexLag = lag;
        return this;
    }

    synchronized Duration searchIndexLag() {
        return searchIndexLag;
    }

    /** The quota a user's tokens have left on {@code resource} ({@code core} or {@code search}). */
    synchronized Quota quota(long userId, String resource) {
        Window w = window(userId, resource);
        int limit = limit(resource);
        return new Quota(
                resource,
                limit,
                Math.max(0, limit - w.used),
                w.used,
                w.start.plus(duration(resource)).getEpochSecond());
    }

    synchronized boolean exhausted(long userId, String resource) {
        return window(userId, resource).used >= limit(resource);
    }

    synchronized void count(long userId, String resource) {
        window(userId, resource).used++;
    }

    synchronized void setUsed(long userId, String resource, int used) {
        window(userId, resource).used = used;
    }

    /** A refused write: how long to wait, and whether a block was already running (an early retry). */
    record Block(Duration retryAfter, boolean early) {}

    /**
     * Records a content-creating request; returns the block when it goes over the secondary limit (then it is not
     * performed), or null when it may proceed.
     */
    synchronized Block write(long userId) {
        Instant now = clock.instant();
        Instant blocked = blockedUntil.get(userId);
        if (blocked != null && now.isBefore(blocked)) {
            if (earlyRetryRestartsBlock) {
                blocked = now.plus(blockLength.get(userId));
                blockedUntil.put(userId, blocked);
            }
            return new Block(ceilSeconds(Duration.between(now, blocked)), true);
        }
        Deque<Instant> times = writes.computeIfAbsent(userId, k -> new ArrayDeque<>());
        Instant hourAgo = now.minus(Duration.ofHours(1));
        while (!times.isEmpty() && !times.peekFirst().isAfter(hourAgo)) {
            times.pollFirst();
        }
        Instant windowStart = now.minus(secondaryWindow);
        int inWindow = 0;
        Instant oldestInWindow = null;
        for (Instant t : times) {
            if (t.isAfter(windowStart)) {
                inWindow++;
                if (oldestInWindow == null) oldestInWindow = t;
            }
        }
        Duration wait = null;
        if (secondaryPerWindow > 0 && inWindow >= secondaryPerWindow) {
            wait = Duration.between(now, oldestInWindow.plus(secondaryWindow));
        }
        if (secondaryPerHour > 0 && times.size() >= secondaryPerHour) {
            Duration hourly = Duration.between(now, times.peekFirst().plus(Duration.ofHours(1)));
            wait = wait == null || hourly.compareTo(wait) > 0 ? hourly : wait;
        }
        if (wait != null) {
            wait = ceilSeconds(wait);
            blockedUntil.put(userId, now.plus(wait));
            blockLength.put(userId, wait);
            return new Block(wait, false);
        }
        times.addLast(now);
        return null;
    }

    private static Duration ceilSeconds(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    private Window window(long userId, String resource) {
        Window w = windows.computeIfAbsent(userId + "/" + resource, k -> new Window());
        Instant now = clock.instant();
        if (w.start == null || !now.isBefore(w.start.plus(duration(resource)))) {
            w.start = now;
            w.used = 0;
        }
        return w;
    }

    private int limit(String resource) {
        return resource.equals("search") ? searchLimit : primaryLimit;
    }

    private Duration duration(String resource) {
        return resource.equals("search") ? Duration.ofMinutes(1) : primaryWindow;
    }
}
