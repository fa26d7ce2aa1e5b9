package dev.loop.capture;

import dev.loop.issue.IssueStore;
import dev.loop.issue.SearchHit;
import dev.loop.issue.TermFrequencies;
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
     * A word in more than this share of the issues is left out (unless fewer than two words would be left): it hardly
     * tells issues apart, and ranking every issue that has it is what makes a search slow in a large database.
     */
    static final double COMMON_SHARE = 0.02;
    /** Below this many issues every search is cheap; nothing is left out for being common. */
    static final int COMMON_FLOOR = 200;

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
        int commonAbove = Math.max(COMMON_FLOOR, (int) (terms.documents() * COMMON_SHARE));
        FtsQuery narrowed = query.distinctive(terms::of, WORDS, commonAbove);
        return store.search(narrowed.match(), true, limit);
    }
}
