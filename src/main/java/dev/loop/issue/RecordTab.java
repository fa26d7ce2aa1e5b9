package dev.loop.issue;

import java.util.Optional;

/** The parts of an issue record that `/issue show` opens with a button, each as its own paged view. */
public enum RecordTab {
    TRANSCRIPT("t", "Transcript", "messages"),
    PEOPLE("p", "People", "requesters"),
    DETAILS("d", "Details", "answers"),
    PROPOSALS("o", "Proposals", "proposals"),
    HISTORY("h", "History", "changes");

    private final String code;
    private final String label;
    private final String unit;

    RecordTab(String code, String label, String unit) {
        this.code = code;
        this.label = label;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    /** The button's label and the view's heading. */
    public String label() {
        return label;
    }

    /** What the view counts, in the plural ("messages"). */
    String unit() {
        return unit;
    }

    static Optional<RecordTab> fromCode(String code) {
        for (RecordTab t : values()) if (t.code.equals(code)) return Optional.of(t);
        return Optional.empty();
    }
}
