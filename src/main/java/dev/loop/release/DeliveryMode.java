package dev.loop.release;

import java.util.Locale;
import java.util.Optional;

/** How release notices reach requesters by default (configured as {@code notices.delivery}). */
public enum DeliveryMode {
    /** A reply in the source thread mentioning its requesters. */
    THREAD,
    /** A direct message to each requester. */
    DM;

    public static Optional<DeliveryMode> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "thread" -> Optional.of(THREAD);
            case "dm" -> Optional.of(DM);
            default -> Optional.empty();
        };
    }
}
