package dev.loop.stats;

import java.util.Objects;
import java.util.OptionalLong;

/** One line of the weekly report: a metric this week, last week, and the change. */
public record MetricChange(Metric metric, OptionalLong current, OptionalLong previous) {

    public MetricChange {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }

    /** Current minus previous; empty unless both are known. */
    public OptionalLong change() {
        return current.isPresent() && previous.isPresent()
                ? OptionalLong.of(current.getAsLong() - previous.getAsLong())
                : OptionalLong.empty();
    }

    /** True when the change is good news (a rise of a higher-is-better metric, or a fall of the others). */
    public boolean improved() {
        OptionalLong c = change();
        if (c.isEmpty() || c.getAsLong() == 0) return false;
        return (c.getAsLong() > 0) == metric.higherIsBetter();
    }

    public String currentText() {
        return Kpis.render(metric, current);
    }

    public String previousText() {
        return Kpis.render(metric, previous);
    }

    /** "+3", "-2", "±0", "+1h 5m", or "—". */
    public String changeText() {
        OptionalLong c = change();
        if (c.isEmpty()) return Kpis.ABSENT;
        long v = c.getAsLong();
        if (v == 0) return "±0";
        String magnitude = Kpis.render(metric, OptionalLong.of(Math.abs(v)));
        return (v > 0 ? "+" : "-") + magnitude;
    }
}
