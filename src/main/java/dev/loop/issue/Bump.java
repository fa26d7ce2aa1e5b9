package dev.loop.issue;

import java.util.Objects;

/**
 * The automatic bump: a second place or a second person on a Low issue means it has been brought up before, which
 * the flowchart rates High. Only Low issues move; untriaged issues wait for the flowchart, which pre-answers
 * "brought up before" from the same counts; closed, shipped and duplicate issues never move.
 *
 * <p>A Low an engineer set by hand is not moved ({@link Held}): their decision stands, and they are told instead.
 *
 * <p>Any new place or person that leaves the issue with more than one counts, not only the second: an engineer may
 * have kept an issue Low knowing it was asked twice, and a third request is new evidence.
 */
public final class Bump {

    /** The reason recorded when "brought up before" turns a Low into a High (the flowchart records it too). */
    public static final String BROUGHT_UP_BEFORE_REASON = "bumped up from Low: brought up before";

    private Bump() {}

    /**
     * What the record says about "brought up before": more than one place or more than one requester means more
     * than one conversation or person asked for it.
     */
    public static boolean broughtUpBefore(int distinctPlaces, int distinctRequesters) {
        return distinctPlaces > 1 || distinctRequesters > 1;
    }

    /** Distinct places and distinct requesters on an issue. */
    public record Counts(int places, int requesters) {
        public Counts {
            if (places < 0 || requesters < 0) throw new IllegalArgumentException("negative count");
        }

        boolean broughtUpBefore() {
            return Bump.broughtUpBefore(places, requesters);
        }
    }

    /** The outcome of an addition. */
    public sealed interface Decision permits Bumped, Held, Unchanged {
        boolean bumped();
    }

    /**
     * Low → High.
     *
     * @param reason the issue's new {@code priority_reason}
     * @param detail one line for the history and the team channel, with the counts that triggered it
     */
    public record Bumped(Priority from, Priority to, String reason, String detail) implements Decision {
        @Override
        public boolean bumped() {
            return true;
        }
    }

    /**
     * The rule would bump, but an engineer set this Low by hand: it stays, and the owner (or the team channel) is told
     * it was brought up again so they can decide.
     *
     * @param detail "brought up again (now 2 places, 3 requesters)"
     */
    public record Held(Priority priority, Counts now, String detail) implements Decision {
        @Override
        public boolean bumped() {
            return false;
        }
    }

    /** Nothing changes; {@code why} is for logs and tests. */
    public record Unchanged(String why) implements Decision {
        @Override
        public boolean bumped() {
            return false;
        }
    }

    /** Decides for an issue in any status; only open and in-progress issues can be bumped. */
    public static Decision decide(Issue issue, Counts before, Counts after) {
        Objects.requireNonNull(issue, "issue");
        if (!issue.status().isActive())
            return new Unchanged("the issue is " + issue.status().label().toLowerCase(java.util.Locale.ROOT));
        Decision d = decide(issue.priority(), before, after);
        // an engineer's decision stands until an engineer changes it; only the flowchart's Low is the rule's to move
        if (d instanceof Bumped && issue.prioritySource() == PrioritySource.ENGINEER)
            return new Held(
                    issue.priority(),
                    after,
                    "brought up again (now " + plural(after.places(), "place") + ", "
                            + plural(after.requesters(), "requester") + ")");
        return d;
    }

    /** Decides from the priority and the counts before and after the addition. */
    public static Decision decide(Priority priority, Counts before, Counts after) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (priority == Priority.UNTRIAGED) return new Unchanged("not triaged yet; the flowchart will ask");
        if (priority != Priority.LOW) return new Unchanged("already " + priority.label());
        boolean grew = after.places() > before.places() || after.requesters() > before.requesters();
        if (!grew) return new Unchanged("nothing new was added");
        if (!after.broughtUpBefore()) return new Unchanged("still one place and one requester");
        String detail = BROUGHT_UP_BEFORE_REASON + " (now " + plural(after.places(), "place") + ", "
                + plural(after.requesters(), "requester") + ")";
        return new Bumped(Priority.LOW, Priority.HIGH, BROUGHT_UP_BEFORE_REASON, detail);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
