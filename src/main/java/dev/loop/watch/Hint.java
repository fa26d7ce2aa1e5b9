package dev.loop.watch;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A "looks like #N" hint posted to the team channel, and what an engineer decided about it. */
public record Hint(
        long id,
        long threadId,
        int issueNumber,
        Long messageId,
        State state,
        Long decidedBy,
        Instant decidedAt,
        Instant createdAt) {

    public Hint {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public enum State {
        OPEN,
        LINKED,
        /** The post was captured as an issue of its own (by any route). */
        CAPTURED,
        IGNORED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
