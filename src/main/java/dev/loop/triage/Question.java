package dev.loop.triage;

import dev.loop.issue.Priority;
import java.util.Optional;

/**
 * The flowchart's questions, in the order they are asked. A "yes" to any of them ends the flow with
 * {@link #yesLeadsTo()}; "no" to the last one ends it with Low.
 */
public enum Question {
    USER_BLOCKED("blocked", "Is a user blocked by it?", "Blocked"),
    NEW_USER("new_user", "Is it related to a new user's experience?", "New user"),
    QUICK_CHANGE("quick", "Is it a quick change (less than 30 minutes)?", "Quick"),
    BROUGHT_UP_BEFORE("before", "Has it been brought up before?", "Brought up before");

    private final String code;
    private final String text;
    private final String shortLabel;

    Question(String code, String text, String shortLabel) {
        this.code = code;
        this.text = text;
        this.shortLabel = shortLabel;
    }

    /** Stable key used in the {@code triage_answers} column; never rename. */
    public String code() {
        return code;
    }

    /** The question as the engineer sees it. */
    public String text() {
        return text;
    }

    /** A few words for summaries. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The priority a "yes" to this question decides. */
    public Priority yesLeadsTo() {
        return switch (this) {
            case USER_BLOCKED, NEW_USER -> Priority.FIX_NOW;
            case QUICK_CHANGE, BROUGHT_UP_BEFORE -> Priority.HIGH;
        };
    }

    /** The question asked after a "no" to this one; empty after the last. */
    public Optional<Question> next() {
        int i = ordinal() + 1;
        return i < values().length ? Optional.of(values()[i]) : Optional.empty();
    }

    public static Optional<Question> parse(String code) {
        for (Question q : values()) if (q.code.equals(code)) return Optional.of(q);
        return Optional.empty();
    }
}
