package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.sim.github.GitHubCommentView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A release reaches every GitHub issue its GitHub requesters follow: the issue's own GitHub issue and the ones linked
 * beside it (with {@code /link}, or by merging an issue that had its own) each get exactly one ship comment and are
 * closed as completed, through GitHub being down at publish time and a stop before the ship was recorded.
 */
class GitHubShipLinkedEndToEndTest extends GitHubEndToEnd {

    @Test
    void aReleaseCommentsOnceOnTheOwnAndEachLinkedGitHubIssueAndClosesThemAcrossAnOutageAndARestart() throws Exception {
        world("  poll-interval: 60s\n");
        Captured c = w.captureExported(w.alice, "Export loses colours", "The PDF export is grey");
        int own = w.githubNumberOf(c);
        int first = w.repo.openIssue("octocat", "PDF export has no colour", "Since 2.3 every export is grey.");
        int second = w.repo.openIssue("hubber", "Grey exports", "All my PDFs are grey.");
        assertThat(link(c.number(), "#" + first)).startsWith("Linked GitHub #" + first);
        assertThat(link(c.number(), w.repo.htmlUrl(second))).startsWith("Linked GitHub #" + second);
        w.awaitExported(c.number());

        // GitHub is down when the release is published: nothing is lost, everything is done once it is back
        w.github.faults().outage();
        w.publishByHand("1.4.0", "#" + c.number());
        w.clock.advance(Duration.ofMinutes(30));
        assertThat(w.repo.comments(own)).isEmpty();
        w.github.faults().endOutage();
        awaitShipped(c.number(), own, first, second);
        for (int gh : List.of(own, first, second)) assertShippedOnceAndClosed(gh, "1.4.0");

        // Loop stops after commenting, before recording it: the restart finds every comment and posts none again
        w.stop();
        w.db.transaction(ctx -> ctx.update(Tables.GITHUB_ISSUE)
                .setNull(Tables.GITHUB_ISSUE.SHIPPED_VERSION)
                .execute());
        w.start();
        awaitShipped(c.number(), own, first, second);
        long comments = w.github.counters().requests("POST", "/repos/{owner}/{repo}/issues/{number}/comments");
        w.clock.advance(Duration.ofMinutes(5));
        GitHubSync sync = w.feature().sync().orElseThrow();
        long rounds = sync.rounds();
        w.sim.await("ten more rounds", () -> sync.rounds() >= rounds + 10);
        for (int gh : List.of(own, first, second)) {
            assertThat(w.repo.comments(gh)).as("comments on GitHub #" + gh).hasSize(1);
        }
        assertThat(w.github.counters().requests("POST", "/repos/{owner}/{repo}/issues/{number}/comments"))
                .isEqualTo(comments);
    }

    @Test
    void aMergedIssuesGitHubIssuesHearOfTheReleaseOfTheIssueTheyWereMergedInto() throws Exception {
        world("  poll-interval: 60s\n");
        Captured into = w.captureExported(w.alice, "Export loses colours", "The PDF export is grey");
        Captured from = w.captureExported(w.bob, "Grey PDF", "My PDF export has no colours");
        int intoOwn = w.githubNumberOf(into), fromOwn = w.githubNumberOf(from);
        int linked = w.repo.openIssue("octocat", "PDF export has no colour", "Since 2.3 every export is grey.");
        assertThat(link(from.number(), "#" + linked)).startsWith("Linked GitHub #" + linked);
        String merged = w.erin.runSlash(w.team, "issue merge", Map.of("from", from.number(), "into", into.number()))
                .awaitReply()
                .content();
        assertThat(merged).contains("Merged");
        w.awaitExported(from.number());

        w.publishByHand("2.0.0", "#" + into.number());
        awaitShipped(into.number(), intoOwn, fromOwn, linked);
        for (int gh : List.of(intoOwn, fromOwn, linked)) {
            assertThat(w.repo.comments(gh).stream()
                            .map(GitHubCommentView::body)
                            .filter(b -> b.contains(GitHubBody.shippedMarker("2.0.0"))))
                    .as("ship comments on GitHub #" + gh)
                    .hasSize(1);
        }
        // the merged one stays closed as not planned: it was closed for the merge, not by the release
        assertThat(w.repo.issue(fromOwn).stateReason()).isEqualTo("not_planned");
        assertThat(w.repo.issue(linked).stateReason()).isEqualTo("completed");
    }

    private void awaitShipped(int number, int... githubNumbers) {
        w.sim.await("ship comments and closes", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            for (int gh : githubNumbers) if (w.repo.issue(gh).open()) return false;
            return w.state().row(number).map(r -> r.shippedVersion() != null).orElse(false);
        });
    }

    private String link(int issue, String github) {
        return w.erin.runSlash(w.team, "link", Map.of("issue", issue, "github", github))
                .awaitReply()
                .content();
    }
}
