package dev.loop.triage;

import dev.loop.issue.Bump;
import dev.loop.issue.Priority;
import java.util.Optional;

/**
 * The team's prioritisation flowchart:
 * <pre>
 *   Is a user blocked by it?                       yes → Fix it now
 *   Is it related to a new user's experience?      yes → Fix it now
 *   Is it a quick change (less than 30 minutes)?   yes → High
 *   Has it been brought up before?                 yes → High (bumped up from Low), no → Low
 * </pre>
 * then an optional {@link Caveat} that raises the result one level. The walk itself lives in
 * {@link TriageState}; this class holds the entry points and the rules shared with the rest of Loop.
 */
public final class Flowchart {

    /** The reason recorded when "brought up before" turns a Low into a High; also used by {@link Bump}. */
    public static final String BROUGHT_UP_BEFORE_REASON = Bump.BROUGHT_UP_BEFORE_REASON;

    private Flowchart() {}

    /**
     * Starts a walk where the record already answers "Has it been brought up before?". The walk does not stop at
     * that question; the engineer can still override the answer once the result is shown.
     */
    public static TriageState start(boolean broughtUpBefore) {
        return TriageState.initial(broughtUpBefore ? Boolean.TRUE : Boolean.FALSE);
    }

    /** Starts a walk that asks all four questions (nothing known from the record). */
    public static TriageState start() {
        return TriageState.initial(null);
    }

    /**
     * What the record says about "brought up before": more than one place or more than one requester means more
     * than one conversation or person asked for it.
     */
    public static boolean broughtUpBefore(int distinctPlaces, int distinctRequesters) {
        return Bump.broughtUpBefore(distinctPlaces, distinctRequesters);
    }

    /** One level up: Low → High, High → Fix it now; Fix it now stays; untriaged is not a flowchart result. */
    public static Priority raise(Priority priority) {
        return switch (priority) {
            case LOW -> Priority.HIGH;
            case HIGH, FIX_NOW -> Priority.FIX_NOW;
            case UNTRIAGED -> throw new IllegalArgumentException("untriaged is not a flowchart result");
        };
    }

    /** Why a "yes" to {@code question} (or, for empty, "no" to everything) gave its priority. */
    static String leafReason(Optional<Question> decidedBy) {
        if (decidedBy.isEmpty()) {
            return "not blocking, not about a new user's experience, not a quick change, not brought up before";
        }
        return switch (decidedBy.get()) {
            case USER_BLOCKED -> "a user is blocked by it";
            case NEW_USER -> "it is related to a new user's experience";
            case QUICK_CHANGE -> "it is a quick change (less than 30 minutes)";
            case BROUGHT_UP_BEFORE -> BROUGHT_UP_BEFORE_REASON;
        };
    }

    /** Applies a caveat to a flowchart result; the reason says what happened either way. */
    static TriageResult withCaveat(Priority flowchart, Optional<Question> decidedBy, Optional<Caveat> caveat) {
        String base = leafReason(decidedBy);
        if (caveat.isEmpty()) {
            return new TriageResult(flowchart, flowchart, decidedBy, caveat, base);
        }
        Priority raised = raise(flowchart);
        String reason = raised == flowchart
                ? base + "; caveat noted (" + caveat.get().reason() + "), already " + flowchart.label()
                : base + "; raised from " + flowchart.label() + " to " + raised.label() + ": "
                        + caveat.get().reason();
        return new TriageResult(raised, flowchart, decidedBy, caveat, reason);
    }
}
