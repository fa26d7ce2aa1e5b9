package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Fixtures;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Priority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseRulesTest {

    @Test
    void readsNumbersWithOrWithoutHashesAndAnySeparator() {
        ReleaseRules.ParsedNumbers p = ReleaseRules.parseNumbers(" #3 #5,7;  #12 ");
        assertThat(p.numbers()).containsExactly(3, 5, 7, 12);
        assertThat(p.unreadable()).isEmpty();
        assertThat(ReleaseRules.parseNumbers("#3 three #0 #-1").unreadable()).containsExactly("three", "#0", "#-1");
    }

    @Test
    void namesEveryProblemWithTheIssues() {
        Issue open = Fixtures.issue(3, IssueStatus.OPEN, Priority.HIGH);
        Issue closed = Fixtures.issue(4, IssueStatus.CLOSED, Priority.LOW);
        Issue dup = Fixtures.issue(6, IssueStatus.DUPLICATE, Priority.LOW, 3);
        Issue working = Fixtures.issue(8, IssueStatus.IN_PROGRESS, Priority.HIGH);
        Map<Integer, Issue> found = Map.of(3, open, 4, closed, 6, dup, 8, working);

        assertThat(ReleaseRules.issueProblems(ReleaseRules.parseNumbers("#3 #8"), found))
                .isEmpty();
        assertThat(ReleaseRules.issueProblems(ReleaseRules.parseNumbers("#3 #3 #3 #4 #6 #9 x<@1>"), found))
                .containsExactly(
                        "“x<@\u200B1>” is not an issue number; list issues like #3 #5.",
                        "#3 is listed more than once.",
                        "#4 is closed without shipping; it can't be part of a release.",
                        "#6 is a duplicate of #3; ship #3 instead.",
                        "There is no issue #9.");
        assertThat(ReleaseRules.issueProblems(ReleaseRules.parseNumbers("  "), found))
                .containsExactly("List at least one issue to ship, like #3 #5.");
    }

    @Test
    void versionsMustBeShortPrintableAndPresent() {
        assertThat(ReleaseRules.normaliseVersion("  1.4.0 \n beta ")).isEqualTo("1.4.0 beta");
        assertThat(ReleaseRules.versionProblem("")).isPresent();
        assertThat(ReleaseRules.versionProblem("x".repeat(65)))
                .hasValue("A version can be at most 64 characters long.");
        assertThat(ReleaseRules.versionProblem("1.4.0")).isEmpty();
    }

    @Test
    void autocompleteWorksOnTheLastNumber() {
        assertThat(ReleaseRules.typing("#3, 5 dark")).isEqualTo(new ReleaseRules.Typing("#3 #5 ", "dark"));
        assertThat(ReleaseRules.typing("#3 ")).isEqualTo(new ReleaseRules.Typing("#3 ", ""));
        assertThat(ReleaseRules.typing("")).isEqualTo(new ReleaseRules.Typing("", ""));
        assertThat(ReleaseRules.distinct(ReleaseRules.parseNumbers("3 5 3"))).isEqualTo(List.of(3, 5));
    }
}
