package dev.loop.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KpisTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final Window WEEK = Window.ending(CLOCK.instant(), Duration.ofDays(7)); // [03-03T12:00, 03-10T12:00)

    static Instant at(String t) {
        return Instant.parse("2025-" + t + ":00Z");
    }

    static final List<SupportThreadFact> THREADS = List.of(
            new SupportThreadFact(1, at("03-04T10:00"), at("03-04T10:30"), 1L),
            new SupportThreadFact(2, at("03-05T09:00"), at("03-05T11:00"), 2L),
            new SupportThreadFact(3, at("03-06T00:00"), null, 1L),
            new SupportThreadFact(4, at("03-09T20:00"), at("03-10T13:00"), 2L), // answered after the window
            new SupportThreadFact(5, at("03-02T00:00"), null, 1L), // before the window
            new SupportThreadFact(6, at("03-07T00:00"), at("03-07T01:00"), null));

    static final List<IssueFact> ISSUES = List.of(
            new IssueFact(
                    1,
                    1L,
                    at("03-04T12:00"),
                    at("03-04T14:00"),
                    at("03-08T12:00"),
                    at("03-06T12:00"),
                    List.of(at("03-04T12:00"), at("03-05T12:00"))),
            new IssueFact(
                    2,
                    2L,
                    at("02-20T00:00"),
                    at("03-03T12:00"),
                    at("03-09T00:00"),
                    at("03-09T00:00"),
                    List.of(at("02-20T00:00"), at("03-06T00:00"))),
            new IssueFact(
                    3, 1L, at("03-05T00:00"), at("03-05T01:00"), null, at("03-09T12:00"), List.of(at("03-05T00:00"))),
            new IssueFact(4, null, at("03-09T00:00"), null, null, null, List.of(at("03-09T00:00"), at("03-10T12:00"))),
            new IssueFact(
                    5,
                    2L,
                    at("03-01T00:00"),
                    at("03-02T00:00"),
                    at("03-10T11:00"),
                    at("03-17T00:00"),
                    List.of(at("03-01T00:00"))));

    static final List<NoticeFact> NOTICES = List.of(
            new NoticeFact(NoticeFact.State.DELIVERED, at("03-08T12:00"), Set.of(1L)),
            new NoticeFact(NoticeFact.State.DELIVERED, at("03-08T12:00"), Set.of(1L, 2L)),
            new NoticeFact(NoticeFact.State.FELL_BACK, at("03-09T00:00"), Set.of(2L)),
            new NoticeFact(NoticeFact.State.FAILED, at("03-09T00:00"), Set.of(1L)),
            new NoticeFact(NoticeFact.State.PENDING, at("03-09T00:00"), Set.of(1L)),
            new NoticeFact(NoticeFact.State.DELIVERED, at("03-01T00:00"), Set.of(1L)));

    @Test
    void wholeTeam() {
        KpiReport r = Kpis.compute(WEEK, Optional.empty(), THREADS, ISSUES, NOTICES);
        assertThat(r.newSupportThreads()).isEqualTo(5); // 1, 2, 3, 4, 6
        assertThat(r.medianFirstReply()).contains(Duration.ofHours(1)); // 30m, 1h, 2h
        assertThat(r.unansweredThreads()).isEqualTo(2); // 3, and 4 (answered after the window)
        assertThat(r.capturedIssues()).isEqualTo(3); // #1, #3, #4
        assertThat(r.requestersAdded()).isEqualTo(5); // 2 + 1 + 1 + 1; 03-10T12:00 is the window's end
        assertThat(r.triagedIssues()).isEqualTo(3); // #1 2h, #2 11d 12h (at the window's start), #3 1h
        assertThat(r.medianCaptureToTriage()).contains(Duration.ofHours(2));
        assertThat(r.shippedIssues()).isEqualTo(3); // #1 4d, #2 17d, #5 9d 11h
        assertThat(r.medianCaptureToShip()).contains(Duration.ofDays(9).plusHours(11));
        assertThat(r.notifiedDelivered()).isEqualTo(2);
        assertThat(r.notifiedFellBack()).isEqualTo(1);
        assertThat(r.notifiedFailed()).isEqualTo(1);
        assertThat(r.notified()).isEqualTo(3);
        assertThat(r.promisesDue()).isEqualTo(3); // #1, #2, #3; #5 is due next week
        assertThat(r.promisesKept()).isEqualTo(1); // #2 shipped exactly at its deadline
        assertThat(r.promisesText()).isEqualTo("1 / 3");
        assertThat(r.text(Metric.MEDIAN_CAPTURE_TO_SHIP)).isEqualTo("9d 11h");
        assertThat(r.text(Metric.CAPTURED)).isEqualTo("3");
    }

    @Test
    void oneOwner() {
        KpiReport r = Kpis.compute(WEEK, Optional.of(1L), THREADS, ISSUES, NOTICES);
        assertThat(r.owner()).contains(1L);
        assertThat(r.newSupportThreads()).isEqualTo(2);
        assertThat(r.medianFirstReply()).contains(Duration.ofMinutes(30));
        assertThat(r.unansweredThreads()).isEqualTo(1);
        assertThat(r.capturedIssues()).isEqualTo(2);
        assertThat(r.requestersAdded()).isEqualTo(3);
        assertThat(r.triagedIssues()).isEqualTo(2);
        assertThat(r.medianCaptureToTriage()).contains(Duration.ofMinutes(90)); // mean of 1h and 2h
        assertThat(r.shippedIssues()).isEqualTo(1);
        assertThat(r.medianCaptureToShip()).contains(Duration.ofDays(4));
        assertThat(r.notifiedDelivered()).isEqualTo(2);
        assertThat(r.notifiedFellBack()).isZero();
        assertThat(r.notifiedFailed()).isEqualTo(1);
        assertThat(r.promisesDue()).isEqualTo(2);
        assertThat(r.promisesKept()).isZero();
    }

    @Test
    void emptyWindowHasNoMedians() {
        KpiReport r = Kpis.compute(WEEK, Optional.of(99L), THREADS, ISSUES, NOTICES);
        assertThat(r.newSupportThreads()).isZero();
        assertThat(r.medianFirstReply()).isEmpty();
        assertThat(r.medianCaptureToTriage()).isEmpty();
        assertThat(r.medianCaptureToShip()).isEmpty();
        assertThat(r.text(Metric.MEDIAN_FIRST_REPLY)).isEqualTo("—");
        assertThat(r.promisesText()).isEqualTo("—");
        assertThat(r.value(Metric.MEDIAN_CAPTURE_TO_SHIP)).isEmpty();
    }

    @Test
    void medians() {
        assertThat(Kpis.median(List.of())).isEmpty();
        assertThat(Kpis.median(List.of(Duration.ofMinutes(7)))).contains(Duration.ofMinutes(7));
        assertThat(Kpis.median(List.of(Duration.ofMinutes(9), Duration.ofMinutes(1), Duration.ofMinutes(4))))
                .contains(Duration.ofMinutes(4));
        assertThat(Kpis.median(List.of(
                        Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofMinutes(100))))
                .contains(Duration.ofMinutes(7)); // (4 + 10) / 2
        assertThat(Kpis.median(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))))
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void negativeWaitsCountAsZero() {
        var skewed = List.of(new SupportThreadFact(1, at("03-05T10:00"), at("03-05T09:59"), null));
        assertThat(Kpis.compute(WEEK, Optional.empty(), skewed, List.of(), List.of())
                        .medianFirstReply())
                .contains(Duration.ZERO);
    }

    @Test
    void weeklySeriesInUtc() {
        List<WeekPoint> s = Kpis.weeklySeries(at("02-24T00:00"), CLOCK.instant(), ZoneOffset.UTC, ISSUES);
        assertThat(s)
                .containsExactly(
                        new WeekPoint(LocalDate.of(2025, 2, 24), "2025-W09", 1, 0), // #5 captured Saturday 03-01
                        new WeekPoint(LocalDate.of(2025, 3, 3), "2025-W10", 3, 2), // #1, #3, #4 / #1, #2
                        new WeekPoint(LocalDate.of(2025, 3, 10), "2025-W11", 0, 1)); // #5 shipped Monday morning
    }

    @Test
    void mergedToReleasedIsTheMedianOverIssuesShippedInTheWindowAndFixedIssuesAreCounted() {
        List<IssueFact> issues = List.of(
                // merged 2 days before it shipped in the window
                new IssueFact(
                        1, 1L, at("03-01T00:00"), null, at("03-08T12:00"), null, List.of(), at("03-06T12:00"), false),
                // merged 4 days before it shipped in the window
                new IssueFact(
                        2, 2L, at("03-01T00:00"), null, at("03-09T00:00"), null, List.of(), at("03-05T00:00"), false),
                // shipped before the window: not counted
                new IssueFact(
                        3, 1L, at("02-01T00:00"), null, at("03-01T00:00"), null, List.of(), at("02-27T00:00"), false),
                // fixed and waiting for a release
                new IssueFact(4, 1L, at("03-01T00:00"), null, null, null, List.of(), at("03-09T00:00"), true),
                // shipped without a pull request: no merge time
                new IssueFact(5, 2L, at("03-01T00:00"), null, at("03-09T00:00"), null, List.of()));
        KpiReport all = Kpis.compute(WEEK, Optional.empty(), List.of(), issues, List.of());
        assertThat(all.medianMergedToReleased()).contains(Duration.ofDays(3));
        assertThat(all.value(Metric.FIXED_WAITING)).hasValue(1);
        assertThat(all.text(Metric.MEDIAN_MERGED_TO_RELEASED)).isNotEqualTo(Kpis.ABSENT);
        KpiReport two = Kpis.compute(WEEK, Optional.of(2L), List.of(), issues, List.of());
        assertThat(two.medianMergedToReleased()).contains(Duration.ofDays(4));
        assertThat(two.fixedWaiting()).isZero();
    }

    @Test
    void weeklySeriesFollowsTheZone() {
        // 05:00 UTC on Monday 03-03 is still Sunday evening in Los Angeles.
        List<IssueFact> one = List.of(new IssueFact(1, null, at("03-03T05:00"), null, null, null, List.of()));
        Window w = new Window(at("02-24T00:00"), at("03-10T00:00"));
        assertThat(Kpis.weeklySeries(w, ZoneOffset.UTC, one))
                .extracting(WeekPoint::captured)
                .containsExactly(0L, 1L);
        // In Los Angeles the window itself starts on Sunday 02-23, so it overlaps three local weeks.
        List<WeekPoint> la = Kpis.weeklySeries(w, ZoneId.of("America/Los_Angeles"), one);
        assertThat(la).extracting(WeekPoint::label).containsExactly("2025-W08", "2025-W09", "2025-W10");
        assertThat(la).extracting(WeekPoint::captured).containsExactly(0L, 1L, 0L);
    }

    @Test
    void weeklySeriesKeepsEmptyWeeksAndEndsBeforeTo() {
        Window w = new Window(at("01-01T00:00"), at("01-20T00:00")); // Wed 01-01 .. Mon 01-20 exclusive
        List<WeekPoint> s = Kpis.weeklySeries(w, ZoneOffset.UTC, List.of());
        assertThat(s).extracting(WeekPoint::label).containsExactly("2025-W01", "2025-W02", "2025-W03");
        assertThat(s.get(0).weekStart()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(s).allSatisfy(p -> assertThat(p.captured() + p.shipped()).isZero());
    }

    @Test
    void weekOverWeekDelta() {
        KpiReport last = Kpis.compute(WEEK.previous(), Optional.empty(), THREADS, ISSUES, NOTICES);
        KpiReport now = Kpis.compute(WEEK, Optional.empty(), THREADS, ISSUES, NOTICES);
        // Last week [02-24T12:00, 03-03T12:00): thread 5; #5 captured (03-01) and triaged (03-02, 1d);
        // requesters: #5 03-01 → 1; notice delivered 03-01 → 1.
        assertThat(last.newSupportThreads()).isEqualTo(1);
        assertThat(last.unansweredThreads()).isEqualTo(1);
        assertThat(last.capturedIssues()).isEqualTo(1);
        assertThat(last.triagedIssues()).isEqualTo(1);
        assertThat(last.medianCaptureToTriage()).contains(Duration.ofDays(1));

        List<MetricChange> d = Kpis.delta(now, last);
        assertThat(d).extracting(MetricChange::metric).containsExactly(Metric.values());
        MetricChange threads = d.get(Metric.NEW_SUPPORT_THREADS.ordinal());
        assertThat(threads.changeText()).isEqualTo("+4");
        MetricChange triage = d.get(Metric.MEDIAN_CAPTURE_TO_TRIAGE.ordinal());
        assertThat(triage.currentText()).isEqualTo("2h");
        assertThat(triage.previousText()).isEqualTo("1d");
        assertThat(triage.changeText()).isEqualTo("-22h");
        assertThat(triage.improved()).isTrue(); // faster triage is better
        MetricChange firstReply = d.get(Metric.MEDIAN_FIRST_REPLY.ordinal());
        assertThat(firstReply.previousText()).isEqualTo("—");
        assertThat(firstReply.changeText()).isEqualTo("—");
        assertThat(firstReply.improved()).isFalse();
        MetricChange unanswered = d.get(Metric.UNANSWERED.ordinal());
        assertThat(unanswered.changeText()).isEqualTo("+1");
        assertThat(unanswered.improved()).isFalse();
    }

    @Test
    void changeTexts() {
        assertThat(new MetricChange(Metric.SHIPPED, OptionalLong.of(3), OptionalLong.of(5)).changeText())
                .isEqualTo("-2");
        assertThat(new MetricChange(Metric.SHIPPED, OptionalLong.of(3), OptionalLong.of(3)).changeText())
                .isEqualTo("±0");
        assertThat(new MetricChange(
                                Metric.MEDIAN_CAPTURE_TO_SHIP,
                                OptionalLong.of(Duration.ofMinutes(125).toMillis()),
                                OptionalLong.of(Duration.ofMinutes(60).toMillis()))
                        .changeText())
                .isEqualTo("+1h 5m");
        assertThat(new MetricChange(Metric.SHIPPED, OptionalLong.empty(), OptionalLong.of(3)).changeText())
                .isEqualTo("—");
    }

    @Test
    void durationFormats() {
        assertThat(Kpis.formatDuration(Duration.ofMillis(300))).isEqualTo("0s");
        assertThat(Kpis.formatDuration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Kpis.formatDuration(Duration.ofSeconds(12 * 60 + 59))).isEqualTo("12m");
        assertThat(Kpis.formatDuration(Duration.ofMinutes(185))).isEqualTo("3h 5m");
        assertThat(Kpis.formatDuration(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Kpis.formatDuration(Duration.ofHours(52))).isEqualTo("2d 4h");
        assertThat(Kpis.formatDuration(Duration.ofDays(2).plusMinutes(30))).isEqualTo("2d");
        assertThat(Kpis.formatDuration(Optional.empty())).isEqualTo("—");
    }

    @Test
    void windows() {
        Window w = new Window(at("03-01T00:00"), at("03-02T00:00"));
        assertThat(w.contains(at("03-01T00:00"))).isTrue();
        assertThat(w.contains(at("03-02T00:00"))).isFalse();
        assertThat(w.contains(null)).isFalse();
        assertThat(w.previous()).isEqualTo(new Window(at("02-28T00:00"), at("03-01T00:00")));
        assertThatThrownBy(() -> new Window(at("03-02T00:00"), at("03-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NoticeFact.State.fromCode("fell_back")).isEqualTo(NoticeFact.State.FELL_BACK);
        assertThat(NoticeFact.State.FELL_BACK.code()).isEqualTo("fell_back");
    }
}
