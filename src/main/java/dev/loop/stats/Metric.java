package dev.loop.stats;

/** Every KPI, in the order reports show them. Durations are carried as milliseconds. */
public enum Metric {
    NEW_SUPPORT_THREADS("New support threads", Kind.COUNT, true, true),
    CAPTURED("Captured issues", Kind.COUNT, true, true),
    REQUESTERS_ADDED("Requesters added", Kind.COUNT, true, true),
    MEDIAN_FIRST_REPLY("Median time to first engineer reply", Kind.DURATION, false, true),
    UNANSWERED("Unanswered threads", Kind.COUNT, false, true),
    TRIAGED("Triaged issues", Kind.COUNT, true, false),
    MEDIAN_CAPTURE_TO_TRIAGE("Median capture → triage", Kind.DURATION, false, false),
    SHIPPED("Shipped issues", Kind.COUNT, true, false),
    NOTIFIED_DELIVERED("Requesters notified: delivered", Kind.COUNT, true, false),
    NOTIFIED_FELL_BACK("Requesters notified: fell back", Kind.COUNT, false, false),
    NOTIFIED_FAILED("Requesters notified: failed", Kind.COUNT, false, false),
    PROMISES_KEPT("Promises kept", Kind.COUNT, true, false),
    PROMISES_DUE("Promises due", Kind.COUNT, true, false),
    MEDIAN_CAPTURE_TO_SHIP("Median capture → ship", Kind.DURATION, false, false),
    MEDIAN_MERGED_TO_RELEASED("Median merged → released", Kind.DURATION, false, false),
    FIXED_WAITING("Fixed, waiting for a release", Kind.COUNT, false, false);

    public enum Kind {
        COUNT,
        DURATION
    }

    private final String label;
    private final Kind kind;
    private final boolean higherIsBetter;
    private final boolean input;

    Metric(String label, Kind kind, boolean higherIsBetter, boolean input) {
        this.label = label;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
        this.input = input;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether a rise is good news, for colouring a change. Input counts such as new threads are "higher" only in the
     * sense of more traffic; reports may choose not to colour them.
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Input metric (what comes into the loop) rather than output (what the team does with it). */
    public boolean isInput() {
        return input;
    }
}
