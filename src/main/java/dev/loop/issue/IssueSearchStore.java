package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.TermFrequencies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The issue store's reads by words: autocomplete, full-text search over the FTS5 index, and the word frequencies
 * that steer duplicate search. Reads only; the index is written with the record by {@link IssueStore}.
 */
final class IssueSearchStore {

    /** Word frequencies change slowly; one snapshot serves many searches (see {@link #termFrequencies()}). */
    static final java.time.Duration TERMS_MAX_AGE = java.time.Duration.ofMinutes(5);

    private final Database db;
    private volatile TermFrequencies terms = TermFrequencies.EMPTY;
    private final java.util.concurrent.atomic.AtomicBoolean refreshingTerms =
            new java.util.concurrent.atomic.AtomicBoolean();

    IssueSearchStore(Database db) {
        this.db = db;
    }

    /** Autocomplete: active issues whose number or title matches what was typed so far (title order, newest first). */
    List<Issue> suggest(String typed, boolean activeOnly, int limit) {
        String t = typed == null ? "" : typed.strip().replaceFirst("^#", "");
        return db.read(ctx -> {
            Condition c = activeOnly ? ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES) : DSL.noCondition();
            if (!t.isEmpty()) {
                Condition match = ISSUE.TITLE.likeIgnoreCase("%" + IssueTables.escapeLike(t) + "%", '\\');
                if (t.chars().allMatch(Character::isDigit) && t.length() < 10) {
                    match = match.or(ISSUE.NUMBER.cast(String.class).like(t + "%"));
                }
                c = c.and(match);
            }
            return ctx.selectFrom(ISSUE)
                    .where(c)
                    .orderBy(ISSUE.NUMBER.desc())
                    .limit(limit)
                    .fetch(IssueTables::toIssue);
        });
    }

    /**
     * At most this many of the issues that match are ranked: the newest ones. bm25 scores every row it ranks, so a
     * search for common words ("app crash" is in nearly every issue) would otherwise score the whole index (about
     * 100 ms over 100,000 issues); the newest matches are found in issue-number order, which FTS5 walks without
     * scoring, and cost stays bounded however large the database grows. A search whose words are in fewer issues
     * than this (by the word frequencies) ranks all of them at once, as before. (Results are never cached: this
     * bounds the work, not the answer.)
     */
    static final int RANKED_AT_MOST = 2_000;

    /**
     * {@link #search} for what a person typed: every word, but once there are more issues than a search ranks, words
     * in most of them are left out of the ranking ({@link FtsQuery#withoutWordsInMostOf}: bm25 gives them no weight
     * and counting them costs the most). When every word is that common, no ranking can tell the matches apart, and
     * the newest ones are listed, newest first (score 0).
     */
    List<SearchHit> searchWords(FtsQuery query, boolean activeOnly, int limit) {
        TermFrequencies t = termFrequencies();
        if (t.documents() <= RANKED_AT_MOST) return search(query.match(), activeOnly, limit);
        return query.withoutWordsInMostOf(t::of, t.documents())
                .map(weighed -> search(weighed.match(), activeOnly, limit))
                .orElseGet(() -> newest(query.match(), activeOnly, limit));
    }

    private List<SearchHit> newest(String match, boolean activeOnly, int limit) {
        return db.read(ctx -> withIssues(
                ctx,
                ctx.resultQuery(newestMatches(activeOnly) + " LIMIT ?", match, limit)
                        .fetch(r -> new Ranked(r.get(0, Integer.class), 0))));
    }

    /** The matches of a MATCH expression (active ones only, if asked), newest first, without scoring them. */
    private static String newestMatches(boolean activeOnly) {
        return "SELECT f.rowid FROM issue_fts f"
                + (activeOnly
                        ? " JOIN issue i ON i.number = f.rowid WHERE issue_fts MATCH ? AND " + ACTIVE
                        : " WHERE issue_fts MATCH ?")
                + " ORDER BY f.rowid DESC";
    }

    /**
     * An active-only search ranks the best this many matches first and only then looks their status up; it looks up
     * every match only when fewer than the hits asked for are active among them (see {@link #search}).
     */
    static final int RANKED_BEFORE_STATUS = 200;

    /**
     * Full-text search over titles, summaries and transcripts. {@code match} must already be a safe FTS5 expression
     * (see capture's FtsQuery); lower score is better. Issues are read in one more query after the ranking, so a
     * search costs two or three round trips however many hits it returns (one more, for common words, to find where
     * the {@link #RANKED_AT_MOST} newest matches begin).
     *
     * <p>Looking up each match's status in the issue table costs more than ranking it (a row read per match, where
     * bm25 reads the index), so an active-only search ranks first and checks the status of only the best
     * {@link #RANKED_BEFORE_STATUS}. That is exact: when they hold {@code limit} active issues, no match ranked below
     * them can be among the best active ones; when they don't and there were more matches, every match is looked up.
     */
    List<SearchHit> search(String match, boolean activeOnly, int limit) {
        if (match == null || match.isBlank()) return List.of();
        boolean common = estimatedMatches(match) > RANKED_AT_MOST;
        return db.read(ctx -> {
            // counted among the issues searched (active ones for a duplicate search), so old active issues still count
            Integer oldestRanked = !common
                    ? null
                    : ctx.resultQuery(newestMatches(activeOnly) + " LIMIT 1 OFFSET ?", match, RANKED_AT_MOST - 1)
                            .fetchOne(0, Integer.class);
            int from = oldestRanked == null ? 0 : oldestRanked;
            return withIssues(
                    ctx, activeOnly ? rankedActive(ctx, match, from, limit) : ranked(ctx, match, from, limit));
        });
    }

    /** The ranked matches as hits, in their order, their issues read in one query. */
    private static List<SearchHit> withIssues(org.jooq.DSLContext ctx, List<Ranked> ranked) {
        if (ranked.isEmpty()) return List.of();
        List<Integer> numbers = new ArrayList<>();
        for (Ranked r : ranked) numbers.add(r.number());
        java.util.Map<Integer, Issue> byNumber = new java.util.HashMap<>();
        for (Issue i : ctx.selectFrom(ISSUE).where(ISSUE.NUMBER.in(numbers)).fetch(IssueTables::toIssue)) {
            byNumber.put(i.number(), i);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Ranked r : ranked) {
            Issue issue = byNumber.get(r.number());
            if (issue != null) hits.add(new SearchHit(issue, r.score()));
        }
        return hits;
    }

    private static final String ACTIVE = "i.status IN ('" + String.join("', '", IssueStatus.ACTIVE_CODES) + "')";
    private static final String SCORE = "bm25(issue_fts, 10.0, 4.0, 1.0)";

    private record Ranked(int number, double score) {
        /** A row of rowid and score. */
        static Ranked of(Record r) {
            return new Ranked(r.get(0, Integer.class), r.get(1, Double.class));
        }
    }

    /** The best {@code limit} matches numbered {@code from} or later, whatever their status. */
    private static List<Ranked> ranked(org.jooq.DSLContext ctx, String match, int from, int limit) {
        return ctx.resultQuery(
                        "SELECT rowid, " + SCORE + " AS score FROM issue_fts WHERE issue_fts MATCH ? AND rowid >= ?"
                                + " ORDER BY score LIMIT ?",
                        match,
                        from,
                        limit)
                .fetch(Ranked::of);
    }

    /** The best {@code limit} active matches numbered {@code from} or later (the two steps in {@link #search}). */
    private static List<Ranked> rankedActive(org.jooq.DSLContext ctx, String match, int from, int limit) {
        int first = Math.max(RANKED_BEFORE_STATUS, limit);
        // the status lookups stop at the limit-th active match: they cost more than ranking, so as few as possible
        List<Ranked> active = ctx.resultQuery(
                        "SELECT r.rowid, r.score FROM (SELECT rowid, " + SCORE + " AS score FROM issue_fts"
                                + " WHERE issue_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT ?) r"
                                + " JOIN issue i ON i.number = r.rowid WHERE " + ACTIVE
                                + " ORDER BY r.score LIMIT ?",
                        match,
                        from,
                        first,
                        limit)
                .fetch(Ranked::of);
        if (active.size() == limit) return active;
        int matches = ctx.resultQuery(
                        "SELECT count(*) FROM (SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? AND rowid >= ?"
                                + " LIMIT ?)",
                        match,
                        from,
                        first)
                .fetchOne(0, Integer.class);
        if (matches < first) return active; // every match was ranked and looked up
        return ctx.resultQuery(
                        "SELECT f.rowid, " + SCORE + " AS score FROM issue_fts f JOIN issue i ON i.number = f.rowid"
                                + " WHERE issue_fts MATCH ? AND f.rowid >= ? AND " + ACTIVE + " ORDER BY score LIMIT ?",
                        match,
                        from,
                        limit)
                .fetch(Ranked::of);
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    /**
     * At most how many issues a MATCH expression (quoted words and phrases, as FtsQuery writes them) can match, from
     * the word frequencies in hand: the sum over its words, a phrase counting its parts. Words in no issue yet count
     * nothing; the count is only a guess at whether the newest matches must be found first.
     */
    private long estimatedMatches(String match) {
        TermFrequencies t = termFrequencies();
        long rows = 0;
        java.util.regex.Matcher m = QUOTED.matcher(match);
        while (m.find()) {
            for (String part : m.group(1).replace("\"\"", "\"").split(" ")) rows += t.of(part);
        }
        return rows;
    }

    /**
     * How many issues each indexed word is in. A snapshot at most {@link #TERMS_MAX_AGE} old: the first call reads
     * it, later calls return the one in hand and refresh it in the background once it is older than that (frequencies
     * only steer which words a duplicate search uses, so slightly old ones do no harm).
     */
    TermFrequencies termFrequencies() {
        TermFrequencies t = terms;
        if (t == TermFrequencies.EMPTY) {
            t = loadTerms();
            terms = t;
            return t;
        }
        if (t.takenAt().plus(TERMS_MAX_AGE).isBefore(Instant.now()) && refreshingTerms.compareAndSet(false, true)) {
            Thread.ofVirtual().name("loop-term-frequencies").start(() -> {
                try {
                    terms = loadTerms();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(IssueSearchStore.class)
                            .warn("Reading word frequencies failed: {}", e.toString());
                } finally {
                    refreshingTerms.set(false);
                }
            });
        }
        return t;
    }

    private TermFrequencies loadTerms() {
        return db.read(ctx -> {
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            for (Record r :
                    ctx.resultQuery("SELECT term, doc FROM issue_fts_vocab").fetch()) {
                counts.put(r.get(0, String.class), r.get(1, Integer.class));
            }
            int documents = ctx.fetchOne("SELECT count(*) FROM issue_fts").get(0, Integer.class);
            return new TermFrequencies(counts, documents, Instant.now());
        });
    }
}
