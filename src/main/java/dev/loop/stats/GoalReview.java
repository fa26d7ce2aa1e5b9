package dev.loop.stats;

import dev.loop.core.config.Config;
import dev.loop.core.text.Safe;
import dev.loop.stats.GoalStore.Goal;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Each goal against its KPI for a period, per area (through the area's owner, as the per-owner stats attribute
 * threads and issues) or for the whole team: met, missed, or nothing to measure; and the trend chart of the weeks
 * before, with the goal as a line.
 */
final class GoalReview {

    /** How many weeks a goal's chart shows. */
    static final int TREND_WEEKS = 8;
    /** At most this many goal charts go with one report (Discord takes ten files; the report keeps its own). */
    static final int MAX_CHARTS = 4;

    /** One goal's verdict. {@code met} is empty when the period had nothing to measure. */
    record Verdict(Goal goal, String scope, Optional<Long> owner, OptionalLong value, Optional<Boolean> met) {
        String line() {
            GoalMetric m = goal.metric();
            String mark = met.map(ok -> ok ? "✅ **met**" : "❌ **missed**").orElse("➖ no data");
            String measured = value.isPresent() ? "**" + m.render(value.getAsLong()) + "**" : "—";
            return mark + " · " + scope + " · " + m.label() + " " + measured + " (goal " + m.goalText(goal.target())
                    + ")";
        }
    }

    private GoalReview() {}

    /** Every goal whose area still exists, judged over {@code window}. */
    static List<Verdict> judge(List<Goal> goals, List<Config.Area> areas, Window window, StatsStore.Facts facts) {
        List<Verdict> out = new ArrayList<>();
        for (Goal g : goals) {
            Optional<Optional<Long>> owner = ownerOf(g, areas);
            if (owner.isEmpty()) continue;
            KpiReport r = Kpis.compute(window, owner.get(), facts.threads(), facts.issues(), facts.notices());
            OptionalLong v = g.metric().measure(r);
            Optional<Boolean> met =
                    v.isPresent() ? Optional.of(g.metric().met(v.getAsLong(), g.target())) : Optional.empty();
            out.add(new Verdict(g, scope(g, owner.get()), owner.get(), v, met));
        }
        return out;
    }

    /** The text of a report's Goals field; empty when no goals are set. */
    static Optional<String> text(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) return Optional.empty();
        StringBuilder b = new StringBuilder();
        for (Verdict v : verdicts) b.append(v.line()).append('\n');
        long met = verdicts.stream().filter(v -> v.met().orElse(false)).count();
        long missed = verdicts.stream().filter(v -> !v.met().orElse(true)).count();
        b.append(met).append(" met, ").append(missed).append(" missed.");
        return Optional.of(b.toString());
    }

    /** The chart of each of the first {@value #MAX_CHARTS} goals: the weekly values up to {@code to} and the goal. */
    static List<byte[]> charts(List<Verdict> verdicts, Instant to, ZoneId zone, StatsStore.Facts facts) {
        List<byte[]> out = new ArrayList<>();
        for (Verdict v : verdicts.subList(0, Math.min(MAX_CHARTS, verdicts.size()))) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            GoalMetric m = v.goal().metric();
            for (int i = TREND_WEEKS - 1; i >= 0; i--) {
                Window week = Window.ending(to.minus(Duration.ofDays(7L * i)), Duration.ofDays(7));
                OptionalLong value =
                        m.measure(Kpis.compute(week, v.owner(), facts.threads(), facts.issues(), facts.notices()));
                String label = Kpis.isoWeekLabel(Kpis.weekStart(week.from(), zone));
                data.addValue(value.isPresent() ? (Number) m.plotted(value.getAsLong()) : null, m.label(), label);
            }
            JFreeChart chart = ChartFactory.createLineChart(
                    Safe.oneLineRaw(m.label() + " · "
                            + v.scope().replaceAll("<@\\d+>", "").strip()),
                    "Week",
                    m.axisLabel(),
                    data,
                    PlotOrientation.VERTICAL,
                    true,
                    false,
                    false);
            chart.setBackgroundPaint(Color.WHITE);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(new Color(0xF7F7F9));
            plot.getRenderer().setSeriesPaint(0, new Color(0x5865F2));
            plot.getRenderer().setSeriesStroke(0, new BasicStroke(2.5f));
            ValueMarker goal = new ValueMarker(m.plotted(v.goal().target()));
            goal.setPaint(new Color(0xDA373C));
            goal.setStroke(new BasicStroke(2f));
            goal.setLabel("Goal " + m.goalText(v.goal().target()));
            plot.addRangeMarker(goal);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                ChartUtils.writeChartAsPNG(png, chart, StatsChart.WIDTH, StatsChart.HEIGHT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(png.toByteArray());
        }
        return out;
    }

    static String chartName(int index) {
        return "goal-" + (index + 1) + ".png";
    }

    /** The owner filter of a goal: none for the team, the area's owner for an area; empty when the area is gone. */
    private static Optional<Optional<Long>> ownerOf(Goal g, List<Config.Area> areas) {
        if (g.forTeam()) return Optional.of(Optional.empty());
        return areas.stream()
                .filter(a -> a.name().equalsIgnoreCase(g.area()))
                .findFirst()
                .map(a -> Optional.of(a.ownerId()));
    }

    private static String scope(Goal g, Optional<Long> owner) {
        return g.forTeam() ? "the team" : Safe.inline(g.area(), 60) + " (<@" + owner.orElseThrow() + ">)";
    }
}
