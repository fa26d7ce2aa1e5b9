package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.testing.Captured;
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
        Captured c = w.captureExported(w.alice, "Dark mode", "Please add dark mode");

        int pr = w.repo.openPullRequest("sam", "Dark mode", "Adds a dark theme.", false);
        w.pollPulls();
        w.pollPulls();
        assertThat(w.issue(c.number()).status()).as("not linked yet").isEqualTo(IssueStatus.OPEN);
        long queries = w.github.counters().requests("POST", "/graphql");
        assertThat(queries).as("the open pull request was asked about").isPositive();

        w.repo.linkInSidebar("sam", pr, w.githubNumberOf(c));
        w.awaitStatus(IssueStatus.IN_PROGRESS, c.number());
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));
        assertThat(w.issue(c.number()).ownerId()).as("sam is erin on Discord").isEqualTo(w.erin.id());
        assertThat(w.issues().history(c.number()))
                .anyMatch(h -> h.detail().contains("pull request #" + pr + " opened"));
        w.pollPulls();
        w.pollPulls();
        assertThat(workingNotices(c)).hasSize(1);

        // unlinked in the sidebar before the merge: back to open, nobody told, and the merge changes nothing
        w.repo.unlinkInSidebar("sam", pr, w.githubNumberOf(c));
        w.awaitStatus(IssueStatus.OPEN, c.number());
        assertThat(w.issues().history(c.number()))
                .anyMatch(h -> h.detail().contains("pull request #" + pr + " no longer links it"));
        w.repo.mergePullRequest("sam", pr);
        w.pollPulls();
        w.pollPulls();
        assertThat(w.issue(c.number()).status()).isEqualTo(IssueStatus.OPEN);
        assertThat(w.repo.issue(w.githubNumberOf(c)).open())
                .as("GitHub closes only what the pull request still links")
                .isTrue();
        assertThat(new PullStore(w.db).row(pr, c.number()).orElseThrow().state())
                .isEqualTo(PullStore.State.CLOSED);
        assertThat(workingNotices(c)).hasSize(1);
    }

    @Test
    void aSidebarLinkStillThereAtTheMergeMakesTheIssueFixed() throws Exception {
        pollingWorldWithSam("");
        Captured c = w.captureExported(w.alice, "CSV export", "Please export to CSV");
        int pr = w.repo.openPullRequest("sam", "CSV export", "Exports to CSV.", false);
        w.repo.linkInSidebar("sam", pr, w.githubNumberOf(c));
        w.awaitStatus(IssueStatus.IN_PROGRESS, c.number());
        w.repo.mergePullRequest("sam", pr);
        w.awaitStatus(IssueStatus.FIXED, c.number());
        assertThat(w.repo.issue(w.githubNumberOf(c)).open())
                .as("GitHub closes a linked issue at the merge")
                .isFalse();
        assertThat(workingNotices(c)).hasSize(1);
    }
}
