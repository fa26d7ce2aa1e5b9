package dev.loop.sim;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST API v10 over plain HTTP on loopback. The pipeline per request: route match (404/405 with code 0),
 * authorization (401), global and per-route rate limits (429), injected faults and latency, then the handler,
 * which runs under the world lock.
 */
final class RestServer {
    private static final Logger log = LoggerFactory.getLogger(RestServer.class);

    interface Handler {
        Response handle(Request request);
    }

    record Route(
            String method,
            String template,
            String[] segments,
            Handler handler,
            boolean auth,
            boolean globalExempt,
            int literals) {
        String key() {
            return method + " " + template;
        }
    }

    private record Match(Route route, Map<String, String> params) {}

    private final World world;
    private final SimRateLimits rateLimits;
    private final SimFaults faults;
    private final List<Route> routes = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    RestServer(World world, SimRateLimits rateLimits, SimFaults faults) {
        this.world = world;
        this.rateLimits = rateLimits;
        this.faults = faults;
    }

    /** Registers a route that needs the bot token. */
    void route(String method, String template, Handler handler) {
        add(method, template, handler, true, false);
    }

    /** Registers an interaction callback or webhook route: no bot token needed, exempt from the global limit. */
    void tokenRoute(String method, String template, Handler handler) {
        add(method, template, handler, false, true);
    }

    private void add(String method, String template, Handler handler, boolean auth, boolean exempt) {
        String[] segments = template.split("/");
        int literals = 0;
        for (String s : segments) {
            if (!s.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Route(method, template, segments, handler, auth, exempt, literals));
    }

    void start() throws IOException {
        server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), world.options.restPort()), 256);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(world.options.restThreads(), r -> {
            Thread t = new Thread(r, "sim-rest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private Match match(String method, String[] parts, boolean[] pathKnown) {
        Match best = null;
        for (Route r : routes) {
            if (r.segments.length != parts.length) {
                continue;
            }
            Map<String, String> params = null;
            boolean ok = true;
            for (int i = 0; i < parts.length; i++) {
                String s = r.segments[i];
                if (s.startsWith("{")) {
                    if (params == null) {
                        params = new HashMap<>();
                    }
                    params.put(s.substring(1, s.length() - 1), parts[i]);
                } else if (!s.equals(parts[i])) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                continue;
            }
            pathKnown[0] = true;
            if (!r.method.equals(method)) {
                continue;
            }
            if (best == null || r.literals > best.route.literals) {
                best = new Match(r, params == null ? Map.of() : params);
            }
        }
        return best;
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String method = ex.getRequestMethod();
        String rawPath = ex.getRequestURI().getRawPath();
        String path = rawPath;
        int status;
        ObjectNode errorBody = null;
        Map<String, String> headers = Map.of();
        Response response = null;
        Request request = null;
        String routeKey = "?";
        try (ex) {
            byte[] body = readAll(ex.getRequestBody());
            try {
                if (rawPath.startsWith("/api/v10/") || rawPath.startsWith("/api/v9/")) {
                    path = rawPath.substring(rawPath.indexOf('/', 5) + 1);
                } else {
                    throw ApiError.notFound();
                }
                if (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                String[] parts = path.split("/");
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                }
                boolean[] known = {false};
                Match m = match(method, parts, known);
                if (m == null) {
                    throw known[0] ? ApiError.methodNotAllowed() : ApiError.notFound();
                }
                Route route = m.route;
                routeKey = route.key();
                request = new Request(
                        method,
                        path,
                        m.params,
                        ex.getRequestURI().getRawQuery(),
                        body,
                        ex.getRequestHeaders().getFirst("Content-Type"));
                request.receivedNanos = start;
                if (route.auth) {
                    String auth = ex.getRequestHeaders().getFirst("Authorization");
                    if (auth == null || !auth.equals("Bot " + world.options.token())) {
                        throw ApiError.unauthorized();
                    }
                }
                SimRateLimits.Decision decision = rateLimits.check(routeKey, major(m.params), route.globalExempt);
                headers = decision.headers();
                if (decision.tooMany() != null) {
                    errorBody = decision.tooMany();
                    status = 429;
                } else {
                    SimFaults.Injected fail = faults.failure(method, route.template, path);
                    if (fail != null && fail.status() == 429) {
                        SimRateLimits.Decision forced = rateLimits.forced(routeKey, fail.retryAfter());
                        headers = forced.headers();
                        errorBody = forced.tooMany();
                        status = 429;
                    } else if (fail != null) {
                        status = fail.status();
                        errorBody = Json.obj();
                        errorBody.put("message", status + ": " + reason(status));
                        errorBody.put("code", 0);
                    } else {
                        long latency = faults.restLatencyNanos();
                        if (latency > 0) {
                            faults.restDelayed(latency);
                            Thread.sleep(latency / 1_000_000, (int) (latency % 1_000_000));
                        }
                        Request req = request;
                        req.json(); // parse outside the world lock
                        response = world.write(() -> route.handler.handle(req));
                        status = response.status();
                    }
                }
            } catch (ApiError e) {
                status = e.status;
                errorBody = e.body;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 500;
                errorBody = ApiError.of(500, 0, "500: Internal Server Error").body;
            } catch (RuntimeException e) {
                log.error("simulator failed handling {} {}", method, path, e);
                status = 500;
                errorBody = ApiError.of(500, 0, "500: Internal Server Error").body;
            }
            byte[] out = null;
            if (errorBody != null) {
                out = Json.bytes(errorBody);
            } else if (response != null && response.body() != null) {
                out = Json.bytes(response.body());
            }
            var h = ex.getResponseHeaders();
            headers.forEach(h::set);
            if (out != null) {
                h.set("Content-Type", "application/json");
            }
            ex.sendResponseHeaders(status, out == null ? -1 : out.length);
            if (out != null) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
            long micros = (System.nanoTime() - start) / 1000;
            world.traffic.rest(method + " " + path
                    + (ex.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + ex.getRequestURI().getRawQuery()) + " -> " + status
                    + (errorBody != null ? " " + Json.abbreviate(errorBody.toString(), 200) : "")
                    + " (" + micros / 1000.0 + " ms)"
                    + (request != null ? "  " + request.summary() : ""));
        } catch (IOException e) {
            log.debug("client went away during {} {}", method, path, e);
        }
    }

    /** The top-level resource that keys a bucket: channel, guild, webhook token or interaction. */
    private static String major(Map<String, String> params) {
        String v = params.get("channel_id");
        if (v != null) {
            return "c" + v;
        }
        v = params.get("guild_id");
        if (v != null) {
            return "g" + v;
        }
        v = params.get("interaction_token");
        if (v != null) {
            return "t" + v;
        }
        v = params.get("interaction_id");
        return v == null ? "" : "i" + v;
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
