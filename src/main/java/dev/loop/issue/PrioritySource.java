package dev.loop.issue;

/**
 * Where an issue's current priority came from. It decides whether the automatic "brought up before" bump may move
 * it: only a Low that the flowchart gave can be bumped; a priority an engineer set by hand stands until an engineer
 * changes it.
 */
public enum PrioritySource {
    /** The triage flowchart's answers. */
    FLOWCHART("flowchart", "the flowchart"),
    /** An engineer, by hand (a priority reaction on the card or a command). */
    ENGINEER("engineer", "an engineer by hand"),
    /** The automatic Low → High bump when an issue is brought up again. */
    BUMP("bump", "the automatic bump"),
    /** Someone pressed This blocks me. */
    BLOCKER("blocker", "a This blocks me press");

    private final String code;
    private final String label;

    PrioritySource(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** "an engineer by hand", for sentences. */
    public String label() {
        return label;
    }

    /** The source stored as {@code code}; null for null (an untriaged issue). */
    public static PrioritySource fromCode(String code) {
        return code == null ? null : Codes.fromCode(values(), PrioritySource::code, code, "priority source");
    }
}
