package dev.loop.issue;

import java.util.Optional;

/**
 * The life of an issue. Open, in-progress and fixed issues are "open" for lists, search suggestions and releases:
 * a fixed issue's pull request is merged but no release carries it yet.
 */
public enum IssueStatus {
    OPEN("open", "Open"),
    IN_PROGRESS("in_progress", "In progress"),
    FIXED("fixed", "Fixed, waiting for a release"),
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

    /** The codes of the statuses that {@link #isActive()}, for queries. */
    public static final java.util.List<String> ACTIVE_CODES =
            java.util.List.of(OPEN.code, IN_PROGRESS.code, FIXED.code);

    /** Not yet released or closed: open, in progress, or fixed and waiting for a release. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS || this == FIXED;
    }

    public static IssueStatus fromCode(String code) {
        return Codes.fromCode(values(), IssueStatus::code, code, "status");
    }

    public static Optional<IssueStatus> parse(String text) {
        return Codes.parse(values(), IssueStatus::code, text);
    }
}
