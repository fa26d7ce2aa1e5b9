package dev.loop.stats;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The KPIs for one window, optionally for one owner. A median with nothing to take it over is empty and renders
 * as "—".
 */
public record KpiReport(
        Window window,
        Optional<Long> owner,
        // input
        long newSupportThreads,
        long capturedIssues,
        long requestersAdded,
        Optional<Duration> medianFirstReply,
        long unansweredThreads,
        // output
        long triagedIssues,
        Optional<Duration> medianCaptureToTriage,
        long shippedIssues,
        long notifiedDelivered,
        long notifiedFellBack,
        long notifiedFailed,
        long promisesKept,
        long promisesDue,
        Optional<Duration> medianCaptureToShip,
        Optional<Duration> medianMergedToReleased,
        long fixedWaiting) {

    public KpiReport {
        Objects.requireNonNull(medianMergedToReleased, "medianMergedToReleased");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(medianFirstReply, "medianFirstReply");
        Objects.requireNonNull(medianCaptureToTriage, "medianCaptureToTriage");
        Objects.requireNonNull(medianCaptureToShip, "medianCaptureToShip");
    }

    /** Requesters told in any way (delivered where planned or by the fallback). */
    public long notified() {
        return notifiedDelivered + notifiedFellBack;
    }

    /** A metric's value: a count, or a duration in milliseconds; empty for a median over nothing. */
    public OptionalLong value(Metric metric) {
        return switch (metric) {
            case NEW_SUPPORT_THREADS -> OptionalLong.of(newSupportThreads);
            case CAPTURED -> OptionalLong.of(capturedIssues);
            case REQUESTERS_ADDED -> OptionalLong.of(requestersAdded);
            case MEDIAN_FIRST_REPLY -> millis(medianFirstReply);
            case UNANSWERED -> OptionalLong.of(unansweredThreads);
            case TRIAGED -> OptionalLong.of(triagedIssues);
            case MEDIAN_CAPTURE_TO_TRIAGE -> millis(medianCaptureToTriage);
            case SHIPPED -> OptionalLong.of(shippedIssues);
            case NOTIFIED_DELIVERED -> OptionalLong.of(notifiedDelivered);
            case NOTIFIED_FELL_BACK -> OptionalLong.of(notifiedFellBack);
            case NOTIFIED_FAILED -> OptionalLong.of(notifiedFailed);
            case PROMISES_KEPT -> OptionalLong.of(promisesKept);
            case PROMISES_DUE -> OptionalLong.of(promisesDue);
            case MEDIAN_CAPTURE_TO_SHIP -> millis(medianCaptureToShip);
            case MEDIAN_MERGED_TO_RELEASED -> millis(medianMergedToReleased);
            case FIXED_WAITING -> OptionalLong.of(fixedWaiting);
        };
    }

    /** The value as people read it: "12", "3h 5m", or "—". */
    public String text(Metric metric) {
        return Kpis.render(metric, value(metric));
    }

    /** "4 / 5" — kept out of due; "—" when none were due. */
    public String promisesText() {
        return promisesDue == 0 ? Kpis.ABSENT : promisesKept + " / " + promisesDue;
    }

    private static OptionalLong millis(Optional<Duration> d) {
        return d.map(x -> OptionalLong.of(x.toMillis())).orElse(OptionalLong.empty());
    }
}
