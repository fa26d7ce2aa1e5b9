package dev.loop.core;

import static dev.loop.db.Tables.ROUTINE_RUN;

import java.time.Instant;

/**
 * Which period each scheduled routine (weekly report, daily note) already ran for, so that a restart, a second
 * scheduler tick or a clock jump never posts twice. A routine claims its period before posting and releases the claim
 * if posting failed, so the next tick retries.
 */
public final class RoutineRuns {

    private final Database db;

    public RoutineRuns(Database db) {
        this.db = db;
    }

    /** True when this call claimed the period (nobody ran it before). */
    public boolean claim(String routine, String periodKey, Instant now) {
        return db.write(ctx -> ctx.insertInto(ROUTINE_RUN)
                        .set(ROUTINE_RUN.NAME, routine)
                        .set(ROUTINE_RUN.PERIOD_KEY, periodKey)
                        .set(ROUTINE_RUN.RAN_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
    }

    /** Gives a claimed period back after the routine failed. */
    public void release(String routine, String periodKey) {
        db.transaction(ctx -> ctx.deleteFrom(ROUTINE_RUN)
                .where(ROUTINE_RUN.NAME.eq(routine))
                .and(ROUTINE_RUN.PERIOD_KEY.eq(periodKey))
                .execute());
    }

    public boolean ran(String routine, String periodKey) {
        return db.read(ctx ->
                ctx.fetchExists(ROUTINE_RUN, ROUTINE_RUN.NAME.eq(routine).and(ROUTINE_RUN.PERIOD_KEY.eq(periodKey))));
    }
}
