package dev.loop.core.discord;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.TimeUtil;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no person ever sees "The application did not respond": an interaction still unanswered {@link #ACK_AFTER}
 * after Discord created it is acknowledged at once — a deferred reply (ephemeral, "Loop is thinking…") for commands and
 * forms, a deferred edit for buttons and menus — and the handler's answer, whenever it comes, is delivered through the
 * interaction's webhook instead of the initial callback.
 *
 * <p>It works where every answer leaves Loop: an interceptor on JDA's HTTP client. Handlers keep answering the
 * ordinary way ({@code event.reply(…)}, {@code event.editMessage(…)}); when the guard has already deferred, the
 * interaction callback they send is rewritten on its way out:
 *
 * <ul>
 *   <li>a reply (type 4) fills the "thinking…" message (ephemeral answers), or, when the answer is meant for
 *       everyone, replaces it with a follow-up that everyone sees; after a deferred edit it is a follow-up with the
 *       reply's own ephemerality;
 *   <li>a message update (type 7) edits the component's message ({@code @original});
 *   <li>a defer of either kind (5, 6) is already done and answered as such;
 *   <li>a modal (type 9) cannot be opened once an interaction is acknowledged — Discord allows a form only as the
 *       first answer — so the person gets an ephemeral sentence asking to press again. Handlers that open a form do no
 *       slow work before it, so this is the rare busy-host case, never the normal path.
 * </ul>
 *
 * <p>The two seconds count from the moment Discord created the interaction (the time in its id), as Discord's three do,
 * not from the moment Loop received it: on a busy host the gateway falls behind (a burst of messages before it, a JVM
 * still warming up), and an interaction can reach Loop a second or more after it was made. Counted from its arrival,
 * such an interaction was acknowledged after Discord had already given up on it, and Discord refused the late
 * acknowledgement as an unknown interaction. One that arrives older than {@link #ACK_AFTER} is acknowledged at once
 * unless its handler answers first. A host clock ahead of Discord's only makes the guard acknowledge earlier.
 *
 * <p>Exactly one acknowledgement happens: the guard's defer and a handler's callback for the same interaction are
 * serialised by one lock per interaction, and whichever comes first decides.
 */
public final class DeadlineGuard implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(DeadlineGuard.class);

    /** Well inside Discord's 3 seconds, leaving room for the defer's own round trip on a busy host. */
    public static final Duration ACK_AFTER = Duration.ofSeconds(2);

    /** Defers in flight at once; each is one short request. */
    private static final int SENDERS = 4;

    /** How long an interaction is remembered: its token lives 15 minutes. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    static final String FORM_TOO_LATE =
            "That took longer than Discord allows for a form to open. Please press the button again.";

    private static final Pattern CALLBACK = Pattern.compile("^(.*/api/v\\d+/)interactions/(\\d+)/([^/]+)/callback$");
    private static final Pattern BASE = Pattern.compile("^(.*/api/v\\d+/)");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the guard sends when it acknowledges: a deferred (ephemeral) reply, or a deferred edit. */
    public enum Kind {
        REPLY,
        EDIT
    }

    private enum State {
        OPEN,
        ANSWERED,
        DEFERRED
    }

    private static final class Pending {
        final String token;
        final long applicationId;
        final Kind kind;
        final ReentrantLock lock = new ReentrantLock();
        State state = State.OPEN;

        Pending(String token, long applicationId, Kind kind) {
            this.token = token;
            this.applicationId = applicationId;
            this.kind = kind;
        }
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    /**
     * Platform threads send the defers: in a burst a thousand handlers queue for the virtual-thread carriers, and a
     * defer waiting behind them would miss the very deadline it exists for.
     */
    private final ExecutorService senders;

    private final Duration ackAfter;
    /** The wall clock an interaction's age is read on: Discord stamps its id with the time it was created. */
    private final Clock wall;

    private final AtomicLong deferred = new AtomicLong();
    private volatile String base = "https://discord.com/api/v10/";
    private volatile OkHttpClient client;

    public DeadlineGuard() {
        this(ACK_AFTER);
    }

    public DeadlineGuard(Duration ackAfter) {
        this(ackAfter, Clock.systemUTC());
    }

    DeadlineGuard(Duration ackAfter, Clock wall) {
        this.ackAfter = ackAfter;
        this.wall = wall;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loop-deadline-guard");
            t.setDaemon(true);
            return t;
        });
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "loop-deadline-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** JDA's HTTP client with this guard on it; the guard sends its own defers with the same client. */
    public OkHttpClient client() {
        OkHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null)
                    client = new OkHttpClient.Builder().addInterceptor(this).build();
                c = client;
            }
        }
        return c;
    }

    /**
     * Watches one interaction: still unanswered {@link #ACK_AFTER} after Discord created it, it is acknowledged (at
     * once if it is older than that already).
     */
    public void watch(long interactionId, String token, long applicationId, Kind kind) {
        Pending p = new Pending(token, applicationId, kind);
        if (pending.putIfAbsent(interactionId, p) != null) return;
        long wait = acknowledgeIn(interactionId);
        if (wait <= 0) {
            senders.execute(() -> deferIfOpen(interactionId, p));
        } else {
            timer.schedule(() -> senders.execute(() -> deferIfOpen(interactionId, p)), wait, MILLISECONDS);
        }
        timer.schedule(() -> pending.remove(interactionId, p), FORGET_AFTER.toMillis(), MILLISECONDS);
    }

    /**
     * Milliseconds from now until the interaction is {@link #ACK_AFTER} old by the time in its id; never more than
     * that (a clock behind Discord's must not push the acknowledgement past it), zero or less when it is due already.
     */
    long acknowledgeIn(long interactionId) {
        long age = Math.max(
                0,
                wall.millis()
                        - TimeUtil.getTimeCreated(interactionId).toInstant().toEpochMilli());
        return ackAfter.toMillis() - age;
    }

    /** How many interactions the guard has acknowledged because their handler was slow (for logs and tests). */
    public long deferredCount() {
        return deferred.get();
    }

    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
    }

    private void deferIfOpen(long interactionId, Pending p) {
        // held means the handler's answer is on its way out (or the guard's own late path is): nothing to add, and a
        // sender waiting for it would hold up the acknowledgements of other interactions behind one slow request
        if (!p.lock.tryLock()) return;
        try {
            if (p.state != State.OPEN) return;
            ObjectNode body = JSON.createObjectNode();
            if (p.kind == Kind.REPLY) {
                body.put("type", 5);
                body.putObject("data").put("flags", 64);
            } else {
                body.put("type", 6);
            }
            Request request = new Request.Builder()
                    .url(base + "interactions/" + interactionId + "/" + p.token + "/callback")
                    .post(RequestBody.create(body.toString(), JSON_TYPE))
                    .build();
            // marked first so the request passes this interceptor untouched
            p.state = State.ANSWERED;
            try (Response response = client().newCall(request).execute()) {
                if (response.isSuccessful()) {
                    p.state = State.DEFERRED;
                    deferred.incrementAndGet();
                    log.info("Acknowledged interaction {} early: its handler is still at work", interactionId);
                } else {
                    log.warn("Could not acknowledge interaction {} early: HTTP {}", interactionId, response.code());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not acknowledge interaction {} early: {}", interactionId, e.toString());
        } finally {
            p.lock.unlock();
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String url = request.url().toString();
        Matcher m = CALLBACK.matcher(stripQuery(url));
        if (!m.matches()) {
            Matcher b = BASE.matcher(url);
            if (b.find()) base = b.group(1);
            return chain.proceed(request);
        }
        base = m.group(1);
        Pending p = pending.get(Long.parseLong(m.group(2)));
        if (p == null) return chain.proceed(request);
        p.lock.lock();
        try {
            if (p.state == State.OPEN) {
                p.state = State.ANSWERED;
                return chain.proceed(request);
            }
            if (p.state == State.ANSWERED) return chain.proceed(request);
            return late(chain, request, p);
        } finally {
            p.lock.unlock();
        }
    }

    /** The handler's callback after the guard deferred: delivered through the interaction's webhook. */
    private Response late(Chain chain, Request request, Pending p) throws IOException {
        JsonNode callback = readJson(request);
        if (callback == null) {
            // a multipart answer (with files) is sent as it is; Discord refuses it as already acknowledged
            log.warn("A late answer with attachments could not be rerouted");
            return chain.proceed(request);
        }
        int type = callback.path("type").asInt(0);
        JsonNode data = callback.path("data");
        String webhook = base + "webhooks/" + p.applicationId + "/" + p.token;
        boolean ephemeral = (data.path("flags").asInt(0) & 64) != 0;
        return switch (type) {
            case 4 -> {
                if (p.kind == Kind.EDIT) yield send(chain, request, "POST", webhook, data);
                if (ephemeral) yield send(chain, request, "PATCH", webhook + "/messages/@original", withoutFlags(data));
                // meant for everyone: the ephemeral "thinking…" gives way to a public follow-up
                try (Response ignored = chain.proceed(new Request.Builder()
                        .url(webhook + "/messages/@original")
                        .delete()
                        .build())) {
                    // the placeholder's removal is best effort
                }
                yield send(chain, request, "POST", webhook, data);
            }
            case 7 -> send(chain, request, "PATCH", webhook + "/messages/@original", data);
            case 9 -> {
                ObjectNode sorry = JSON.createObjectNode();
                sorry.put("content", FORM_TOO_LATE);
                sorry.put("flags", 64);
                sorry.putObject("allowed_mentions").putArray("parse");
                yield send(chain, request, "POST", webhook, sorry);
            }
            default -> noContent(request); // 5 and 6: already deferred
        };
    }

    private static Response send(Chain chain, Request original, String method, String url, JsonNode body)
            throws IOException {
        Request rerouted = original.newBuilder()
                .url(url)
                .method(method, RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        Response response = chain.proceed(rerouted);
        if (!response.isSuccessful()) return response;
        response.close();
        return noContent(original);
    }

    private static Response noContent(Request request) {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(204)
                .message("No Content")
                .body(ResponseBody.create(new byte[0], null))
                .build();
    }

    private static JsonNode withoutFlags(JsonNode data) {
        if (!(data instanceof ObjectNode o)) return data;
        ObjectNode copy = o.deepCopy();
        copy.remove("flags");
        return copy;
    }

    private static JsonNode readJson(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null) return null;
        MediaType type = body.contentType();
        if (type == null || !"json".equals(type.subtype())) return null;
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return JSON.readTree(buffer.readUtf8());
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
