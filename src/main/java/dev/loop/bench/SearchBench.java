package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.issue.IssueStore;
import dev.loop.issue.search.DuplicateSearch;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The duplicate-suggestion query capture runs before creating an issue ({@link DuplicateSearch} on the new post's title
 * and summary, then {@link IssueStore#search} over open issues, top 10) against a database of many issues, timed
 * one query at a time after a warm-up.
 */
final class SearchBench implements Bench.Benchmark {

    static final double TARGET_P99_MS = 5;
    static final double TARGET_P99_NOISY_MS = 10;

    @Override
    public String title() {
        return "Duplicate-suggestion search over many issues";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        Path dir = Files.createTempDirectory("loop-bench-search-");
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            progress.say("search: seeding " + scale.searchIssues() + " issues");
            long seedStart = System.nanoTime();
            seed(db, scale.searchIssues());
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            IssueStore store = new IssueStore(db);

            Words posts = new Words(99, Words.CORPUS_VOCABULARY);
            DuplicateSearch search = new DuplicateSearch(store);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < scale.searchQueries(); i++) queries.add(posts.title() + " " + posts.text(30));
            progress.say("search: warming up for " + scale.searchWarmupSeconds() + " s");
            long warmEnd = System.nanoTime() + (long) (scale.searchWarmupSeconds() * 1e9);
            for (int i = 0; System.nanoTime() < warmEnd; i++)
                search.openIssuesLike(queries.get(i % queries.size()), 10);

            progress.say("search: " + queries.size() + " queries");
            // CPU time of this thread (SQLite runs on it) leaves out time the machine gave to other work: on a busy
            // shared machine it shows what a query costs, where the wall clock shows what a person waited.
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
            long[] nanos = new long[queries.size()];
            long[] cpu = new long[queries.size()];
            long hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                long c = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
                long t = System.nanoTime();
                List<SearchHit> found = search.openIssuesLike(queries.get(i), 10);
                nanos[i] = System.nanoTime() - t;
                cpu[i] = cpuTimed ? threads.getCurrentThreadCpuTime() - c : 0;
                hits += found.size();
            }
            Stats s = Stats.ofNanos(nanos);
            Stats cpuStats = cpuTimed ? Stats.ofNanos(cpu) : Stats.EMPTY;

            // /issue search: what a person types, one to three words, matched as /issue search matches them
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < scale.searchQueries(); i++) typed.add(posts.text(1 + i % 3));
            for (int i = 0; i < Math.min(typed.size(), 200); i++) issueSearch(store, typed.get(i));
            progress.say("search: " + typed.size() + " /issue search queries");
            long[] typedNanos = new long[typed.size()];
            for (int i = 0; i < typed.size(); i++) {
                long t = System.nanoTime();
                issueSearch(store, typed.get(i));
                typedNanos[i] = System.nanoTime() - t;
            }
            Stats command = Stats.ofNanos(typedNanos);
            List<Figure> figures = List.of(
                    Figure.info("issues in the database", scale.searchIssues(), ""),
                    Figure.info("queries", s.count(), ""),
                    Figure.info("p50", s.p50(), "ms"),
                    Figure.info("p90", s.p90(), "ms"),
                    Figure.atMost("p99", s.p99(), "ms", TARGET_P99_MS, TARGET_P99_NOISY_MS),
                    Figure.info("max", s.max(), "ms"),
                    Figure.info("CPU time p50", cpuStats.p50(), "ms"),
                    Figure.info("CPU time p99", cpuStats.p99(), "ms"),
                    Figure.info("hits per query", (double) hits / queries.size(), ""),
                    Figure.info("/issue search p50", command.p50(), "ms"),
                    Figure.atMost("/issue search p99", command.p99(), "ms", TARGET_P99_MS, TARGET_P99_NOISY_MS));
            Map<String, Object> details = new LinkedHashMap<>(s.toMap());
            details.put("issues", scale.searchIssues());
            details.put("cpu", cpuStats.toMap());
            details.put("issue_search", command.toMap());
            details.put("seed_seconds", seedSeconds);
            details.put("database_bytes", Files.size(dir.resolve("loop.db")));
            List<String> notes = List.of("each query is a new post's title + a 30-word summary, as capture sends it "
                    + "(DuplicateSearch: at most " + DuplicateSearch.WORDS
                    + " of the post's rarest words, together in at most 2% of issues, ORed, ranked by bm25, open issues only, top 10; a"
                    + " search for words in many issues ranks only the newest 2,000 that match); issue text is synthetic with "
                    + "Zipf-distributed words over a "
                    + String.format(java.util.Locale.ROOT, "%,d", Words.CORPUS_VOCABULARY) + "-word vocabulary");
            return new Outcome("search", "", figures, notes, details, 0);
        } finally {
            if (!Boolean.getBoolean("bench.keep"))
                Community.deleteQuietly(dir); // -Dbench.keep=true leaves the database
        }
    }

    /** The query {@code /issue search} runs for {@code query}: every typed word, over all issues, top 10. */
    private static List<SearchHit> issueSearch(IssueStore store, String query) {
        return FtsQuery.fromText(query)
                .map(q -> store.searchWords(q, false, 10))
                .orElse(List.of());
    }

    static void seed(Database db, int count) {
        Seeder.corpus(db, new Words(11, Words.CORPUS_VOCABULARY), count, 1L, 1L, 1L, List.of());
    }
}
