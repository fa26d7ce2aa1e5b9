package dev.loop.stats;

import static dev.loop.db.Tables.KPI_GOAL;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;

/** Storage of {@code kpi_goal}: one goal per metric and area ({@link Goal#TEAM} for the whole team). */
public final class GoalStore {

    /** A goal: the metric, the area it is for ({@link #TEAM} = everyone) and the target in the metric's unit. */
    public record Goal(GoalMetric metric, String area, long target) {
        public static final String TEAM = "";

        public boolean forTeam() {
            return area.isEmpty();
        }
    }

    private final Database db;

    public GoalStore(Database db) {
        this.db = db;
    }

    /** Sets (or replaces) the goal of a metric for an area. */
    public void set(Goal goal, long by, Instant now) {
        db.write(ctx -> ctx.insertInto(KPI_GOAL)
                .set(KPI_GOAL.METRIC, goal.metric().key())
                .set(KPI_GOAL.AREA, goal.area())
                .set(KPI_GOAL.TARGET, goal.target())
                .set(KPI_GOAL.SET_BY, by)
                .set(KPI_GOAL.SET_AT, now.toEpochMilli())
                .onConflict(KPI_GOAL.METRIC, KPI_GOAL.AREA)
                .doUpdate()
                .set(KPI_GOAL.TARGET, goal.target())
                .set(KPI_GOAL.SET_BY, by)
                .set(KPI_GOAL.SET_AT, now.toEpochMilli())
                .execute());
    }

    /** Every goal, the team's first, then by area and metric. */
    public List<Goal> all() {
        return db
                .read(ctx -> ctx.selectFrom(KPI_GOAL)
                        .orderBy(KPI_GOAL.AREA, KPI_GOAL.METRIC)
                        .fetch())
                .stream()
                .flatMap(
                        r -> GoalMetric.parse(r.getMetric()).stream().map(m -> new Goal(m, r.getArea(), r.getTarget())))
                .toList();
    }
}
