package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.util.List;
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
        Captured c = w.capture(w.alice, "Dark mode", "Please add dark mode");
        GitHubIssueView gh = w.awaitExported(c.number());

        int pr = w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + gh.number() + "\n\nAdds a dark theme.", true);
        w.pollPulls();
        w.pollPulls();
        assertThat(issue(c.number()).status()).as("a draft changes nothing").isEqualTo(IssueStatus.OPEN);
        assertThat(workingNotices(c)).isEmpty();

        w.repo.markReady(pr);
        w.sim.await("the issue in progress", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.IN_PROGRESS;
        });
        assertThat(issue(c.number()).ownerId()).as("sam is erin on Discord").isEqualTo(w.erin.id());
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));

        // edited, closed (back to open, nobody told), reopened, and Loop restarted: still one notice
        w.repo.editPullRequestBody(pr, "Fixes #" + gh.number() + "\n\nAdds a dark theme, with tests.");
        w.pollPulls();
        w.repo.closePullRequest("sam", pr);
        w.sim.await("the issue open again", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.OPEN;
        });
        w.repo.reopenPullRequest("sam", pr);
        w.sim.await("the issue in progress again", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.IN_PROGRESS;
        });
        w.stop();
        w.start();
        w.pollPulls();
        w.pollPulls();
        assertThat(workingNotices(c)).hasSize(1);

        String sha = w.repo.mergePullRequest("erin", pr);
        w.sim.await("the issue fixed", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return issue(c.number()).status() == IssueStatus.FIXED;
        });
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
        Captured c = w.capture(w.alice, "Export to CSV", "Please export to CSV");
        GitHubIssueView gh = w.awaitExported(c.number());
        w.issues().setStatus(c.number(), IssueStatus.IN_PROGRESS, "started by hand", w.erin.id(), w.clock.instant());

        int pr = w.repo.openPullRequest(
                "octocat", "CSV export", "closes " + w.repo.fullName() + "#" + gh.number(), false);
        w.sim.await("the pull request recorded", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return new PullStore(w.db).row(pr, c.number()).isPresent();
        });
        w.pollPulls();
        assertThat(workingNotices(c)).isEmpty();
        assertThat(issue(c.number()).ownerId()).isNull();

        // closed unmerged: it was in progress before the pull request, so it stays so
        w.repo.closePullRequest("octocat", pr);
        w.sim.await("the pull request closed", () -> {
            w.clock.advance(java.time.Duration.ofSeconds(61));
            return new PullStore(w.db).row(pr, c.number()).orElseThrow().state() == PullStore.State.CLOSED;
        });
        assertThat(issue(c.number()).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(workingNotices(c)).isEmpty();
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
