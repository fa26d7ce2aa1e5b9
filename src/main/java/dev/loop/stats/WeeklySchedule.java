package dev.loop.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When the weekly report is due: every {@code day} at {@code time} in {@code zone} (a local time, so it follows
 * daylight saving). A local time skipped by a DST jump runs at the first valid moment after it.
 */
public record WeeklySchedule(DayOfWeek day, LocalTime time, ZoneId zone) {

    public WeeklySchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** The latest scheduled moment at or before {@code now}. */
    public Instant lastDue(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate date = today.with(TemporalAdjusters.previousOrSame(day));
        Instant due = ZonedDateTime.of(date, time, zone).toInstant();
        if (due.isAfter(now))
            due = ZonedDateTime.of(date.minusWeeks(1), time, zone).toInstant();
        return due;
    }

    /** The period a scheduled moment stands for, as stored in {@code routine_run}: its local date, e.g. "2025-03-10". */
    public String periodKey(Instant due) {
        return due.atZone(zone).toLocalDate().toString();
    }
}
