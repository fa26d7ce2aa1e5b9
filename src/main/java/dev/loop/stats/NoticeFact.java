package dev.loop.stats;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One release notice row.
 *
 * @param at       when it reached its state (the row's {@code updated_at})
 * @param ownerIds owners of the issues it told the person about, for per-owner stats
 */
public record NoticeFact(State state, Instant at, Set<Long> ownerIds) {

    public NoticeFact {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        ownerIds = Set.copyOf(ownerIds);
    }

    /** The notice table's {@code state} column. */
    public enum State {
        PENDING,
        DELIVERED,
        FELL_BACK,
        FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
