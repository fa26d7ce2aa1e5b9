package dev.loop.issue;

import java.util.Locale;
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
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown kind " + code));
    }

    public static Optional<IssueKind> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (IssueKind k : values()) {
            if (k.code.equals(t)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
