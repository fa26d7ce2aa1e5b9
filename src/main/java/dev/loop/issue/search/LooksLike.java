package dev.loop.issue.search;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a new text (a support post, a GitHub issue opened by someone) "looks like" an open issue: the one
 * rule behind watch's "looks like #N" hints and the "New on GitHub" hints' Link suggestion, so both suggest the same
 * issue for the same words and neither suggests an unrelated one.
 *
 * <p>Candidates come from full-text search (bm25 over issue titles, summaries and transcripts) and are narrowed by
 * {@link SimilarityRanking} (open issues only, relative cut against the best hit). bm25 values depend on the size of
 * the index, so they cannot carry a fixed threshold. The threshold ({@code watch.hint-min-score}) applies instead to
 * the <em>overlap score</em>: the number of words the text and the issue's title have in common divided by the number
 * of words in the shorter of the two (the overlap coefficient, 0 to 1). Words are what {@link FtsQuery} keeps:
 * lower-cased, accents removed, stop words and lone Latin letters or digits dropped, and for the text its title
 * followed by its first message, first {@value FtsQuery#MAX_TOKENS} distinct words. So 1 means every word of the issue
 * title (or of a very short text) appears in the text, 0.5 half of them, and 0 suggests on any full-text match.
 * The issue with the highest overlap score wins; equal scores go to the better bm25 rank.
 */
public record LooksLike(double minScore, SimilarityRanking ranking) {

    public LooksLike {
        if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore is between 0 and 1");
    }

    public static LooksLike withMinScore(double minScore) {
        return new LooksLike(minScore, SimilarityRanking.defaults());
    }

    /** A candidate issue the text resembles. */
    public record Match(int number, String title, double bm25, double score) {}

    /** The search expression for a titled text, or empty when it has no searchable words. */
    public static Optional<FtsQuery> query(String title, String body) {
        return FtsQuery.fromText((title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }

    /** The issue the text looks most like, if any passes the threshold; {@code exclude} are issues already linked. */
    public Optional<Match> best(FtsQuery text, Collection<SimilarityRanking.Candidate> hits, Set<Integer> exclude) {
        Set<String> textWords = normalise(text.tokens());
        Match best = null;
        for (SimilarityRanking.Candidate c : ranking.pick(hits, exclude)) {
            double s = score(
                    textWords,
                    FtsQuery.fromText(c.title()).map(q -> normalise(q.tokens())).orElse(Set.of()));
            if (s < minScore) continue;
            if (best == null || s > best.score()) best = new Match(c.number(), c.title(), c.bm25(), s);
        }
        return Optional.ofNullable(best);
    }

    /** The overlap coefficient of two word sets; 0 when either is empty. */
    public static double score(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String w : small) if (large.contains(w)) common++;
        return (double) common / small.size();
    }

    /** Accents removed as the full-text index's tokenizer does, so "café" and "cafe" are one word. */
    public static Set<String> normalise(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
        }
        return out;
    }
}
