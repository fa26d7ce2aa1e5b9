package dev.loop.watch;

import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SimilarityRanking;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a new support post "looks like" an open issue.
 *
 * <p>Candidates come from full-text search (bm25 over issue titles, summaries and transcripts) and are narrowed by
 * {@link SimilarityRanking} (open issues only, relative cut against the best hit). bm25 values depend on the size of
 * the index, so they cannot carry a fixed threshold. The threshold ({@code watch.hint-min-score}) applies instead to
 * the <em>overlap score</em>: the number of words the post and the issue's title have in common divided by the number
 * of words in the shorter of the two (the overlap coefficient, 0 to 1). Words are what {@link FtsQuery} keeps:
 * lower-cased, accents removed, stop words and lone Latin letters or digits dropped, and for the post its title
 * followed by its first message, first {@value FtsQuery#MAX_TOKENS} distinct words. So 1 means every word of the issue
 * title (or of a very short post) appears in the post, 0.5 half of them, and 0 hints on any full-text match.
 * The issue with the highest overlap score wins; equal scores go to the better bm25 rank.
 */
public record HintMatcher(double minScore, SimilarityRanking ranking) {

    public HintMatcher {
        if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore is between 0 and 1");
    }

    public static HintMatcher withMinScore(double minScore) {
        return new HintMatcher(minScore, SimilarityRanking.defaults());
    }

    /** A candidate issue the post resembles. */
    public record Match(int number, String title, double bm25, double score) {}

    /** The search expression for a post, or empty when it has no searchable words. */
    public static Optional<FtsQuery> query(String title, String body) {
        return FtsQuery.fromText((title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }

    /** The issue the post looks most like, if any passes the threshold; {@code exclude} are issues already linked. */
    public Optional<Match> best(FtsQuery post, Collection<SimilarityRanking.Candidate> hits, Set<Integer> exclude) {
        Set<String> postWords = normalise(post.tokens());
        Match best = null;
        for (SimilarityRanking.Candidate c : ranking.pick(hits, exclude)) {
            double s = score(
                    postWords,
                    FtsQuery.fromText(c.title()).map(q -> normalise(q.tokens())).orElse(Set.of()));
            if (s < minScore) continue;
            if (best == null || s > best.score()) best = new Match(c.number(), c.title(), c.bm25(), s);
        }
        return Optional.ofNullable(best);
    }

    /** The overlap coefficient of two word sets; 0 when either is empty. */
    static double score(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String w : small) if (large.contains(w)) common++;
        return (double) common / small.size();
    }

    /** Accents removed as the full-text index's tokenizer does, so "café" and "cafe" are one word. */
    static Set<String> normalise(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
        }
        return out;
    }
}
