package dev.loop.release;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the notice outbox: a person to tell about a release, where ({@code route} and, for a thread, its
 * {@code targetChannelId}), and how far delivery got. While pending, {@code outcomeRoute} set to the other route
 * means the row is being delivered on its fallback route.
 */
public record OutboxNotice(
        long id,
        long releaseId,
        long userId,
        Route route,
        Long targetChannelId,
        NoticeState state,
        Route outcomeRoute,
        int attempts,
        String lastError,
        String nonce,
        Long sentMessageId,
        Instant nextAttemptAt,
        Instant updatedAt) {

    public OutboxNotice {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(state, "state");
    }

    /** The route the next attempt goes to. */
    public Route currentRoute() {
        return outcomeRoute == null ? route : outcomeRoute;
    }

    /** This row is already on its fallback route. */
    public boolean fellBack() {
        return outcomeRoute != null && outcomeRoute != route;
    }
}
