package dev.loop.bench;

/**
 * One measured number next to its target. {@code pass} is null for figures shown for context only (they have no
 * target of their own).
 */
public record Figure(String name, double value, String unit, String target, Boolean pass) {

    static Figure info(String name, double value, String unit) {
        return new Figure(name, value, unit, "", null);
    }

    static Figure atMost(String name, double value, String unit, double limit) {
        return new Figure(
                name, value, unit, "≤ " + Report.number(limit) + (unit.isEmpty() ? "" : " " + unit), value <= limit);
    }

    static Figure atLeast(String name, double value, String unit, double floor) {
        return new Figure(
                name, value, unit, "≥ " + Report.number(floor) + (unit.isEmpty() ? "" : " " + unit), value >= floor);
    }

    static Figure exactly(String name, double value, String unit, double wanted) {
        return new Figure(name, value, unit, "= " + Report.number(wanted), value == wanted);
    }
}
