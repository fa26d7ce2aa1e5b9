package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway v10 over plain-text WebSocket frames (JSON, no compression).
 *
 * <p>All sequenced output goes through one dispatcher thread fed by a queue: world events, READY/GUILD_CREATE,
 * member chunks and resume replays. That single owner keeps every session's sequence numbers and replay buffer
 * consistent without locks, serializes each event once for all sessions, and applies injected latency without
 * reordering. The world enqueues under its lock, so a new session's READY snapshot and the events that follow
 * it can neither overlap nor leave a gap.
 */
final class Gateway extends WebSocketServer {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final int MAX_PAYLOAD = 4096;
    private static final int CHUNK_SIZE = 1000;
    private static final long SESSION_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

    /** Runs on the dispatcher thread: session registration, resume replay. */
    record Task(Runnable action, long enqueuedNanos) implements GatewayItem {}

    /** A dispatch for one session only (member chunks). */
    record Direct(GatewaySession session, String type, ObjectNode payload, long enqueuedNanos) implements GatewayItem {}

    /** Per-connection state. */
    private static final class Conn {
        volatile GatewaySession session;
    }

    private final World world;
    private final LinkedBlockingQueue<GatewayItem> queue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    private final List<GatewaySession> live = new ArrayList<>(); // dispatcher thread only
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicLong identifies = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private volatile long latencyNanos;
    private final AtomicLong delayedEvents = new AtomicLong();
    private volatile boolean stopped;
    private volatile Exception startFailure;

