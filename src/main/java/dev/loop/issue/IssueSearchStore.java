package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
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
     * Full-text search over titles, summaries and transcripts. {@code match} must already be a safe FTS5 expression
     * (see capture's FtsQuery); lower score is better. Issues are read in the same query as the ranking, so a search
     * costs one round trip however many hits it returns (plus one, for common words, to find where the
     * {@link #RANKED_AT_MOST} newest matches begin).
     */
    List<SearchHit> search(String match, boolean activeOnly, int limit) {
        if (match == null || match.isBlank()) return List.of();
        String active = activeOnly ? " AND i.status IN ('" + String.join("', '", IssueStatus.ACTIVE_CODES) + "')" : "";
        boolean common = estimatedMatches(match) > RANKED_AT_MOST;
        return db.read(ctx -> {
            // counted among the issues searched (open ones for a duplicate search), so old open issues still count
            Integer oldestRanked = !common
                    ? null
                    : ctx.resultQuery(
                                    "SELECT f.rowid FROM issue_fts f JOIN issue i ON i.number = f.rowid"
                                            + " WHERE issue_fts MATCH ?" + active
                                            + " ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
                                    match,
                                    RANKED_AT_MOST - 1)
                            .fetchOne(0, Integer.class);
            var rows = ctx.resultQuery(
                            "SELECT f.rowid, bm25(issue_fts, 10.0, 4.0, 1.0) AS score FROM issue_fts f "
                                    + "JOIN issue i ON i.number = f.rowid WHERE issue_fts MATCH ? AND f.rowid >= ?"
                                    + active + " ORDER BY score LIMIT ?",
                            match,
                            oldestRanked == null ? 0 : oldestRanked,
                            limit)
                    .fetch();
            if (rows.isEmpty()) return List.<SearchHit>of();
            List<Integer> numbers = new ArrayList<>();
            for (Record r : rows) numbers.add(r.get(0, Integer.class));
            java.util.Map<Integer, Issue> byNumber = new java.util.HashMap<>();
            for (Issue i : ctx.selectFrom(ISSUE).where(ISSUE.NUMBER.in(numbers)).fetch(IssueTables::toIssue)) {
                byNumber.put(i.number(), i);
            }
            List<SearchHit> hits = new ArrayList<>();
            for (Record r : rows) {
                Issue issue = byNumber.get(r.get(0, Integer.class));
                if (issue != null) hits.add(new SearchHit(issue, r.get(1, Double.class)));
            }
            return hits;
        });
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
