package dev.loop.issue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.IssueStatus;
import dev.loop.issue.search.SimilarityRanking.Candidate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimilarityRankingTest {

    static Candidate c(int n, IssueStatus s, double score) {
        return new Candidate(n, "Issue " + n, s, score);
    }

    @Test
    void keepsTheBestThreeOpenOrInProgress() {
        List<Candidate> hits = List.of(
                c(1, IssueStatus.OPEN, -4.0),
                c(2, IssueStatus.SHIPPED, -9.0),
                c(3, IssueStatus.IN_PROGRESS, -6.0),
                c(4, IssueStatus.CLOSED, -8.0),
                c(5, IssueStatus.DUPLICATE, -7.0),
                c(6, IssueStatus.OPEN, -5.0),
                c(7, IssueStatus.OPEN, -3.0));
        assertThat(SimilarityRanking.defaults().pick(hits))
                .extracting(Candidate::number)
                .containsExactly(3, 6, 1);
    }

    @Test
    void relativeCutDropsWeakMatches() {
        // best -8; a quarter of that is -2: -2.5 stays, -1.9 goes.
        List<Candidate> hits =
                List.of(c(1, IssueStatus.OPEN, -8), c(2, IssueStatus.OPEN, -2.5), c(3, IssueStatus.OPEN, -1.9));
        assertThat(SimilarityRanking.defaults().pick(hits))
                .extracting(Candidate::number)
                .containsExactly(1, 2);
    }

    @Test
    void absoluteThreshold() {
        SimilarityRanking strict = new SimilarityRanking(-3.0, 0.0, 3);
        List<Candidate> hits =
                List.of(c(1, IssueStatus.OPEN, -2.99), c(2, IssueStatus.OPEN, -3.0), c(3, IssueStatus.OPEN, -3.5));
        assertThat(strict.pick(hits)).extracting(Candidate::number).containsExactly(3);
    }

    @Test
    void tinyScoresFromASmallIndexStillCount() {
        // In a one-issue index FTS5 clamps the IDF, giving scores around -1e-6.
        assertThat(SimilarityRanking.defaults().pick(List.of(c(1, IssueStatus.OPEN, -0.000001))))
                .extracting(Candidate::number)
                .containsExactly(1);
    }

    @Test
    void tiesGoToTheOlderIssueAndExclusionsApply() {
        List<Candidate> hits =
                List.of(c(9, IssueStatus.OPEN, -5), c(4, IssueStatus.OPEN, -5), c(2, IssueStatus.OPEN, -5));
        assertThat(SimilarityRanking.defaults().pick(hits, Set.of(2)))
                .extracting(Candidate::number)
                .containsExactly(4, 9);
    }

    @Test
    void nonMatchesAndBadScoresAreIgnored() {
        List<Candidate> hits = List.of(
                c(1, IssueStatus.OPEN, 0.0),
                c(2, IssueStatus.OPEN, Double.NaN),
                c(3, IssueStatus.OPEN, Double.NEGATIVE_INFINITY),
                c(4, IssueStatus.OPEN, 1.0));
        assertThat(SimilarityRanking.defaults().pick(hits)).isEmpty();
        assertThat(SimilarityRanking.defaults().pick(List.of())).isEmpty();
    }

    @Test
    void limitAndValidation() {
        List<Candidate> hits = List.of(c(1, IssueStatus.OPEN, -5), c(2, IssueStatus.OPEN, -4));
        assertThat(new SimilarityRanking(0, 0, 1).pick(hits))
                .extracting(Candidate::number)
                .containsExactly(1);
        assertThatThrownBy(() -> new SimilarityRanking(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityRanking(0, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
