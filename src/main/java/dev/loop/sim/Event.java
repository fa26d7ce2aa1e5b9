package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dispatch for every bot session. {@code intent} is the bit a session needs to receive it (0: always sent);
 * {@code stripped} is the variant for sessions without MESSAGE_CONTENT, or null when content gating does not
 * apply.
 */
record Event(String type, int intent, ObjectNode payload, ObjectNode stripped, long enqueuedNanos)
        implements GatewayItem {
    Event(String type, int intent, ObjectNode payload, ObjectNode stripped) {
        this(type, intent, payload, stripped, System.nanoTime());
    }
}
