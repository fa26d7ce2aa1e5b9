package dev.loop.issue;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way the record's coded vocabularies ({@link IssueKind}, {@link IssueStatus}, {@link PrioritySource}) read a
 * code back into its value, whether the database stored it or a person typed it.
 */
final class Codes {

    private Codes() {}

    /**
     * The value whose code is {@code text}, ignoring case and surrounding spaces, with a space or a hyphen standing
     * for an underscore ("in progress" is {@code in_progress}); empty for null or an unknown code.
     */
    static <E extends Enum<E>> Optional<E> parse(E[] values, Function<E, String> code, String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E value : values) if (code.apply(value).equals(t)) return Optional.of(value);
        return Optional.empty();
    }

    /** The value stored as {@code stored}; an unknown code is a broken database, so it throws, naming {@code what}. */
    static <E extends Enum<E>> E fromCode(E[] values, Function<E, String> code, String stored, String what) {
        return parse(values, code, stored)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " " + stored));
    }
}
