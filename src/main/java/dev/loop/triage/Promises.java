package dev.loop.triage;

import dev.loop.issue.Issue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Promises the team made and has not kept yet, for {@code /inbox} and the daily promise note. */
public final class Promises {

    private static final Comparator<Issue> BY_DUE =
            Comparator.comparing(Issue::promiseDueAt).thenComparingInt(Issue::number);

    private Promises() {}

    /** Still waiting for work and its deadline has passed (a deadline equal to now is not yet past). */
    public static boolean isPastDue(Issue issue, Instant now) {
        return issue.status().isActive()
                && issue.promiseDueAt() != null
                && issue.promiseDueAt().isBefore(now);
    }

    /** The past-due issues, most overdue first. */
    public static List<Issue> pastDue(Collection<Issue> issues, Instant now) {
        Objects.requireNonNull(now, "now");
        return issues.stream().filter(i -> isPastDue(i, now)).sorted(BY_DUE).toList();
    }

    /** Open issues whose deadline falls in {@code [now, now + within)}, soonest first. */
    public static List<Issue> dueSoon(Collection<Issue> issues, Instant now, Duration within) {
        Instant end = now.plus(within);
        return issues.stream()
                .filter(i -> i.status().isActive() && i.promiseDueAt() != null)
                .filter(i -> !i.promiseDueAt().isBefore(now) && i.promiseDueAt().isBefore(end))
                .sorted(BY_DUE)
                .toList();
    }

    /** How late an issue is at {@code now}; zero when it is not late. */
    public static Duration overdueBy(Issue issue, Instant now) {
        return isPastDue(issue, now) ? Duration.between(issue.promiseDueAt(), now) : Duration.ZERO;
    }
}
