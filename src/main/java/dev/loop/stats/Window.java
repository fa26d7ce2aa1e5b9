package dev.loop.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time range {@code [from, to)}: back-to-back windows never count the same moment twice. */
public record Window(Instant from, Instant to) {
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("window ends before it starts: " + from + " → " + to);
    }

    /** The {@code length} before {@code end}, e.g. the last 7 days up to now. */
    public static Window ending(Instant end, Duration length) {
        return new Window(end.minus(length), end);
    }

    /** The window of the same length just before this one (last week for this week). */
    public Window previous() {
        return new Window(from.minus(Duration.between(from, to)), from);
    }

    /** Null is never inside. */
    public boolean contains(Instant t) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
