package dev.loop.issue;

import java.util.Optional;

/** What was reported. Bugs get the debug-details request. */
public enum IssueKind {
    BUG("bug", "Bug"),
    FEATURE("feature", "Feature"),
    QUESTION("question", "Question");

    private final String code;
    private final String label;

    IssueKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static IssueKind fromCode(String code) {
        return Codes.fromCode(values(), IssueKind::code, code, "kind");
    }

    public static Optional<IssueKind> parse(String text) {
        return Codes.parse(values(), IssueKind::code, text);
    }
}
