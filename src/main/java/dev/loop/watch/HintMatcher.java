package dev.loop.watch;

import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.LooksLike;
import dev.loop.issue.search.SimilarityRanking;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a new support post "looks like" an open issue, by the kernel's rule {@link LooksLike} (the overlap
 * of the post's words with the issue's title against {@code watch.hint-min-score}), which the "New on GitHub" hints
 * use too.
 */
public record HintMatcher(double minScore, SimilarityRanking ranking) {

    public HintMatcher {
        new LooksLike(minScore, ranking); // checks the threshold
    }

    public static HintMatcher withMinScore(double minScore) {
        return new HintMatcher(minScore, SimilarityRanking.defaults());
    }

    /** A candidate issue the post resembles. */
    public record Match(int number, String title, double bm25, double score) {}

    /** The search expression for a post, or empty when it has no searchable words. */
    public static Optional<FtsQuery> query(String title, String body) {
        return LooksLike.query(title, body);
    }

    /** The issue the post looks most like, if any passes the threshold; {@code exclude} are issues already linked. */
    public Optional<Match> best(FtsQuery post, Collection<SimilarityRanking.Candidate> hits, Set<Integer> exclude) {
        return new LooksLike(minScore, ranking)
                .best(post, hits, exclude)
                .map(m -> new Match(m.number(), m.title(), m.bm25(), m.score()));
    }

    /** The overlap coefficient of two word sets; 0 when either is empty. */
    static double score(Set<String> a, Set<String> b) {
        return LooksLike.score(a, b);
    }

    /** Accents removed as the full-text index's tokenizer does, so "café" and "cafe" are one word. */
    static Set<String> normalise(List<String> words) {
        return LooksLike.normalise(words);
    }
}