    Gateway(World world) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), world.options.gatewayPort()), 2);
        this.world = world;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
        dispatcher = new Thread(this::dispatchLoop, "sim-gateway-dispatcher");
        dispatcher.setDaemon(true);
    }

    void startAndWait() {
        dispatcher.start();
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gateway did not start");
            }
            if (startFailure != null) {
                throw new IllegalStateException("gateway could not start: " + startFailure.getMessage(), startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void shutdown() {
        stopped = true;
        dispatcher.interrupt();
        for (WebSocket c : getConnections()) {
            c.closeConnection(1001, "simulator stopping");
        }
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    boolean hasSessions() {
        return !sessions.isEmpty();
    }

    long identifyCount() {
        return identifies.get();
    }

    long resumeCount() {
        return resumes.get();
    }

    /** Whether some valid session currently has an open connection. */
    boolean connected() {
        for (GatewaySession s : sessions.values()) {
            WebSocket c = s.conn;
            if (s.valid && c != null && c.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** Events the dispatcher held back for injected latency, since the simulator started. */
    long delayedEvents() {
        return delayedEvents.get();
    }

    void latency(long nanos) {
        latencyNanos = nanos;
    }

    void broadcast(Event e) {
        synchronized (recent) {
            recent.addLast(e);
            if (recent.size() > RECENT_KEPT) recent.removeFirst();
            if (holding.contains(e.type())) {
                held.addLast(e); // dispatched later, after what happens meanwhile: out of order
                return;
            }
        }
        queue.add(e);
    }

    /**
     * Keeps back every event of these types from now on until {@link #releaseHeld}, so whatever is dispatched
     * meanwhile reaches the client first, as when one connection's events arrive after a newer connection's.
     */
    void hold(java.util.Collection<String> types) {
        synchronized (recent) {
            holding.addAll(types);
        }
    }

    /** Dispatches the held events, in the order they happened, and holds nothing more. Returns how many. */
    int releaseHeld() {
        List<Event> out;
        synchronized (recent) {
            holding.clear();
            out = new ArrayList<>(held);
            held.clear();
        }
        queue.addAll(out);
        return out.size();
    }

    private final java.util.Set<String> holding = new java.util.HashSet<>();
    private final java.util.ArrayDeque<Event> held = new java.util.ArrayDeque<>();

    /**
     * Dispatches again the newest event of {@code type} (same payload, a new sequence number), as a RESUME replay
     * or an overlapping reconnect does. Returns whether there was one.
     */
    boolean redeliver(String type, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> which) {
        Event again = null;
        synchronized (recent) {
            for (java.util.Iterator<Event> it = recent.descendingIterator(); it.hasNext(); ) {
                Event e = it.next();
                if (e.type().equals(type) && which.test(e.payload())) {
                    again = e;
                    break;
                }
            }
        }
        if (again == null) return false;
        queue.add(new Event(again.type(), again.intent(), again.payload(), again.stripped()));
        return true;
    }

    /** Events kept for {@link #redeliver}: enough for a test's last few actions. */
    private static final int RECENT_KEPT = 256;

    private final java.util.ArrayDeque<Event> recent = new java.util.ArrayDeque<>();

    // ------------------------------------------------------------------------------------------------ faults

    /** Closes every bot connection with {@code code}; sessions stay resumable. */
    void drop(int code) {
        for (GatewaySession s : sessions.values()) {
            WebSocket c = s.conn;
            if (c != null) {
                world.traffic.gateway("fault: close " + code);
                c.close(code, "simulated disconnect");
            }
        }
    }

    /** Drops every connection without a close frame, as a network failure would (the client sees 1006). */
    void dropAbruptly() {
        for (GatewaySession s : sessions.values()) {
            WebSocket c = s.conn;
            if (c != null) {
                world.traffic.gateway("fault: abrupt disconnect");
                c.closeConnection(1006, "simulated network failure");
            }
        }
    }

    void invalidateSessions(boolean resumable) {
        for (GatewaySession s : List.copyOf(sessions.values())) {
            WebSocket c = s.conn;
            if (!resumable) {
                invalidate(s);
            }
            if (c != null && c.isOpen()) {
                world.traffic.gateway("fault: INVALID_SESSION d=" + resumable);
                sendRaw(c, "{\"op\":9,\"d\":" + resumable + "}");
            }
        }
    }

    void requestReconnect() {
        for (GatewaySession s : sessions.values()) {
            WebSocket c = s.conn;
            if (c != null && c.isOpen()) {
                world.traffic.gateway("fault: RECONNECT (op 7)");
                sendRaw(c, "{\"op\":7,\"d\":null}");
            }
        }
    }

    private void invalidate(GatewaySession s) {
        s.valid = false;
        sessions.remove(s.id);
        queue.add(new Task(() -> live.remove(s), System.nanoTime()));
    }

    // ------------------------------------------------------------------------------------- websocket events

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket ws, ClientHandshake handshake) {
        ws.setAttachment(new Conn());
        world.traffic.gateway("connection opened " + handshake.getResourceDescriptor());
        sendRaw(ws, "{\"op\":10,\"d\":{\"heartbeat_interval\":" + world.options.heartbeatIntervalMs() + "}}");
    }

    @Override
    public void onClose(WebSocket ws, int code, String reason, boolean remote) {
        Conn conn = ws.getAttachment();
        world.traffic.gateway("connection closed " + code + (remote ? " by client " : " by server ") + reason);
        GatewaySession s = conn == null ? null : conn.session;
        if (s == null) {
            return;
        }
        if (s.conn == ws) {
            s.conn = null;
            s.disconnectedAtNanos = System.nanoTime();
        }
        // A client close with 1000/1001 ends the session; anything else leaves it resumable.
        if (remote && (code == 1000 || code == 1001)) {
            invalidate(s);
        }
        world.signal();
    }

    @Override
    public void onError(WebSocket ws, Exception ex) {
        if (ws == null) {
            startFailure = ex; // e.g. the port is taken
            started.countDown();
            return;
        }
        log.debug("gateway connection error", ex);
    }

    @Override
    public void onMessage(WebSocket ws, String message) {
        if (message.length() > MAX_PAYLOAD) {
            ws.close(4002, "Decode error");
            return;
        }
        JsonNode frame;
        try {
            frame = Json.read(message);
        } catch (RuntimeException e) {
            ws.close(4002, "Decode error");
            return;
        }
        Conn conn = ws.getAttachment();
        int op = frame.path("op").asInt(-1);
        JsonNode d = frame.path("d");
        switch (op) {
            case 1 -> heartbeat(ws, conn, d);
            case 2 -> identify(ws, conn, d);
            case 6 -> resume(ws, conn, d);
            case 8 -> {
                if (conn.session == null) {
                    ws.close(4003, "Not authenticated.");
                } else {
                    requestMembers(conn.session, d);
                }
            }
            case 3, 4, 31, 43 -> {
                if (conn.session == null) {
                    ws.close(4003, "Not authenticated.");
                }
                // presence, voice, soundboard and channel-info requests are accepted and ignored
            }
            default -> ws.close(4001, "Unknown opcode.");
        }
    }

    private void heartbeat(WebSocket ws, Conn conn, JsonNode d) {
        GatewaySession s = conn.session;
        if (s != null && d.isNumber()) {
            // A client may heartbeat the last sequence of its previous session before its new one has sent anything
            // (JDA does, right after identifying again); it cannot acknowledge events this session has not sent.
            s.ackedSeq = Math.max(s.ackedSeq, Math.min(d.asLong(), s.seq));
        }
        sendRaw(ws, "{\"op\":11}");
    }

    private boolean tokenOk(JsonNode d) {
        String token = d.path("token").asText("");
        if (token.startsWith("Bot ")) {
            token = token.substring(4);
        }
        return token.equals(world.options.token());
    }

    private void identify(WebSocket ws, Conn conn, JsonNode d) {
        int intents = d.path("intents").asInt(0) | Intents.GUILDS;
        world.traffic.gateway("← IDENTIFY intents=" + intents);
        if (conn.session != null) {
            ws.close(4005, "Already authenticated.");
            return;
        }
        if (!tokenOk(d)) {
            ws.close(4004, "Authentication failed.");
            return;
        }
        if ((intents & ~Intents.KNOWN) != 0) {
            ws.close(4013, "Invalid intent(s).");
            return;
        }
        SimOptions o = world.options;
        if (((intents & Intents.MESSAGE_CONTENT) != 0 && !o.messageContentIntentEnabled())
                || ((intents & Intents.GUILD_MEMBERS) != 0 && !o.guildMembersIntentEnabled())
                || ((intents & Intents.GUILD_PRESENCES) != 0 && !o.presenceIntentEnabled())) {
            ws.close(4014, "Disallowed intent(s).");
            return;
        }
        int largeThreshold =
                Math.max(50, Math.min(250, d.path("large_threshold").asInt(50)));
        GatewaySession s = new GatewaySession(UUID.randomUUID().toString().replace("-", ""), intents, largeThreshold);
        JsonNode shard = d.get("shard");
        conn.session = s;
        identifies.incrementAndGet();
        world.run(() -> {
            ObjectNode ready = ready(s, shard);
            List<ObjectNode> guildCreates = new ArrayList<>();
            for (GuildState g : world.guildOrder) {
                boolean all = s.has(Intents.GUILD_PRESENCES) && g.members.size() <= largeThreshold;
                guildCreates.add(world.views.guildCreate(g, all, largeThreshold));
            }
            sessions.put(s.id, s);
            queue.add(new Task(
                    () -> {
                        s.conn = ws;
                        live.add(s);
                        send(s, "READY", Json.write(ready));
                        for (ObjectNode gc : guildCreates) {
                            send(s, "GUILD_CREATE", Json.write(gc));
                        }
                        world.signal();
                    },
                    System.nanoTime()));
        });
    }

    private ObjectNode ready(GatewaySession s, JsonNode shard) {
        ObjectNode r = Json.obj();
        r.put("v", 10);
        ObjectNode user = world.views.user(world.bot);
        user.put("verified", true);
        user.put("mfa_enabled", false);
        r.set("user", user);
        ArrayNode guilds = r.putArray("guilds");
        for (GuildState g : world.guildOrder) {
            ObjectNode u = guilds.addObject();
            u.put("id", Json.str(g.id));
            u.put("unavailable", true);
        }
        r.put("session_id", s.id);
        r.put("session_type", "normal");
        r.put("resume_gateway_url", url());
        if (shard != null && shard.isArray()) {
            r.set("shard", shard);
        }
        ObjectNode app = r.putObject("application");
        app.put("id", Json.str(world.applicationId));
        app.put("flags", 0);
        r.putArray("private_channels");
        r.putArray("relationships");
        r.putArray("presences");
        r.putArray("guild_join_requests");
        r.putArray("geo_ordered_rtc_regions");
        r.putObject("auth");
        return r;
    }

    private void resume(WebSocket ws, Conn conn, JsonNode d) {
        String sessionId = d.path("session_id").asText("");
        long seq = d.path("seq").asLong(0);
        world.traffic.gateway("← RESUME session=" + sessionId + " seq=" + seq);
        if (!tokenOk(d)) {
            ws.close(4004, "Authentication failed.");
            return;
        }
        GatewaySession s = sessions.get(sessionId);
        queue.add(new Task(
                () -> {
                    if (s == null || !s.valid || seq < s.trimmedUpTo || seq > s.seq) {
                        world.traffic.gateway("→ INVALID_SESSION d=false (cannot resume)");
                        sendRaw(ws, "{\"op\":9,\"d\":false}");
                        return;
                    }
                    WebSocket old = s.conn;
                    if (old != null && old != ws && old.isOpen()) {
                        old.closeConnection(4000, "resumed elsewhere");
                    }
                    conn.session = s;
                    s.conn = ws;
                    s.disconnectedAtNanos = 0;
                    int replayed = 0;
                    for (GatewaySession.Frame f : s.buffer) {
                        if (f.seq() > seq) {
                            sendRaw(ws, f.text());
                            replayed++;
                        }
                    }
                    world.traffic.gateway("replayed " + replayed + " events after seq " + seq);
                    resumes.incrementAndGet();
                    send(s, "RESUMED", "{}");
                    world.signal();
                },
                System.nanoTime()));
    }

    private void requestMembers(GatewaySession s, JsonNode d) {
        JsonNode gid = d.path("guild_id");
        List<Long> guildIds = new ArrayList<>();
        if (gid.isArray()) {
            gid.forEach(n -> guildIds.add(Json.id(n)));
        } else {
            guildIds.add(Json.id(gid));
        }
        String query = d.path("query").asText("");
        int limit = d.path("limit").asInt(0);
        JsonNode nonce = d.get("nonce");
        List<Long> userIds = new ArrayList<>();
        JsonNode uids = d.path("user_ids");
        if (uids.isArray()) {
            uids.forEach(n -> userIds.add(Json.id(n)));
        } else if (!uids.isMissingNode() && !uids.isNull()) {
            userIds.add(Json.id(uids));
        }
        world.traffic.gateway("← REQUEST_GUILD_MEMBERS guilds=" + guildIds + " query='" + query + "' limit=" + limit);
        for (long guildId : guildIds) {
            GuildState g = world.guilds.get(guildId);
            if (g == null) {
                continue;
            }
            List<MemberState> found = new ArrayList<>();
            List<Long> notFound = new ArrayList<>();
            if (!userIds.isEmpty()) {
                for (long uid : userIds) {
                    MemberState m = g.members.get(uid);
                    if (m == null) {
                        notFound.add(uid);
                    } else {
                        found.add(m);
                    }
                }
            } else {
                String q = query.toLowerCase();
                int max = limit == 0 ? Integer.MAX_VALUE : limit;
                for (MemberState m : g.members.values()) {
                    if (found.size() >= max) {
                        break;
                    }
                    if (q.isEmpty() || m.user.username.toLowerCase().startsWith(q)) {
                        found.add(m);
                    }
                }
            }
            int chunks = Math.max(1, (found.size() + CHUNK_SIZE - 1) / CHUNK_SIZE);
            for (int i = 0; i < chunks; i++) {
                ObjectNode chunk = Json.obj();
                chunk.put("guild_id", Json.str(g.id));
                ArrayNode members = chunk.putArray("members");
                for (int j = i * CHUNK_SIZE; j < Math.min(found.size(), (i + 1) * CHUNK_SIZE); j++) {
                    members.add(world.views.member(found.get(j), true));
                }
                chunk.put("chunk_index", i);
                chunk.put("chunk_count", chunks);
                if (i == 0 && !notFound.isEmpty()) {
                    ArrayNode nf = chunk.putArray("not_found");
                    notFound.forEach(id -> nf.add(Json.str(id)));
                }
                if (nonce != null && !nonce.isNull()) {
                    chunk.set("nonce", nonce);
                }
                queue.add(new Direct(s, "GUILD_MEMBERS_CHUNK", chunk, System.nanoTime()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ dispatching

    private void dispatchLoop() {
        while (!stopped) {
            GatewayItem item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                delay(item.enqueuedNanos());
                switch (item) {
                    case Event e -> deliver(e);
                    case Direct dr -> {
                        if (dr.session().valid) {
                            send(dr.session(), dr.type(), Json.write(dr.payload()));
                        }
                    }
                    case Task t -> t.action().run();
                }
            } catch (RuntimeException ex) {
                log.error("gateway dispatch failed", ex);
            }
        }
    }

    private void delay(long enqueuedNanos) {
        long latency = latencyNanos;
        if (latency <= 0) {
            return;
        }
        delayedEvents.incrementAndGet();
        long wait = enqueuedNanos + latency - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private void deliver(Event e) {
        String full = null;
        String stripped = null;
        for (int i = live.size() - 1; i >= 0; i--) {
            GatewaySession s = live.get(i);
            long gone = s.disconnectedAtNanos;
            if (gone != 0 && System.nanoTime() - gone > SESSION_TIMEOUT_NANOS) {
                // Discord drops sessions that stay disconnected; a later RESUME gets op 9.
                invalidate(s);
                live.remove(i);
                continue;
            }
            if (!s.valid || (e.intent() != 0 && !s.has(e.intent()))) {
                continue;
            }
            String d;
            if (e.stripped() != null && !s.has(Intents.MESSAGE_CONTENT)) {
                if (stripped == null) {
                    stripped = Json.write(e.stripped());
                }
                d = stripped;
            } else {
                if (full == null) {
                    full = Json.write(e.payload());
                }
                d = full;
            }
            send(s, e.type(), d);
        }
    }

    /** Sequences, buffers for resume, and sends if connected. Dispatcher thread only. */
    private void send(GatewaySession s, String type, String d) {
        long seq = ++s.seq;
        String text = "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + d + "}";
        s.buffer.addLast(new GatewaySession.Frame(seq, text));
        long acked = s.ackedSeq;
        while (!s.buffer.isEmpty()
                && (s.buffer.peekFirst().seq() <= acked || s.buffer.size() > GatewaySession.MAX_BUFFER)) {
            s.trimmedUpTo = s.buffer.pollFirst().seq();
        }
        WebSocket c = s.conn;
        world.traffic.gateway("→ " + type + " s=" + seq + (c == null ? " (buffered) " : " ") + Json.abbreviate(d, 160));
        if (c != null) {
            sendRaw(c, text);
        }
    }

    private static void sendRaw(WebSocket c, String text) {
        try {
            if (c.isOpen()) {
                c.send(text);
            }
        } catch (WebsocketNotConnectedException ignored) {
            // The frame stays in the session buffer and is replayed on resume.
        }
    }
}
