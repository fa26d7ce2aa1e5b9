package dev.loop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The polling GETs, sent with {@code If-None-Match}: GitHub answers an unchanged list with 304, which does not count
 * against the rate limit, and the body kept from the last 200 is used again. hub4j sends conditional requests only
 * through an HTTP cache (OkHttp's, which Loop does not ship), so these few reads use java.net.http directly.
 */
final class ConditionalGets {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final int MAX_PAGES = 10;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Requests GitHub counted (not 304s), for logs and tests. */
    private final java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();

    private record Cached(String etag, String body, String next) {}

    ConditionalGets(String token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    long counted() {
        return counted.get();
    }

    /** Every element of a paged JSON array, following {@code Link: rel="next"} (at most ten pages). */
    List<JsonNode> list(String url) {
        return list(url, MAX_PAGES);
    }

    /** As {@link #list(String)}, reading at most {@code pages} pages. */
    List<JsonNode> list(String url, int pages) {
        List<JsonNode> all = new ArrayList<>();
        String next = url;
        for (int page = 0; next != null && page < Math.min(pages, MAX_PAGES); page++) {
            Cached c = get(next);
            try {
                JsonNode array = json.readTree(c.body());
                if (array != null && array.isArray()) array.forEach(all::add);
            } catch (IOException e) {
                throw new GitHubGateway.GitHubFailure(
                        new GitHubAnswer.ServerError(200), "GitHub sent a list Loop cannot read from " + next);
            }
            next = c.next();
        }
        return all;
    }

    /** One JSON object (a single issue), conditionally: an unchanged object answers 304 and costs nothing. */
    JsonNode one(String url) {
        Cached c = get(url);
        try {
            return json.readTree(c.body());
        } catch (IOException e) {
            throw new GitHubGateway.GitHubFailure(
                    new GitHubAnswer.ServerError(200), "GitHub sent an object Loop cannot read from " + url);
        }
    }

    private Cached get(String url) {
        Cached known = cache.get(url);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "Bearer " + token)
                .GET();
        if (known != null) req.header("If-None-Match", known.etag());
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GitHubGateway.GitHubFailure(new GitHubAnswer.Unreachable(e.toString()), "GET " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubGateway.GitHubFailure(new GitHubAnswer.Unreachable("interrupted"), "interrupted");
        }
        int status = res.statusCode();
        if (status == 304 && known != null) return known;
        counted.incrementAndGet();
        if (status >= 200 && status < 300) {
            String next = res.headers()
                    .firstValue("Link")
                    .map(NEXT::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .orElse(null);
            Cached c = new Cached(res.headers().firstValue("ETag").orElse(null), res.body(), next);
            if (c.etag() != null) cache.put(url, c);
            return c;
        }
        throw new GitHubGateway.GitHubFailure(
                answer(status, name -> res.headers().firstValue(name).orElse(null), res.body(), clock.instant()),
                "GET " + url + " answered " + status);
    }

    /** Reads a non-2xx answer the way GitHub documents its limits. */
    static GitHubAnswer answer(
            int status, java.util.function.Function<String, String> header, String body, Instant now) {
        if (status == 403 || status == 429) {
            String remaining = header.apply("X-RateLimit-Remaining");
            String retryAfter = header.apply("Retry-After");
            if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
                return new GitHubAnswer.SecondaryLimited(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
            }
            if ("0".equals(remaining == null ? null : remaining.trim())) {
                String reset = header.apply("X-RateLimit-Reset");
                Instant at = reset != null && reset.trim().matches("\\d+")
                        ? Instant.ofEpochSecond(Long.parseLong(reset.trim()))
                        : null;
                return new GitHubAnswer.RateLimited(at);
            }
            String text = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
            if (status == 429 || text.contains("secondary rate limit") || text.contains("abuse")) {
                return new GitHubAnswer.SecondaryLimited(null);
            }
            return new GitHubAnswer.Refused(status, "forbidden");
        }
        if (status >= 500) return new GitHubAnswer.ServerError(status);
        String message = body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
        return new GitHubAnswer.Refused(status, message);
    }
}
