package dev.loop.triage;

import dev.loop.issue.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a priority into what requesters are told and the promise the team makes: Fix it now → "today or tomorrow"
 * within 2 days, High → "this week or next week" within 14 days, Low → no promise (by default; see
 * {@link TimelineTexts}).
 */
public final class Timeline {

    private final TimelineTexts texts;

    public Timeline(TimelineTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public static Timeline defaults() {
        return new Timeline(TimelineTexts.defaults());
    }

    public TimelineTexts texts() {
        return texts;
    }

    /** The configured text; empty for untriaged. */
    public Optional<String> text(Priority priority) {
        return texts.text(priority);
    }

    public Optional<Duration> promise(Priority priority) {
        return texts.promise(priority);
    }

    /**
     * When the promise falls due if the priority was set at {@code from} (the triage time, or the capture time
     * for a priority given at capture). Empty when the priority makes no promise.
     */
    public Optional<Instant> dueAt(Priority priority, Instant from) {
        Objects.requireNonNull(from, "from");
        return promise(priority).map(from::plus);
    }

    /** "High: this week or next week", or "Untriaged: not triaged yet" — for cards and replies. */
    public String describe(Priority priority) {
        return priority.label() + ": " + text(priority).orElse("not triaged yet");
    }
}
