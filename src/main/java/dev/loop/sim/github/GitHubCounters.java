package dev.loop.sim.github;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator answered, for tests and benchmarks: requests by method and route, counted against the primary
 * limit or not (304s), content-creating requests per minute, and the 401s, 403s and 5xx it sent.
 */
public final class GitHubCounters {
    private final Clock clock;
    private final Map<String, Long> byRoute = new TreeMap<>();
    private final Map<Long, Integer> writesPerMinute = new TreeMap<>();
    private long requests;
    private long counted;
    private long notModified;
    private long contentCreating;
    private long unauthorized;
    private long forbiddenPrimary;
    private long forbiddenSecondary;
    private long forbiddenPermission;
    private long serverErrors;
    private long earlyRetries;

    GitHubCounters(Clock clock) {
        this.clock = clock;
    }

    synchronized void noteRequest(String routeKey) {
        requests++;
        byRoute.merge(routeKey, 1L, Long::sum);
    }

    synchronized void noteCounted() {
        counted++;
    }

    synchronized void noteNotModified() {
        notModified++;
    }

    synchronized void noteContentCreating() {
        contentCreating++;
        writesPerMinute.merge(clock.instant().getEpochSecond() / 60, 1, Integer::sum);
    }

    synchronized void noteStatus(int status) {
        if (status == 401) unauthorized++;
        if (status >= 500) serverErrors++;
    }

    synchronized void noteForbiddenPrimary() {
        forbiddenPrimary++;
    }

    synchronized void noteForbiddenSecondary(boolean early) {
        forbiddenSecondary++;
        if (early) earlyRetries++;
    }

    synchronized void noteForbiddenPermission() {
        forbiddenPermission++;
    }

    /** Every request that reached the simulator. */
    public synchronized long requests() {
        return requests;
    }

    /** Requests by {@code "METHOD /route/{template}"}, e.g. {@code "GET /repos/{owner}/{repo}/issues"}. */
    public synchronized Map<String, Long> byRoute() {
        return Map.copyOf(byRoute);
    }

    public synchronized long requests(String method, String routeTemplate) {
        return byRoute.getOrDefault(method + " " + routeTemplate, 0L);
    }

    /** Requests counted against the primary limit. */
    public synchronized long counted() {
        return counted;
    }

    /** 304 Not Modified answers, which GitHub does not count. */
    public synchronized long notModified() {
        return notModified;
    }

    /** Content-creating requests that were performed (POST, PATCH, PUT, DELETE answered 2xx or 4xx). */
    public synchronized long contentCreating() {
        return contentCreating;
    }

    /** Performed content-creating requests per minute (key: epoch minute of the simulator's clock). */
    public synchronized Map<Long, Integer> contentCreatingPerMinute() {
        return Map.copyOf(writesPerMinute);
    }

    /** The most content-creating requests performed in one calendar minute. */
    public synchronized int maxContentCreatingInAMinute() {
        return writesPerMinute.values().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    public synchronized long unauthorized() {
        return unauthorized;
    }

    /** 403s for the primary rate limit (real or forced). */
    public synchronized long forbiddenPrimary() {
        return forbiddenPrimary;
    }

    /** 403s for the secondary rate limit (real or forced). */
    public synchronized long forbiddenSecondary() {
        return forbiddenSecondary;
    }

    /** Writes retried while a secondary-limit block was still running (GitHub would extend the block). */
    public synchronized long earlyRetries() {
        return earlyRetries;
    }

    /** 403s because the token lacks a permission. */
    public synchronized long forbiddenPermission() {
        return forbiddenPermission;
    }

    /** Every 403, whatever the reason. */
    public synchronized long forbidden() {
        return forbiddenPrimary + forbiddenSecondary + forbiddenPermission;
    }

    public synchronized long serverErrors() {
        return serverErrors;
    }

    public synchronized void reset() {
        byRoute.clear();
        writesPerMinute.clear();
        requests = counted = notModified = contentCreating = 0;
        unauthorized = forbiddenPrimary = forbiddenSecondary = forbiddenPermission = serverErrors = earlyRetries = 0;
    }
}
