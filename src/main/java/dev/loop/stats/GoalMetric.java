package dev.loop.stats;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KPIs a goal can be set for ({@code /stats goal metric value [area]}), each from the existing {@link Metric}s,
 * with the direction that meets it: a median time at most the goal, promises kept (as a percentage of those due) and
 * shipped issues at least the goal, unanswered threads at most the goal.
 */
public enum GoalMetric {
    FIRST_REPLY("first-reply", "Median first reply", Unit.DURATION, false),
    CAPTURE_TO_TRIAGE("capture-to-triage", "Median capture → triage", Unit.DURATION, false),
    CAPTURE_TO_SHIP("capture-to-ship", "Median capture → ship", Unit.DURATION, false),
    PROMISES_KEPT("promises-kept", "Promises kept", Unit.PERCENT, true),
    UNANSWERED("unanswered", "Unanswered threads", Unit.COUNT, false),
    SHIPPED("shipped", "Shipped issues", Unit.COUNT, true);

    enum Unit {
        DURATION,
        PERCENT,
        COUNT
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)");

    private final String key;
    private final String label;
    private final Unit unit;
    private final boolean atLeast;

    GoalMetric(String key, String label, Unit unit, boolean atLeast) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.atLeast = atLeast;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<GoalMetric> parse(String key) {
        for (GoalMetric m : values()) if (m.key.equals(key)) return Optional.of(m);
        return Optional.empty();
    }

    /** What a person typed as the goal, as stored (ms, percent or count); empty with {@link #example()} to say. */
    public Optional<Long> parseTarget(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (unit) {
            case DURATION -> {
                Matcher m = DURATION.matcher(t);
                if (!m.matches()) yield Optional.empty();
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
                yield d.isZero() ? Optional.empty() : Optional.of(d.toMillis());
            }
            case PERCENT -> {
                String n = t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
                if (!n.matches("\\d{1,3}")) yield Optional.empty();
                long v = Long.parseLong(n);
                yield v <= 100 ? Optional.of(v) : Optional.empty();
            }
            case COUNT -> t.matches("\\d{1,6}") ? Optional.of(Long.parseLong(t)) : Optional.empty();
        };
    }

    /** How to write a goal for this metric, for the reply to a value that can't be read. */
    public String example() {
        return switch (unit) {
            case DURATION -> "a time such as `2h`, `30m` or `1d`";
            case PERCENT -> "a percentage from 0 to 100, such as `90%`";
            case COUNT -> "a whole number, such as `5`";
        };
    }

    /** The KPI's value in a report, in the goal's unit; empty when there is nothing to measure. */
    public OptionalLong measure(KpiReport r) {
        return switch (this) {
            case FIRST_REPLY -> r.value(Metric.MEDIAN_FIRST_REPLY);
            case CAPTURE_TO_TRIAGE -> r.value(Metric.MEDIAN_CAPTURE_TO_TRIAGE);
            case CAPTURE_TO_SHIP -> r.value(Metric.MEDIAN_CAPTURE_TO_SHIP);
            case PROMISES_KEPT ->
                r.promisesDue() == 0 ? OptionalLong.empty() : OptionalLong.of(r.promisesKept() * 100 / r.promisesDue());
            case UNANSWERED -> r.value(Metric.UNANSWERED);
            case SHIPPED -> r.value(Metric.SHIPPED);
        };
    }

    public boolean met(long value, long target) {
        return atLeast ? value >= target : value <= target;
    }

    /** "≤ 2h", "≥ 90%", "≤ 3". */
    public String goalText(long target) {
        return (atLeast ? "≥ " : "≤ ") + render(target);
    }

    public String render(long value) {
        return switch (unit) {
            case DURATION -> Kpis.formatDuration(Duration.ofMillis(value));
            case PERCENT -> value + "%";
            case COUNT -> Long.toString(value);
        };
    }

    /** The value as a chart plots it: hours for times, the number otherwise. */
    double plotted(long value) {
        return unit == Unit.DURATION ? value / 3_600_000.0 : value;
    }

    String axisLabel() {
        return switch (unit) {
            case DURATION -> "Hours";
            case PERCENT -> "Percent";
            case COUNT -> "Count";
        };
    }
}
