package dev.loop.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    final WeeklySchedule mondayNineInParis =
            new WeeklySchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Paris"));

    @Test
    void theLastDueMomentIsThisWeeksOrLastWeeks() {
        // 2025-03-10 is a Monday; Paris is UTC+1 in March before the DST change
        assertThat(mondayNineInParis.lastDue(Instant.parse("2025-03-10T08:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
        assertThat(mondayNineInParis.lastDue(Instant.parse("2025-03-10T07:59:59Z")))
                .isEqualTo(Instant.parse("2025-03-03T08:00:00Z"));
        assertThat(mondayNineInParis.lastDue(Instant.parse("2025-03-15T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
    }

    @Test
    void followsDaylightSaving() {
        // the clocks go forward on 2025-03-30: Monday 09:00 is then 07:00 UTC
        assertThat(mondayNineInParis.lastDue(Instant.parse("2025-04-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void thePeriodIsTheLocalDate() {
        WeeklySchedule lateSunday =
                new WeeklySchedule(DayOfWeek.SUNDAY, LocalTime.of(23, 30), ZoneId.of("America/New_York"));
        Instant due = lateSunday.lastDue(Instant.parse("2025-03-10T12:00:00Z"));
        assertThat(due).isEqualTo(Instant.parse("2025-03-10T03:30:00Z")); // Sunday 23:30 EDT is Monday in UTC
        assertThat(lateSunday.periodKey(due)).isEqualTo("2025-03-09");
    }
}
