package dev.loop.triage;

import java.util.Optional;

/**
 * Reasons the team allows itself to raise a flowchart result by one level. A caveat never lowers a priority.
 * Each has a one-letter tag so it fits in a component custom_id.
 */
public enum Caveat {
    VALUED_MEMBER("valued_member", 'v', "requested by a valued community member"),
    CONTRIBUTOR_NEEDS("contributor_needs", 'c', "a contributor needs it"),
    NOVEL_HIGH_IMPACT("novel_high_impact", 'i', "a novel solution with big impact");

    private final String code;
    private final char tag;
    private final String reason;

    Caveat(String code, char tag, String reason) {
        this.code = code;
        this.tag = tag;
        this.reason = reason;
    }

    /** Stored in the issue's {@code caveat} column and used as a select option value. */
    public String code() {
        return code;
    }

    /** One character used inside the encoded triage state. */
    public char tag() {
        return tag;
    }

    /** Lower-case phrase, e.g. "a contributor needs it"; also the select option label. */
    public String reason() {
        return reason;
    }

    public static Optional<Caveat> parse(String code) {
        for (Caveat c : values()) if (c.code.equals(code)) return Optional.of(c);
        return Optional.empty();
    }

    static Optional<Caveat> fromTag(char tag) {
        for (Caveat c : values()) if (c.tag == tag) return Optional.of(c);
        return Optional.empty();
    }
}
