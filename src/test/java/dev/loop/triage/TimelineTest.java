package dev.loop.triage;

import static dev.loop.issue.Fixtures.withPromise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
    final Timeline timeline = Timeline.defaults();

    @Test
    void defaultTexts() {
        assertThat(timeline.text(Priority.FIX_NOW)).contains("today or tomorrow");
        assertThat(timeline.text(Priority.HIGH)).contains("this week or next week");
        assertThat(timeline.text(Priority.LOW))
                .contains(
                        "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it up");
        assertThat(timeline.text(Priority.UNTRIAGED)).isEmpty();
        assertThat(timeline.describe(Priority.HIGH)).isEqualTo("High: this week or next week");
        assertThat(timeline.describe(Priority.UNTRIAGED)).isEqualTo("Untriaged: not triaged yet");
    }

    @Test
    void defaultPromises() {
        Instant triaged = CLOCK.instant();
        assertThat(timeline.dueAt(Priority.FIX_NOW, triaged)).contains(Instant.parse("2025-03-12T12:00:00Z"));
        assertThat(timeline.dueAt(Priority.HIGH, triaged)).contains(Instant.parse("2025-03-24T12:00:00Z"));
        assertThat(timeline.dueAt(Priority.LOW, triaged)).isEmpty();
        assertThat(timeline.dueAt(Priority.UNTRIAGED, triaged)).isEmpty();
    }

    @Test
    void configuredTexts() {
        Timeline t = new Timeline(new TimelineTexts(
                "asap", Duration.ofHours(8), "soon", Duration.ofDays(5), "later", Duration.ofDays(60)));
        assertThat(t.text(Priority.FIX_NOW)).contains("asap");
        assertThat(t.dueAt(Priority.FIX_NOW, CLOCK.instant())).contains(Instant.parse("2025-03-10T20:00:00Z"));
        assertThat(t.dueAt(Priority.LOW, CLOCK.instant())).contains(Instant.parse("2025-05-09T12:00:00Z"));
    }

    @Test
    void badConfigIsReportedLineByLine() {
        assertThat(TimelineTexts.problems(" ", Duration.ZERO, "ok", Duration.ofDays(-1), "ok", null))
                .containsExactly(
                        "timeline.fix_now text is empty",
                        "timeline.fix_now promise must be positive, got PT0S",
                        "timeline.high promise must be positive, got PT-24H");
        assertThat(TimelineTexts.problems("a", Duration.ofDays(3), "b", Duration.ofDays(1), "c", null))
                .containsExactly("timeline.fix_now promise (PT72H) is longer than timeline.high promise (PT24H)");
        assertThatThrownBy(() -> new TimelineTexts(null, null, "b", null, "c", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeline.fix_now text is empty");
    }

    @Test
    void pastDuePromises() {
        Instant now = CLOCK.instant();
        Issue late = withPromise(1, IssueStatus.OPEN, now.minus(Duration.ofDays(1)));
        Issue later = withPromise(2, IssueStatus.IN_PROGRESS, now.minus(Duration.ofDays(3)));
        Issue exactlyNow = withPromise(3, IssueStatus.OPEN, now);
        Issue future = withPromise(4, IssueStatus.OPEN, now.plus(Duration.ofHours(1)));
        Issue shipped = withPromise(5, IssueStatus.SHIPPED, now.minus(Duration.ofDays(9)));
        Issue closed = withPromise(6, IssueStatus.CLOSED, now.minus(Duration.ofDays(9)));
        Issue none = withPromise(7, IssueStatus.OPEN, null);
        Issue tie = withPromise(0, IssueStatus.OPEN, now.minus(Duration.ofDays(1)));
        List<Issue> all = List.of(late, later, exactlyNow, future, shipped, closed, none, tie);

        assertThat(Promises.pastDue(all, now)).extracting(Issue::number).containsExactly(2, 0, 1);
        assertThat(Promises.overdueBy(later, now)).isEqualTo(Duration.ofDays(3));
        assertThat(Promises.overdueBy(future, now)).isZero();
        assertThat(Promises.dueSoon(all, now, Duration.ofDays(1)))
                .extracting(Issue::number)
                .containsExactly(3, 4);
    }
}
