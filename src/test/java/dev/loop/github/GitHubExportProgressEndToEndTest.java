package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.sim.SimMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Turning sync on for a database that already holds issues: they are exported gradually (here one write a minute),
 * the oldest open issue first, and {@code /stats} says how far the export has come.
 */
class GitHubExportProgressEndToEndTest extends GitHubEndToEnd {

    @Test
    void existingIssuesAreExportedOldestOpenFirstWithProgressInStats() throws Exception {
        world("  writes-per-minute: 1\n");
        // Loop's labels are created at the first connect (at one write a minute they would hold the export back)
        w.sim.await("Loop's labels", () -> w.repo.labels().contains("priority: high"));
        w.stop();
        IssueStore issues = w.issues();
        for (int i = 1; i <= 5; i++) {
            w.community.seedIssue(
                    new NewIssue("Old issue " + i, IssueKind.BUG, "Something old " + i, false, null, null),
                    1000L + i,
                    w.alice);
        }
        issues.setStatus(1, IssueStatus.CLOSED, "closed long ago", w.erin.id(), w.clock.instant());
        w.clock.advance(Duration.ofSeconds(5));
        w.start();

        // one write a minute: the first export goes at once, the next waits its turn
        w.sim.await("the first export", () -> w.state().progress().onGitHub() >= 1);
        assertThat(w.githubNumber(2)).isPresent(); // the oldest open issue, not the closed #1
        assertThat(w.githubNumber(1)).isEmpty();
        SimMessage stats = w.erin.runSlash(w.team, "stats show")
                .awaitReply(m -> !m.embeds().isEmpty());
        assertThat(stats.content()).isEqualTo("GitHub: 1 of 5 issues exported.");
    }

    @Test
    void theProgressLineReadsAsASentence() {
        assertThat(GitHubFeature.progressLine(340, 1000)).isEqualTo("GitHub: 340 of 1,000 issues exported.");
        assertThat(GitHubFeature.progressLine(1000, 1000)).isEqualTo("GitHub: all 1,000 issues exported.");
    }
}
