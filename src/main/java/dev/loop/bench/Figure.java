package dev.loop.bench;

/**
 * One measured number next to its target. {@code pass} is null for figures shown for context only (they have no
 * target of their own). Where the table gives a busy host a looser target than a quiet one, the figure is
 * judged by the target of the run it comes from ({@link #noisyRun}) and {@code target} shows both.
 */
public record Figure(String name, double value, String unit, String target, Boolean pass) {

    /** Set while {@code --noisy} runs the benchmarks beside a CPU hog: figures are judged by their noisy targets. */
    static volatile boolean noisyRun;

    static Figure info(String name, double value, String unit) {
        return new Figure(name, value, unit, "", null);
    }

    static Figure atMost(String name, double value, String unit, double limit) {
        return new Figure(name, value, unit, "≤ " + withUnit(limit, unit), value <= limit);
    }

    /** At most {@code quiet} on a quiet machine, at most {@code noisy} beside the CPU hog. */
    static Figure atMost(String name, double value, String unit, double quiet, double noisy) {
        double limit = noisyRun ? noisy : quiet;
        return new Figure(
                name,
                value,
                unit,
                "≤ " + withUnit(quiet, unit) + " (noisy ≤ " + withUnit(noisy, unit) + ")",
                value <= limit);
    }

    static Figure atLeast(String name, double value, String unit, double floor) {
        return new Figure(name, value, unit, "≥ " + withUnit(floor, unit), value >= floor);
    }

    /** At least {@code quiet} on a quiet machine, at least {@code noisy} beside the CPU hog. */
    static Figure atLeast(String name, double value, String unit, double quiet, double noisy) {
        double floor = noisyRun ? noisy : quiet;
        return new Figure(
                name,
                value,
                unit,
                "≥ " + withUnit(quiet, unit) + " (noisy ≥ " + withUnit(noisy, unit) + ")",
                value >= floor);
    }

    static Figure exactly(String name, double value, String unit, double wanted) {
        return new Figure(name, value, unit, "= " + Report.number(wanted), value == wanted);
    }

    private static String withUnit(double v, String unit) {
        return Report.number(v) + (unit.isEmpty() ? "" : " " + unit);
    }
}
