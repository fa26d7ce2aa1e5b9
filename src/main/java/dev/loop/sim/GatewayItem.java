package dev.loop.sim;

/** Work for the gateway's dispatcher thread, processed strictly in queue order. */
sealed interface GatewayItem permits Event, Gateway.Task, Gateway.Direct {
    /** When the item was queued; injected gateway latency counts from here. */
    long enqueuedNanos();
}
