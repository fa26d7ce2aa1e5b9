package dev.loop.issue.search;

import dev.loop.issue.IssueStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the open issues worth showing as "similar" from full-text search hits.
 *
 * <p>SQLite's {@code bm25()} is lower for better matches and negative for every match. A candidate is kept when it
 * is open or in progress, its score is below {@code maxScore}, and it is at least {@code relativeToBest} as good
 * as the best hit (so one strong match does not drag in three weak ones). At most {@code limit} are kept, best
 * first; equal scores go to the older issue, which is the usual survivor of a merge.
 *
 * <p>Absolute bm25 values grow with the size of the index, so a fixed absolute threshold only makes sense for a
 * mature index: the default keeps any match and relies on the relative cut.
 */
public record SimilarityRanking(double maxScore, double relativeToBest, int limit) {

    /** The capture modal shows up to three. */
    public static final int DEFAULT_LIMIT = 3;

    /** One search hit. */
    public record Candidate(int number, String title, IssueStatus status, double bm25) {
        public Candidate {
            Objects.requireNonNull(status, "status");
        }
    }

    public SimilarityRanking {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (relativeToBest < 0 || relativeToBest > 1)
            throw new IllegalArgumentException("relativeToBest is a fraction");
    }

    /** Any match, at least a quarter as good as the best, top three. */
    public static SimilarityRanking defaults() {
        return new SimilarityRanking(0.0, 0.25, DEFAULT_LIMIT);
    }

    /** The candidates to show, best first, leaving out {@code exclude} (for example the issue being linked). */
    public List<Candidate> pick(Collection<Candidate> candidates, Set<Integer> exclude) {
        List<Candidate> eligible = candidates.stream()
                .filter(c -> c.status().isActive())
                .filter(c -> !exclude.contains(c.number()))
                .filter(c -> Double.isFinite(c.bm25()) && c.bm25() < maxScore)
                .sorted(Comparator.comparingDouble(Candidate::bm25).thenComparingInt(Candidate::number))
                .toList();
        if (eligible.isEmpty()) return List.of();
        double cut = eligible.get(0).bm25() * relativeToBest; // both negative: "at least this good"
        return eligible.stream().filter(c -> c.bm25() <= cut).limit(limit).toList();
    }

    public List<Candidate> pick(Collection<Candidate> candidates) {
        return pick(candidates, Set.of());
    }
}
