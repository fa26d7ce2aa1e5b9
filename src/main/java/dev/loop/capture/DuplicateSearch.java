package dev.loop.capture;

import dev.loop.issue.IssueStore;
import dev.loop.issue.SearchHit;
import java.util.List;

/**
 * Finds the open issues a new post may duplicate: the post's words as an {@link FtsQuery}, narrowed to its most
 * telling ones ({@link FtsQuery#distinctive}), ranked by the full-text index. Capture's "this may already be
 * tracked" choice and watch's "looks like #N" hints both ask it.
 */
public final class DuplicateSearch {

    /** Words of a post that are searched for; more find little more and cost more (see the search benchmark). */
    public static final int WORDS = 6;

    private final IssueStore store;

    public DuplicateSearch(IssueStore store) {
        this.store = store;
    }

    /** Open issues most like {@code text}, best first; none when the text has no searchable word. */
    public List<SearchHit> openIssuesLike(String text, int limit) {
        return FtsQuery.fromText(text).map(q -> openIssuesLike(q, limit)).orElse(List.of());
    }

    public List<SearchHit> openIssuesLike(FtsQuery query, int limit) {
        FtsQuery narrowed = query.distinctive(store.termFrequencies()::of, WORDS);
        return store.search(narrowed.match(), true, limit);
    }
}
