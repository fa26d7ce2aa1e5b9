package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import org.junit.jupiter.api.Test;

/**
 * Pull requests drive Loop end to end (real JDA against the Discord simulator, hub4j against the GitHub simulator,
 * real SQLite): a pull request that says "Fixes #N" puts the issue in progress and tells its requesters once, however
 * often it is edited, closed, reopened or Loop restarts; a draft waits until it is ready; the merge makes the issue
 * fixed, waiting for a release; a pull request closed unmerged puts the issue back and tells nobody.
 */
class GitHubPullRequestEndToEndTest extends GitHubEndToEnd {

    @Test
    void aFixingPullRequestStartsTheWorkOnceAndItsMergeMakesTheIssueFixed() throws Exception {
        pollingWorldWithSam("  people:\n    sam: \"{erin}\"\n");
        Captured c = w.captureExported(w.alice, "Dark mode", "Please add dark mode");

        int pr = w.repo.openPullRequest(
                "sam", "Dark mode", "Fixes #" + w.githubNumberOf(c) + "\n\nAdds a dark theme.", true);
        w.pollPulls();
        w.pollPulls();
        assertThat(w.issue(c.number()).status()).as("a draft changes nothing").isEqualTo(IssueStatus.OPEN);
        assertThat(workingNotices(c)).isEmpty();

        w.repo.markReady(pr);
        w.awaitStatus(IssueStatus.IN_PROGRESS, c.number());
        assertThat(w.issue(c.number()).ownerId()).as("sam is erin on Discord").isEqualTo(w.erin.id());
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));

        // edited, closed (back to open, nobody told), reopened, and Loop restarted: still one notice
        w.repo.editPullRequestBody(pr, "Fixes #" + w.githubNumberOf(c) + "\n\nAdds a dark theme, with tests.");
        w.pollPulls();
        w.repo.closePullRequest("sam", pr);
        w.awaitStatus(IssueStatus.OPEN, c.number());
        w.repo.reopenPullRequest("sam", pr);
        w.awaitStatus(IssueStatus.IN_PROGRESS, c.number());
        w.stop();
        w.start();
        w.pollPulls();
        w.pollPulls();
        assertThat(workingNotices(c)).hasSize(1);

        String sha = w.repo.mergePullRequest("erin", pr);
        w.awaitStatus(IssueStatus.FIXED, c.number());
        assertThat(new PullStore(w.db).row(pr, c.number()).orElseThrow().mergeSha())
                .isEqualTo(sha);
        assertThat(w.issues().history(c.number()))
                .anyMatch(h -> h.detail().contains("pull request #" + pr + " opened"));
        GitHubIssueView body = w.awaitExported(c.number());
        assertThat(body.body()).contains("Pull request #" + pr + " (merged)").contains("Fixed, waiting for a release");
        assertThat(workingNotices(c)).hasSize(1);
    }

    @Test
    void aPullRequestForAnIssueAlreadyInProgressTellsNobodyAgainAndAnUnknownAuthorOwnsNothing() throws Exception {
        world("  poll-interval: 60s\n");
        Captured c = w.captureExported(w.alice, "Export to CSV", "Please export to CSV");
        w.issues().setStatus(c.number(), IssueStatus.IN_PROGRESS, "started by hand", w.erin.id(), w.clock.instant());

        int pr = w.repo.openPullRequest(
                "octocat", "CSV export", "closes " + w.repo.fullName() + "#" + w.githubNumberOf(c), false);
        w.awaitPolled(
                "the pull request recorded",
                () -> new PullStore(w.db).row(pr, c.number()).isPresent());
        w.pollPulls();
        assertThat(workingNotices(c)).isEmpty();
        assertThat(w.issue(c.number()).ownerId()).isNull();

        // closed unmerged: it was in progress before the pull request, so it stays so
        w.repo.closePullRequest("octocat", pr);
        w.awaitPolled(
                "the pull request closed",
                () -> new PullStore(w.db).row(pr, c.number()).orElseThrow().state() == PullStore.State.CLOSED);
        assertThat(w.issue(c.number()).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(workingNotices(c)).isEmpty();
    }
}
