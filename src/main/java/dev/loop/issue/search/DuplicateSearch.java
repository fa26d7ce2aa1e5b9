package dev.loop.issue.search;

import dev.loop.issue.IssueStore;
import java.util.List;

/**
 * Finds the open issues a new post may duplicate: the post's words as an {@link FtsQuery}, narrowed to its most
 * telling ones ({@link FtsQuery#distinctive}), ranked by the full-text index. Capture's "this may already be
 * tracked" choice and watch's "looks like #N" hints both ask it.
 */
public final class DuplicateSearch {

    /** Words of a post that are searched for; more find little more and cost more (see the search benchmark). */
    public static final int WORDS = 6;
    /**
     * The words searched for may be in at most this share of the issues together (but two words are always searched
     * for): ranking costs a row per issue that has any of them, and common words hardly tell issues apart.
     */
    static final double BUDGET_SHARE = 0.02;
    /** Below this many rows every search is cheap; small databases search all {@link #WORDS} words. */
    static final int BUDGET_FLOOR = 200;

    private final IssueStore store;

    public DuplicateSearch(IssueStore store) {
        this.store = store;
    }

    /** Open issues most like {@code text}, best first; none when the text has no searchable word. */
    public List<SearchHit> openIssuesLike(String text, int limit) {
        return FtsQuery.fromText(text).map(q -> openIssuesLike(q, limit)).orElse(List.of());
    }

    public List<SearchHit> openIssuesLike(FtsQuery query, int limit) {
        TermFrequencies terms = store.termFrequencies();
        long budget = Math.max(BUDGET_FLOOR, (long) (terms.documents() * BUDGET_SHARE));
        FtsQuery narrowed = query.distinctive(terms::of, WORDS, budget);
        long rows = narrowed.tokens().stream().mapToLong(terms::of).sum();
        // Even the two rarest words are common: ranking every issue that has them anywhere costs the most and tells
        // the least, so look for them in titles, which are short (a FTS5 column filter; the words are quoted
        // literals, so this is safe).
        String match = rows > budget ? "title : (" + narrowed.match() + ")" : narrowed.match();
        return store.search(match, true, limit);
    }
}
