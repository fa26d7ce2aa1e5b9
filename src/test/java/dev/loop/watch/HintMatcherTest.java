package dev.loop.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.Database;
import dev.loop.issue.Fixtures;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SimilarityRanking;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintMatcherTest {

    static SimilarityRanking.Candidate c(int n, String title, double bm25) {
        return new SimilarityRanking.Candidate(n, title, IssueStatus.OPEN, bm25);
    }

    static FtsQuery post(String title, String body) {
        return HintMatcher.query(title, body).orElseThrow();
    }

    @Test
    void theScoreIsTheShareOfWordsOfTheShorterSide() {
        // post words: app, crashes, large, folders, syncing (5); title words: sync, crashes, large, folders (4)
        // common: crashes, large, folders = 3; shorter side = 4 → 0.75
        FtsQuery q = post("App crashes when syncing large folders", null);
        assertThat(HintMatcher.score(
                        HintMatcher.normalise(q.tokens()),
                        HintMatcher.normalise(FtsQuery.fromText("Sync crashes on large folders")
                                .orElseThrow()
                                .tokens())))
                .isEqualTo(0.75);
        // accents do not matter, as in the full-text index
        assertThat(HintMatcher.score(HintMatcher.normalise(List.of("café")), HintMatcher.normalise(List.of("cafe"))))
                .isEqualTo(1.0);
        assertThat(HintMatcher.score(Set.of(), Set.of("x"))).isZero();
    }

    @Test
    void theThresholdDecides() {
        FtsQuery q = post("Dark mode is broken", "The dark theme looks wrong after the update");
        // "Dark mode toggle" → dark, mode, toggle: 2 of 3 in the post = 0.667
        List<SimilarityRanking.Candidate> hits = List.of(c(3, "Dark mode toggle", -2.0));
        assertThat(HintMatcher.withMinScore(0.6).best(q, hits, Set.of())).hasValueSatisfying(m -> {
            assertThat(m.number()).isEqualTo(3);
            assertThat(m.score()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(HintMatcher.withMinScore(0.7).best(q, hits, Set.of())).isEmpty();
        // 0 hints on any full-text hit, even one that shares no title word
        assertThat(HintMatcher.withMinScore(0).best(q, List.of(c(4, "Colours", -1.0)), Set.of()))
                .isPresent();
    }

    @Test
    void theHighestScoreWinsThenTheBetterRank() {
        FtsQuery q = post("Installer fails on Windows 11", null);
        List<SimilarityRanking.Candidate> hits = List.of(
                c(1, "Installer slow", -5.0), // installer: 1/2 = 0.5
                c(2, "Windows installer fails", -4.0), // 3/3 = 1.0
                c(3, "Fails on Windows installer", -3.0)); // 3/3 = 1.0, worse bm25
        assertThat(HintMatcher.withMinScore(0.5).best(q, hits, Set.of()))
                .get()
                .extracting(HintMatcher.Match::number)
                .isEqualTo(2);
        assertThat(HintMatcher.withMinScore(0.5).best(q, hits, Set.of(2)))
                .get()
                .extracting(HintMatcher.Match::number)
                .isEqualTo(3);
    }

    @Test
    void closedIssuesAreNeverHinted() {
        FtsQuery q = post("Installer fails", null);
        var closed = new SimilarityRanking.Candidate(1, "Installer fails", IssueStatus.CLOSED, -9.0);
        assertThat(HintMatcher.withMinScore(0).best(q, List.of(closed), Set.of()))
                .isEmpty();
    }

    @Test
    void theThresholdIsAFraction() {
        assertThatThrownBy(() -> HintMatcher.withMinScore(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HintMatcher.query("the a of", "")).isEmpty();
    }

    @Test
    void worksOverTheRealFullTextIndex(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            IssueStore issues = new IssueStore(db);
            Instant t = Instant.parse("2025-03-03T10:00:00Z");
            Fixtures.capturedFromPost(
                    issues,
                    new NewIssue(
                            "Sync crashes on large folders",
                            IssueKind.BUG,
                            "Syncing 10k files crashes",
                            false,
                            null,
                            null),
                    11L,
                    7L,
                    9,
                    t);
            Fixtures.capturedFromPost(
                    issues,
                    new NewIssue(
                            "Dark mode for the editor",
                            IssueKind.FEATURE,
                            "Please add a dark theme",
                            false,
                            null,
                            null),
                    12L,
                    8L,
                    9,
                    t);
            FtsQuery q = post("Crash when syncing large folders", "the app crashes on my folders with many files");
            var candidates = issues.search(q.match(), true, 10).stream()
                    .map(h -> new SimilarityRanking.Candidate(
                            h.issue().number(), h.issue().title(), h.issue().status(), h.score()))
                    .toList();
            // title words sync, crashes, large, folders: crashes, large, folders in the post → 0.75
            assertThat(HintMatcher.withMinScore(0.5).best(q, candidates, Set.of()))
                    .get()
                    .satisfies(m -> {
                        assertThat(m.number()).isEqualTo(1);
                        assertThat(m.score()).isEqualTo(0.75);
                    });
            assertThat(HintMatcher.withMinScore(0.8).best(q, candidates, Set.of()))
                    .isEmpty();
        }
    }
}
