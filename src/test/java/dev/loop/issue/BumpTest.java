package dev.loop.issue;

import static dev.loop.issue.Fixtures.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.Bump.Bumped;
import dev.loop.issue.Bump.Counts;
import dev.loop.issue.Bump.Unchanged;
import org.junit.jupiter.api.Test;

class BumpTest {

    @Test
    void secondPlaceBumpsLowToHigh() {
        Bump.Decision d = Bump.decide(Priority.LOW, new Counts(1, 1), new Counts(2, 1));
        assertThat(d)
                .isEqualTo(new Bumped(
                        Priority.LOW,
                        Priority.HIGH,
                        "bumped up from Low: brought up before",
                        "bumped up from Low: brought up before (now 2 places, 1 requester)"));
        assertThat(d.bumped()).isTrue();
    }

    @Test
    void secondRequesterBumpsLowToHigh() {
        assertThat(Bump.decide(Priority.LOW, new Counts(1, 1), new Counts(1, 2)))
                .isInstanceOfSatisfying(
                        Bumped.class, b -> assertThat(b.detail()).endsWith("(now 1 place, 2 requesters)"));
    }

    @Test
    void laterAdditionsToALowIssueAlsoBump() {
        assertThat(Bump.decide(Priority.LOW, new Counts(2, 2), new Counts(2, 3)).bumped())
                .isTrue();
    }

    @Test
    void noGrowthNoBump() {
        assertThat(Bump.decide(Priority.LOW, new Counts(2, 2), new Counts(2, 2)))
                .isEqualTo(new Unchanged("nothing new was added"));
    }

    @Test
    void firstPlaceAndRequesterIsNotBroughtUpBefore() {
        assertThat(Bump.decide(Priority.LOW, new Counts(0, 0), new Counts(1, 1)))
                .isEqualTo(new Unchanged("still one place and one requester"));
    }

    @Test
    void otherPrioritiesNeverMove() {
        assertThat(Bump.decide(Priority.HIGH, new Counts(1, 1), new Counts(2, 2)))
                .isEqualTo(new Unchanged("already High"));
        assertThat(Bump.decide(Priority.FIX_NOW, new Counts(1, 1), new Counts(2, 2))
                        .bumped())
                .isFalse();
    }

    @Test
    void untriagedWaitsForTheFlowchart() {
        assertThat(Bump.decide(Priority.UNTRIAGED, new Counts(1, 1), new Counts(2, 2)))
                .isEqualTo(new Unchanged("not triaged yet; the flowchart will ask"));
        assertThat(Bump.broughtUpBefore(2, 2)).isTrue();
    }

    /** The bump decision for a Low issue in {@code status} that was brought up once more in a second place. */
    private static Bump.Decision broughtUpAgainWhile(IssueStatus status) {
        return Bump.decide(issue(1, status, Priority.LOW), new Counts(1, 1), new Counts(2, 1));
    }

    @Test
    void onlyActiveIssuesMove() {
        assertThat(broughtUpAgainWhile(IssueStatus.OPEN).bumped()).isTrue();
        assertThat(broughtUpAgainWhile(IssueStatus.IN_PROGRESS).bumped()).isTrue();
        assertThat(broughtUpAgainWhile(IssueStatus.SHIPPED)).isEqualTo(new Unchanged("the issue is shipped"));
        assertThat(broughtUpAgainWhile(IssueStatus.CLOSED).bumped()).isFalse();
        assertThat(broughtUpAgainWhile(IssueStatus.DUPLICATE).bumped()).isFalse();
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> new Counts(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
