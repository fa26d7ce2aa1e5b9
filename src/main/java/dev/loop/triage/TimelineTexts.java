package dev.loop.triage;

import dev.loop.issue.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What requesters are told for each priority, and how long the team promises itself, as configured
 * ({@code timeline:} in loop.yaml). A null promise means "no promise" (Low, by default).
 */
public record TimelineTexts(
        String fixNowText,
        Duration fixNowPromise,
        String highText,
        Duration highPromise,
        String lowText,
        Duration lowPromise) {

    public static final String DEFAULT_FIX_NOW = "today or tomorrow";
    public static final String DEFAULT_HIGH = "this week or next week";
    public static final String DEFAULT_LOW =
            "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it up";

    public TimelineTexts {
        List<String> problems = problems(fixNowText, fixNowPromise, highText, highPromise, lowText, lowPromise);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    public static TimelineTexts defaults() {
        return new TimelineTexts(
                DEFAULT_FIX_NOW, Duration.ofDays(2), DEFAULT_HIGH, Duration.ofDays(14), DEFAULT_LOW, null);
    }

    /**
     * Everything wrong with a candidate configuration, one line each, so config loading can report all problems at
     * once instead of the first.
     */
    public static List<String> problems(
            String fixNowText,
            Duration fixNowPromise,
            String highText,
            Duration highPromise,
            String lowText,
            Duration lowPromise) {
        List<String> out = new ArrayList<>();
        checkText("fix_now", fixNowText, out);
        checkText("high", highText, out);
        checkText("low", lowText, out);
        checkPromise("fix_now", fixNowPromise, out);
        checkPromise("high", highPromise, out);
        checkPromise("low", lowPromise, out);
        if (out.isEmpty() && fixNowPromise != null && highPromise != null && fixNowPromise.compareTo(highPromise) > 0) {
            out.add("timeline.fix_now promise (" + fixNowPromise + ") is longer than timeline.high promise ("
                    + highPromise + ")");
        }
        return out;
    }

    private static void checkText(String key, String text, List<String> out) {
        if (text == null || text.isBlank()) out.add("timeline." + key + " text is empty");
        else if (text.length() > 500) out.add("timeline." + key + " text is longer than 500 characters");
    }

    private static void checkPromise(String key, Duration promise, List<String> out) {
        if (promise != null && (promise.isNegative() || promise.isZero())) {
            out.add("timeline." + key + " promise must be positive, got " + promise);
        }
    }

    /** The text for a triaged priority; empty for untriaged. */
    public Optional<String> text(Priority priority) {
        return switch (priority) {
            case FIX_NOW -> Optional.of(fixNowText);
            case HIGH -> Optional.of(highText);
            case LOW -> Optional.of(lowText);
            case UNTRIAGED -> Optional.empty();
        };
    }

    /** The promise length; empty for untriaged and for priorities configured without one. */
    public Optional<Duration> promise(Priority priority) {
        return Optional.ofNullable(
                switch (priority) {
                    case FIX_NOW -> fixNowPromise;
                    case HIGH -> highPromise;
                    case LOW -> lowPromise;
                    case UNTRIAGED -> null;
                });
    }
}
