package dev.loop.core;

import static dev.loop.db.Tables.HANDLED_EVENT;

import java.time.Duration;
import java.time.Instant;

/**
 * The identities of inbound events Loop already acted on (the only writer of {@code handled_event}). Discord may
 * deliver an event again — a RESUME replays what it thinks was missed, overlapping connections both deliver — so a
 * handler claims the event's identity first and drops a delivery whose claim already exists. The claim is a unique
 * key in the database, not a read before the write, so two deliveries arriving at once cannot both win.
 */
public final class HandledEvents {

    /** Discord replays only a short backlog; a day is far beyond it, so older claims are pruned. */
    static final Duration KEPT = Duration.ofDays(1);

    private final Database db;
    private volatile long prunedAt;

    public HandledEvents(Database db) {
        this.db = db;
    }

    /** True when this call claimed {@code key} (the first delivery); false for a repeat. */
    public boolean claim(String key, Instant now) {
        boolean first = db.write(ctx -> ctx.insertInto(HANDLED_EVENT)
                        .set(HANDLED_EVENT.EVENT_KEY, key)
                        .set(HANDLED_EVENT.HANDLED_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
        if (now.toEpochMilli() - prunedAt > Duration.ofHours(1).toMillis()) {
            prunedAt = now.toEpochMilli();
            db.transaction(ctx -> ctx.deleteFrom(HANDLED_EVENT)
                    .where(HANDLED_EVENT.HANDLED_AT.lt(now.minus(KEPT).toEpochMilli()))
                    .execute());
        }
        return first;
    }
}
