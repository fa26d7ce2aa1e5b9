package dev.loop.release;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Releases being prepared, between /release and Publish. They live in memory only as long as the interaction
 * tokens that drive them (15 minutes): a restart, or a preview left too long, simply asks the engineer to run
 * /release again, and nothing is half-published.
 */
public final class ReleaseDrafts {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One release being prepared by one engineer. The revision counts the changes since /release, so a Publish
     * button drawn for an older preview can be told apart.
     */
    public record Draft(
            String id,
            long engineerId,
            String version,
            List<Integer> issueNumbers,
            String notes,
            String snippet,
            Instant createdAt,
            int revision) {
        public Draft {
            issueNumbers = List.copyOf(issueNumbers);
        }

        Draft with(List<Integer> numbers) {
            return new Draft(id, engineerId, version, numbers, notes, snippet, createdAt, revision + 1);
        }

        Draft with(String newNotes, String newSnippet) {
            return new Draft(id, engineerId, version, issueNumbers, newNotes, newSnippet, createdAt, revision + 1);
        }
    }

    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final Clock clock;

    public ReleaseDrafts(Clock clock) {
        this.clock = clock;
    }

    public Draft create(long engineerId, String version, List<Integer> issueNumbers) {
        Instant now = clock.instant();
        drafts.values().removeIf(d -> expired(d, now));
        String id;
        do {
            id = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        } while (drafts.containsKey(id));
        Draft d = new Draft(id, engineerId, version, issueNumbers, null, null, now, 0);
        drafts.put(id, d);
        return d;
    }

    /** The draft, unless it expired or was published or cancelled. */
    public Optional<Draft> get(String id) {
        Draft d = drafts.get(id);
        if (d == null) return Optional.empty();
        if (expired(d, clock.instant())) {
            drafts.remove(id);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    public Optional<Draft> setIssues(String id, List<Integer> numbers) {
        return get(id).map(d -> {
            Draft updated = d.with(numbers);
            drafts.put(id, updated);
            return updated;
        });
    }

    public Optional<Draft> setText(String id, String notes, String snippet) {
        return get(id).map(d -> {
            Draft updated = d.with(notes, snippet);
            drafts.put(id, updated);
            return updated;
        });
    }

    /** Takes the draft out, so that only one press of Publish can publish it. */
    public Optional<Draft> take(String id) {
        Optional<Draft> d = get(id);
        return d.isPresent() && drafts.remove(id, d.get()) ? d : Optional.empty();
    }

    /** Puts a taken draft back, as it was, when publishing it could not be saved: its Publish can be pressed again. */
    public void putBack(Draft d) {
        drafts.putIfAbsent(d.id(), d);
    }

    private static boolean expired(Draft d, Instant now) {
        return !d.createdAt().plus(LIFETIME).isAfter(now);
    }
}
