package dev.loop.sim;

import java.util.ArrayDeque;
import org.java_websocket.WebSocket;

/**
 * A bot gateway session: what survives a dropped connection so it can be resumed. {@code seq}, {@code buffer}
 * and {@code trimmedUpTo} belong to the gateway's dispatcher thread; the rest is volatile.
 */
final class GatewaySession {
    /** Frames kept for replay beyond what the client has acknowledged through heartbeats. */
    static final int MAX_BUFFER = 100_000;

    record Frame(long seq, String text) {}

    final String id;
    final int intents;
    final int largeThreshold;
    long seq;
    final ArrayDeque<Frame> buffer = new ArrayDeque<>();
    long trimmedUpTo;
    volatile WebSocket conn;
    volatile boolean valid = true;
    /** Last sequence number the client reported in a heartbeat. */
    volatile long ackedSeq;
    /** When the connection went away (System.nanoTime), or 0 while connected. */
    volatile long disconnectedAtNanos;

    GatewaySession(String id, int intents, int largeThreshold) {
        this.id = id;
        this.intents = intents;
        this.largeThreshold = largeThreshold;
    }

    boolean has(int intent) {
        return (intents & intent) != 0;
    }
}
