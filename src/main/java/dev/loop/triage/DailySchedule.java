package dev.loop.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a daily routine is due. A routine checks often and runs once per local day, as soon as the configured time
 * has passed; the day it ran for is its period key, so a restart (or a check that comes late) never runs it twice
 * and never skips a day it was up for.
 */
public record DailySchedule(LocalTime time, ZoneId zone) {

    /** The local date to run for when {@code now} is at or past the day's time; empty before it. */
    public Optional<String> dueKey(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(time)) return Optional.empty();
        return Optional.of(local.toLocalDate().toString());
    }

    /** The next instant the routine becomes due after {@code now} (for logs). */
    public Instant nextRun(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(time)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return day.atTime(time).atZone(zone).toInstant();
    }
}
