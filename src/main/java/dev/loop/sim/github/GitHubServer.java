package dev.loop.sim.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: route match (404), token (401), injected faults, the primary limit (403 with remaining 0), the
 * token's permission (403), the secondary limit for content-creating requests (403 with Retry-After), then the
 * handler under the simulator's lock, then the conditional-request check (304, not counted) and the headers GitHub
 * sends on every answer.
 */
final class GitHubServer {
    private static final Logger log = LoggerFactory.getLogger(GitHubServer.class);
    // IMF-fixdate, as GitHub writes Date and Last-Modified: a two-digit day, always GMT.
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    static final String DOCS = "https://docs.github.com/rest";
    private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

    interface Handler {
        Reply handle(Call call);
    }

    /** One request as a handler sees it. */
    record Call(
            String method,
            String path,
            Map<String, String> params,
            Map<String, String> query,
            JsonNode body,
            GitHubSim.Token token,
            String baseUrl) {
        String param(String name) {
            return params.get(name);
        }

        String query(String name, String fallback) {
            String v = query.get(name);
            return v == null || v.isEmpty() ? fallback : v;
        }
    }

    /** An answer: status, JSON body (null for none), extra headers, and the Last-Modified time where GitHub sends one. */
    record Reply(int status, JsonNode body, Map<String, String> headers, Instant lastModified) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body, Map.of(), null);
        }

        static Reply ok(JsonNode body, Instant lastModified) {
            return new Reply(200, body, Map.of(), lastModified);
        }

        static Reply created(JsonNode body, String location) {
            return new Reply(201, body, Map.of("Location", location), null);
        }

        static Reply noContent() {
            return new Reply(204, null, Map.of(), null);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, lastModified);
        }
    }

    /** A GitHub error answer thrown from a handler. */
    static final class Failure extends RuntimeException {
        final int status;
        final ObjectNode body;

        Failure(int status, ObjectNode body) {
            super(body.path("message").asText(), null, false, false);
            this.status = status;
            this.body = body;
        }

        static Failure notFound() {
            return new Failure(404, message("Not Found", DOCS, 404));
        }

        /** 422 Validation Failed with one entry in {@code errors}. */
        static Failure invalid(String resource, String field, String code, String message) {
            ObjectNode body = message("Validation Failed", DOCS, 422);
            ObjectNode error = body.putArray("errors").addObject();
            error.put("resource", resource);
            error.put("field", field);
            error.put("code", code);
            if (message != null) error.put("message", message);
            return new Failure(422, body);
        }
    }

    record Route(
            String method, String template, String[] segments, Handler handler, String permission, String resource) {
        int literals() {
            int n = 0;
            for (String s : segments) if (!s.startsWith("{")) n++;
            return n;
        }
    }

    private final GitHubSim sim;
    private final List<Route> routes = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;
    private String baseUrl;

    GitHubServer(GitHubSim sim) {
        this.sim = sim;
        new GitHubApi(sim).register(this);
    }

    /**
     * Registers a route; {@code permission} is the token permission it needs (null: none), {@code resource} the rate
     * limit it counts against ({@code core}, {@code search}, or null for none).
     */
    void route(String method, String template, String permission, String resource, Handler handler) {
        routes.add(new Route(method, template, template.substring(1).split("/"), handler, permission, resource));
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            Duration delay = sim.faults().delay();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            send(ex, process(ex));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("GitHub simulator could not answer {}", ex.getRequestURI(), e);
        }
    }

    private record Outcome(int status, byte[] body, Map<String, String> headers) {}

    private Outcome process(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String override = ex.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if (method.equals("POST") && override != null) {
            method = override.toUpperCase(Locale.ROOT);
        }
        String rawPath = ex.getRequestURI().getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put("Date", HTTP_DATE.format(ZonedDateTime.ofInstant(sim.now(), ZoneOffset.UTC)));

        GitHubSim.Token token = authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        Route route = null;
        Map<String, String> params = new HashMap<>();
        for (Route candidate : routes) {
            Map<String, String> found = match(candidate, method, rawPath);
            if (found != null && (route == null || candidate.literals() > route.literals())) {
                route = candidate;
                params = found;
            }
        }
        String routeKey = route == null ? method + " (unknown)" : method + " " + route.template();
        sim.counters().noteRequest(routeKey);
        if (token == null) {
            return error(401, GitHubServer.message("Bad credentials", DOCS, 401), headers);
        }
        long uid = token.user().id;
        if (token.scopes() != null) {
            headers.put("X-OAuth-Scopes", String.join(", ", token.scopes()));
        }
        String resource = route == null ? "core" : route.resource();
        GitHubFaults.Fault fault = sim.faults().take(rawPath);
        if (fault instanceof GitHubFaults.Fault.Status s) {
            String message = s.code() == 503 ? "Service Unavailable" : s.code() == 502 ? "Bad Gateway" : "Server Error";
            return error(s.code(), message(message, DOCS, s.code()), headers);
        }
        if (fault instanceof GitHubFaults.Fault.PrimaryLimit
                || (resource != null && sim.limits().exhausted(uid, resource))) {
            String r = resource == null ? "core" : resource;
            rateHeaders(headers, uid, r);
            headers.put("X-RateLimit-Remaining", "0");
            sim.counters().noteForbiddenPrimary();
            if (r.equals("graphql")) {
                // GraphQL answers a spent limit with 200 and a RATE_LIMITED error, not 403
                ObjectNode limited = GhJson.obj();
                ObjectNode e = limited.putArray("errors").addObject();
                e.put("type", "RATE_LIMITED");
                e.put("message", "API rate limit exceeded for user ID " + uid + ".");
                return new Outcome(200, GhJson.bytes(limited), headers);
            }
            return error(
                    403,
                    message(
                            "API rate limit exceeded for user ID " + uid
                                    + ". If you reach out to GitHub Support for help, please include the request ID "
                                    + headers.get("X-GitHub-Request-Id") + " and timestamp "
                                    + GhJson.time(sim.now()).replace('T', ' ').replace("Z", " UTC") + ".",
                            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                            403),
                    headers);
        }
        if (route == null) {
            count(uid, "core", headers);
            return error(404, message("Not Found", DOCS, 404), headers);
        }
        if (!GitHubPermission.allows(token.permissions(), permissionFor(route, method))) {
            count(uid, resource, headers);
            if (token.scopes() != null) {
                return error(404, message("Not Found", DOCS, 404), headers);
            }
            sim.counters().noteForbiddenPermission();
            String needed = permissionFor(route, method).replace(':', '=');
            headers.put("X-Accepted-GitHub-Permissions", needed);
            return error(403, message("Resource not accessible by personal access token", DOCS, 403), headers);
        }
        // a GraphQL query is sent with POST but creates nothing
        boolean write = WRITES.contains(method) && !route.template().equals("/graphql");
        if (fault instanceof GitHubFaults.Fault.SecondaryLimit secondary) {
            return secondaryLimit(headers, uid, resource, secondary.retryAfter(), false);
        }
        if (write) {
            GitHubLimits.Block block = sim.limits().write(uid);
            if (block != null) {
                return secondaryLimit(headers, uid, resource, block.retryAfter(), block.early());
            }
        }
        JsonNode body = null;
        try (InputStream in = ex.getRequestBody()) {
            byte[] data = in.readAllBytes();
            if (data.length > 0) {
                body = GhJson.read(data);
            }
        } catch (IOException e) {
            count(uid, resource, headers);
            return error(400, message("Problems parsing JSON", DOCS, 400), headers);
        }
        Call call = new Call(method, rawPath, params, query(ex.getRequestURI().getRawQuery()), body, token, baseUrl);
        Reply reply;
        try {
            synchronized (sim.lock) {
                SimRepository repo =
                        params.containsKey("owner") ? sim.findRepo(params.get("owner"), params.get("repo")) : null;
                if (write && repo != null && repo.archived) {
                    throw new Failure(403, message("Repository was archived so is read-only.", DOCS, 403));
                }
                reply = route.handler().handle(call);
            }
        } catch (Failure f) {
            reply = new Reply(f.status, f.body, Map.of(), null);
        }
        headers.putAll(reply.headers());
        byte[] bytes = reply.body() == null ? new byte[0] : GhJson.bytes(reply.body());
        if (method.equals("GET") && reply.status() == 200) {
            String etag = "W/\"" + digest(bytes) + "\"";
            headers.put("ETag", etag);
            if (reply.lastModified() != null) {
                headers.put(
                        "Last-Modified",
                        HTTP_DATE.format(ZonedDateTime.ofInstant(reply.lastModified(), ZoneOffset.UTC)));
            }
            if (notModified(ex, etag, reply.lastModified())) {
                if (resource != null) rateHeaders(headers, uid, resource);
                sim.counters().noteNotModified();
                return new Outcome(304, null, headers);
            }
            headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
            headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        }
        count(uid, resource, headers);
        if (write && reply.status() < 500) {
            sim.counters().noteContentCreating();
        }
        if (reply.status() >= 400) {
            sim.counters().noteStatus(reply.status());
        }
        return new Outcome(reply.status(), reply.body() == null ? null : bytes, headers);
    }

    private Outcome secondaryLimit(
            Map<String, String> headers, long uid, String resource, Duration retryAfter, boolean early) {
        count(uid, resource, headers);
        if (retryAfter != null) {
            headers.put("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        sim.counters().noteForbiddenSecondary(early);
        return error(
                403,
                message(
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If"
                                + " you reach out to GitHub Support for help, please include the request ID "
                                + headers.get("X-GitHub-Request-Id") + ".",
                        "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api"
                                + "#about-secondary-rate-limits",
                        403),
                headers);
    }

    private static String permissionFor(Route route, String method) {
        String p = route.permission();
        if (p == null) return null;
        return WRITES.contains(method) ? p + ":write" : p + ":read";
    }

    private boolean notModified(HttpExchange ex, String etag, Instant lastModified) {
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || stripWeak(t).equals(stripWeak(etag))) return true;
            }
            return false;
        }
        String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !lastModified
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private void count(long uid, String resource, Map<String, String> headers) {
        if (resource == null) return;
        sim.limits().count(uid, resource);
        sim.counters().noteCounted();
        rateHeaders(headers, uid, resource);
    }

    private void rateHeaders(Map<String, String> headers, long uid, String resource) {
        GitHubLimits.Quota q = sim.limits().quota(uid, resource);
        headers.put("X-RateLimit-Limit", Integer.toString(q.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(q.remaining()));
        headers.put("X-RateLimit-Used", Integer.toString(q.used()));
        headers.put("X-RateLimit-Reset", Long.toString(q.resetEpochSeconds()));
        headers.put("X-RateLimit-Resource", resource);
    }

    private Outcome error(int status, ObjectNode body, Map<String, String> headers) {
        sim.counters().noteStatus(status);
        return new Outcome(status, GhJson.bytes(body), headers);
    }

    static ObjectNode message(String message, String documentationUrl, int status) {
        ObjectNode body = GhJson.obj();
        body.put("message", message);
        body.put("documentation_url", documentationUrl);
        body.put("status", Integer.toString(status));
        return body;
    }

    private GitHubSim.Token authenticate(String authorization) {
        if (authorization == null) return null;
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) return null;
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!scheme.equals("token") && !scheme.equals("bearer")) return null;
        return sim.findToken(value.substring(space + 1).trim());
    }

    private static Map<String, String> match(Route route, String method, String rawPath) {
        if (!route.method().equals(method)) return null;
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        String[] parts = path.split("/", -1);
        String[] segments = route.segments();
        boolean rest = segments[segments.length - 1].endsWith("...}");
        if (rest ? parts.length < segments.length : parts.length != segments.length) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (i == segments.length - 1 && rest) {
                String joined = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
                params.put(s.substring(1, s.length() - 4), decode(joined));
            } else if (s.startsWith("{")) {
                params.put(s.substring(1, s.length() - 1), decode(parts[i]));
            } else if (!s.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    /** Path segments keep a literal plus sign (query strings turn it into a space). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, Outcome outcome) throws IOException {
        outcome.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        boolean hasBody = outcome.body() != null && outcome.status() != 304 && outcome.status() != 204;
        if (hasBody) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(outcome.status(), outcome.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(outcome.body());
            }
        } else {
            ex.sendResponseHeaders(outcome.status(), -1);
        }
    }
}
