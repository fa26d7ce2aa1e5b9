package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pull request GitHub reports as linked only through its sidebar ("Development"), with no closing keyword, works
 * like one that says "Fixes #N": read through GraphQL's {@code closingIssuesReferences} on each poll. Unlinked before
 * the merge, it stops working on the issue and its merge changes nothing.
 */
class GitHubSidebarLinkEndToEndTest extends GitHubEndToEnd {

    @Test
    void aPullRequestLinkedInTheSidebarTellsTheRequestersOnceAndUnlinkedBeforeTheMergeNothingMore() throws Exception {
        pollingWorldWithSam("  people:\n    sam: \"{erin}\"\n");
        Captured c = w.capture(w.alice, "Dark mode", "Please add dark mode");
        GitHubIssueView gh = w.awaitExported(c.number());

        int pr = w.repo.openPullRequest("sam", "Dark mode", "Adds a dark theme.", false);
        w.pollPulls();
        w.pollPulls();
        assertThat(issue(c.number()).status()).as("not linked yet").isEqualTo(IssueStatus.OPEN);
        long queries = w.github.counters().requests("POST", "/graphql");
        assertThat(queries).as("the open pull request was asked about").isPositive();

        w.repo.linkInSidebar("sam", pr, gh.number());
        w.sim.await("the issue in progress", () -> {
            w.clock.advance(Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.IN_PROGRESS;
        });
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));
        assertThat(issue(c.number()).ownerId()).as("sam is erin on Discord").isEqualTo(w.erin.id());
        assertThat(w.issues().history(c.number()))
                .anyMatch(h -> h.detail().contains("pull request #" + pr + " opened"));
        w.pollPulls();
        w.pollPulls();
        assertThat(workingNotices(c)).hasSize(1);

        // unlinked in the sidebar before the merge: back to open, nobody told, and the merge changes nothing
        w.repo.unlinkInSidebar("sam", pr, gh.number());
        w.sim.await("the issue open again", () -> {
            w.clock.advance(Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.OPEN;
        });
        assertThat(w.issues().history(c.number()))
                .anyMatch(h -> h.detail().contains("pull request #" + pr + " no longer links it"));
        w.repo.mergePullRequest("sam", pr);
        w.pollPulls();
        w.pollPulls();
        assertThat(issue(c.number()).status()).isEqualTo(IssueStatus.OPEN);
        assertThat(w.repo.issue(gh.number()).open())
                .as("GitHub closes only what the pull request still links")
                .isTrue();
        assertThat(new PullStore(w.db).row(pr, c.number()).orElseThrow().state())
                .isEqualTo(PullStore.State.CLOSED);
        assertThat(workingNotices(c)).hasSize(1);
    }

    @Test
    void aSidebarLinkStillThereAtTheMergeMakesTheIssueFixed() throws Exception {
        pollingWorldWithSam("");
        Captured c = w.capture(w.alice, "CSV export", "Please export to CSV");
        GitHubIssueView gh = w.awaitExported(c.number());
        int pr = w.repo.openPullRequest("sam", "CSV export", "Exports to CSV.", false);
        w.repo.linkInSidebar("sam", pr, gh.number());
        w.sim.await("the issue in progress", () -> {
            w.clock.advance(Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.IN_PROGRESS;
        });
        w.repo.mergePullRequest("sam", pr);
        w.sim.await("the issue fixed", () -> {
            w.clock.advance(Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.FIXED;
        });
        assertThat(w.repo.issue(gh.number()).open())
                .as("GitHub closes a linked issue at the merge")
                .isFalse();
        assertThat(workingNotices(c)).hasSize(1);
    }

    private Issue issue(int number) {
        return w.issues().find(number).orElseThrow();
    }

    private static List<SimMessage> workingNotices(Captured c) {
        return c.post().messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("working on it now"))
                .toList();
    }
}
