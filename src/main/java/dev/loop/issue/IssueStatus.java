package dev.loop.issue;

import java.util.Locale;
import java.util.Optional;

/** The life of an issue. Open and in-progress issues are "open" for lists, search suggestions and releases. */
public enum IssueStatus {
    OPEN("open", "Open"),
    IN_PROGRESS("in_progress", "In progress"),
    SHIPPED("shipped", "Shipped"),
    CLOSED("closed", "Closed"),
    DUPLICATE("duplicate", "Duplicate");

    private final String code;
    private final String label;

    IssueStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Still waiting for work: open or in progress. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public static IssueStatus fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown status " + code));
    }

    public static Optional<IssueStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (IssueStatus s : values()) {
            if (s.code.equals(t)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
