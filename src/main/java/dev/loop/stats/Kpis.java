package dev.loop.stats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The feedback loop's KPIs as pure functions of facts and a window {@code [from, to)}.
 *
 * <p>What counts where:
 * <ul>
 *   <li>new support threads: created in the window; median time to first engineer reply: over those threads
 *       answered before the window ended; unanswered: those still without an engineer reply at the window's end;</li>
 *   <li>captured / triaged / shipped: the capture, (latest) triage or ship time falls in the window; the medians
 *       are taken over the issues triaged or shipped in the window;</li>
 *   <li>requesters added: the time each requester was added falls in the window;</li>
 *   <li>requesters notified: notices that reached delivered, fell back or failed in the window;</li>
 *   <li>promises: "due" are promises whose deadline falls in the window; "kept" are those of them shipped by the
 *       deadline. A promise is judged once, in the window of its deadline, even if it shipped earlier.</li>
 * </ul>
 * With an owner, only that owner's threads, issues and notices count.
 */
public final class Kpis {

    /** How a missing value (a median over nothing) is shown. */
    public static final String ABSENT = "—";

    private Kpis() {}

    public static KpiReport compute(
            Window window,
            Optional<Long> owner,
            Collection<SupportThreadFact> threads,
            Collection<IssueFact> issues,
            Collection<NoticeFact> notices) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(owner, "owner");
        Predicate<Long> ownerMatches = id -> owner.isEmpty() || owner.get().equals(id);

        List<SupportThreadFact> newThreads = threads.stream()
                .filter(t -> ownerMatches.test(t.ownerId()) && window.contains(t.createdAt()))
                .toList();
        List<Duration> firstReplies = new ArrayList<>();
        long unanswered = 0;
        for (SupportThreadFact t : newThreads) {
            Instant reply = t.firstEngineerReplyAt();
            if (reply != null && reply.isBefore(window.to())) {
                firstReplies.add(nonNegative(Duration.between(t.createdAt(), reply)));
            } else {
                unanswered++;
            }
        }

        List<IssueFact> mine =
                issues.stream().filter(i -> ownerMatches.test(i.ownerId())).toList();
        long captured =
                mine.stream().filter(i -> window.contains(i.capturedAt())).count();
        long requestersAdded = mine.stream()
                .flatMap(i -> i.requestersAddedAt().stream())
                .filter(window::contains)
                .count();
        List<Duration> toTriage = mine.stream()
                .filter(i -> window.contains(i.triagedAt()))
                .map(i -> nonNegative(Duration.between(i.capturedAt(), i.triagedAt())))
                .toList();
        List<Duration> toShip = mine.stream()
                .filter(i -> window.contains(i.shippedAt()))
                .map(i -> nonNegative(Duration.between(i.capturedAt(), i.shippedAt())))
                .toList();
        List<Duration> mergedToReleased = mine.stream()
                .filter(i -> i.fixedAt() != null && window.contains(i.shippedAt()))
                .map(i -> nonNegative(Duration.between(i.fixedAt(), i.shippedAt())))
                .toList();
        List<IssueFact> due =
                mine.stream().filter(i -> window.contains(i.promiseDueAt())).toList();
        long kept = due.stream()
                .filter(i -> i.shippedAt() != null && !i.shippedAt().isAfter(i.promiseDueAt()))
                .count();

        long delivered = 0, fellBack = 0, failed = 0;
        for (NoticeFact n : notices) {
            if (!window.contains(n.at())) continue;
            if (owner.isPresent() && !n.ownerIds().contains(owner.get())) continue;
            switch (n.state()) {
                case DELIVERED -> delivered++;
                case FELL_BACK -> fellBack++;
                case FAILED -> failed++;
                case PENDING -> {}
            }
        }

        return new KpiReport(
                window,
                owner,
                newThreads.size(),
                captured,
                requestersAdded,
                median(firstReplies),
                unanswered,
                toTriage.size(),
                median(toTriage),
                toShip.size(),
                delivered,
                fellBack,
                failed,
                kept,
                due.size(),
                median(toShip),
                median(mergedToReleased),
                mine.stream().filter(IssueFact::fixedNow).count());
    }

    /** The middle value; for an even count the mean of the two middle values; empty for none. */
    public static Optional<Duration> median(Collection<Duration> values) {
        if (values.isEmpty()) return Optional.empty();
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) return Optional.of(sorted.get(n / 2));
        return Optional.of(sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }

    /**
     * Captured and shipped per ISO week (weeks start on Monday in {@code zone}) for every week that overlaps
     * {@code [from, to)}, empty weeks included so the chart has no gaps. Only events inside the window count.
     */
    public static List<WeekPoint> weeklySeries(Window window, ZoneId zone, Collection<IssueFact> issues) {
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        LocalDate first = weekStart(window.from(), zone);
        Instant lastMoment =
                window.to().equals(window.from()) ? window.from() : window.to().minusNanos(1);
        LocalDate last = weekStart(lastMoment, zone);
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) weeks.put(w, new long[2]);
        for (IssueFact i : issues) {
            if (window.contains(i.capturedAt())) weeks.get(weekStart(i.capturedAt(), zone))[0]++;
            if (window.contains(i.shippedAt())) weeks.get(weekStart(i.shippedAt(), zone))[1]++;
        }
        List<WeekPoint> points = new ArrayList<>();
        weeks.forEach((start, counts) -> points.add(new WeekPoint(start, isoWeekLabel(start), counts[0], counts[1])));
        return List.copyOf(points);
    }

    /** {@link #weeklySeries(Window, ZoneId, Collection)} for {@code [from, to)}. */
    public static List<WeekPoint> weeklySeries(Instant from, Instant to, ZoneId zone, Collection<IssueFact> issues) {
        return weeklySeries(new Window(from, to), zone, issues);
    }

    /** Every metric this week against last week, in report order. */
    public static List<MetricChange> delta(KpiReport thisWeek, KpiReport lastWeek) {
        List<MetricChange> out = new ArrayList<>();
        for (Metric m : Metric.values()) out.add(new MetricChange(m, thisWeek.value(m), lastWeek.value(m)));
        return List.copyOf(out);
    }

    /** A metric value for people: a count as is, a duration via {@link #formatDuration}, absent as "—". */
    public static String render(Metric metric, OptionalLong value) {
        if (value.isEmpty()) return ABSENT;
        return metric.kind() == Metric.Kind.COUNT
                ? Long.toString(value.getAsLong())
                : formatDuration(Duration.ofMillis(value.getAsLong()));
    }

    /** "—" for empty, otherwise {@link #formatDuration(Duration)}. */
    public static String formatDuration(Optional<Duration> d) {
        return d.map(Kpis::formatDuration).orElse(ABSENT);
    }

    /**
     * Two units at most, rounded down: "45s", "12m", "3h 5m", "3h", "2d 4h", "2d". Under a second is "0s";
     * negative durations are shown by their size.
     */
    public static String formatDuration(Duration d) {
        long s = Math.abs(d.getSeconds());
        long days = s / 86_400, hours = s % 86_400 / 3_600, minutes = s % 3_600 / 60, seconds = s % 60;
        if (days > 0) return hours > 0 ? days + "d " + hours + "h" : days + "d";
        if (hours > 0) return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        if (minutes > 0) return minutes + "m";
        return seconds + "s";
    }

    static LocalDate weekStart(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String isoWeekLabel(LocalDate monday) {
        return String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Duration nonNegative(Duration d) {
        // Clock skew between Discord timestamps and Loop's clock must not produce negative waits.
        return d.isNegative() ? Duration.ZERO : d;
    }
}
