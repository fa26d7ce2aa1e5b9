package dev.loop.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an issue's new priority is news to one requester, decided from what that person was told before. A ping
 * has to mean something, so:
 *
 * <ol>
 *   <li>An untriaged issue has nothing to tell.
 *   <li>Someone who heard nothing yet hears the first triage result ({@link Kind#FIRST}).
 *   <li>The priority they last heard is never told again.
 *   <li>A promise withdrawn is always told, plainly ({@link Kind#WITHDRAWN}): lowering from a priority that made a
 *       promise (Fix it now, High) breaks it, and nobody may be left holding it, however soon after it came.
 *   <li>Otherwise a change that undoes the last thing they heard within {@link #UNDO_WINDOW} is not told: they hear
 *       High, then Low, then within a day High again, and the second High is kept to ourselves (the card shows it).
 *       The same goes for a Low that takes back a raise within a day when that raise promised nothing.
 *   <li>Any other raise is told ({@link Kind#RAISED}); any other lowering too ({@link Kind#LOWERED}).
 * </ol>
 *
 * What a person "heard" is only ever what they were told (or saw on the card when they joined), so a change that was
 * not told leaves their memory as it was: a later change is compared with what they actually know.
 */
public final class TimelineNews {

    /** A change undone within this time after the person heard it is not told again. */
    public static final Duration UNDO_WINDOW = Duration.ofDays(1);

    private TimelineNews() {}

    /** One thing a person was told: a priority, whether it promised a timeline, and when. */
    public record Heard(Priority priority, boolean promised, Instant at) {
        public Heard {
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(at, "at");
        }
    }

    /** What a person knows: the last thing told, and the one before it (for spotting a change undone). */
    public record Memory(Optional<Heard> last, Optional<Heard> before) {
        public static final Memory NOTHING = new Memory(Optional.empty(), Optional.empty());

        public Memory {
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(before, "before");
        }

        /** The memory after being told {@code heard}. */
        public Memory after(Heard heard) {
            return new Memory(Optional.of(heard), last);
        }
    }

    public enum Kind {
        FIRST,
        RAISED,
        WITHDRAWN,
        LOWERED
    }

    /** The decision for one person. */
    public sealed interface Decision {
        /** Told nothing; {@code why} goes to the issue history. */
        record Silent(String why) implements Decision {}

        /** Told: what kind of news, and the priority they had heard before (null for the first). */
        record Tell(Kind kind, Priority from) implements Decision {}
    }

    public static Decision decide(Memory memory, Priority now, Instant at) {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(now, "now");
        if (now == Priority.UNTRIAGED) return new Decision.Silent("not triaged");
        if (memory.last().isEmpty()) return new Decision.Tell(Kind.FIRST, null);
        Heard last = memory.last().get();
        if (last.priority() == now) return new Decision.Silent("already told " + now.label());
        boolean undoes = memory.before()
                .filter(b -> b.priority() == now)
                .filter(b -> Duration.between(last.at(), at).compareTo(UNDO_WINDOW) < 0)
                .isPresent();
        if (now.isAbove(last.priority())) {
            if (undoes)
                return new Decision.Silent(now.label() + " again within a day of "
                        + last.priority().label());
            return new Decision.Tell(Kind.RAISED, last.priority());
        }
        if (last.promised()) return new Decision.Tell(Kind.WITHDRAWN, last.priority());
        if (undoes)
            return new Decision.Silent(
                    now.label() + " again within a day of " + last.priority().label());
        return new Decision.Tell(Kind.LOWERED, last.priority());
    }
}
