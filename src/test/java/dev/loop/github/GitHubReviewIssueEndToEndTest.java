package dev.loop.github;

import static dev.loop.db.Tables.DOCS_REVIEW_ITEM;
import static dev.loop.db.Tables.GITHUB_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With GitHub configured, a release's docs and copy review becomes one GitHub issue "Docs and copy to review for
 * vX.Y.Z" — a checkbox for the announcement and one per flagged issue with its link, labelled — and the team channel
 * gets its link instead of the checklist; created once even when Loop stops between creating and recording it. The
 * boxes people tick there are what /release-status shows, read without a counted request while nothing changes.
 */
class GitHubReviewIssueEndToEndTest extends GitHubEndToEnd {

    @Test
    void theReviewIsOneLabelledGitHubIssueCreatedOnceAcrossAStopAndTheTeamGetsItsLink() throws Exception {
        world("");
        SimChannel post = w.alice.postInForum(w.support, "Dark mode", "Please add dark mode");
        Captured dark = Captured.viaCommand(
                w.erin, post, Map.of("kind", "feature", "needs_docs", "yes", "summary", "A dark theme for the app"));
        Captured csv = w.capture(w.bob, "CSV export", "Please export to CSV");
        GitHubIssueView ghDark = w.awaitExported(dark.number());
        w.awaitExported(csv.number());

        SimMessage preview = w.erin.runSlash(
                        w.team,
                        "release",
                        Map.of("version", "1.4.0", "issues", "#" + dark.number() + " #" + csv.number()))
                .awaitModal()
                .submit(Map.of("notes", "Dark mode and CSV export.", "snippet", "widget --theme dark"))
                .awaitReply();
        assertThat(preview.content()).contains("becomes one issue on GitHub, acme/widget");
        w.erin.pressButton(preview, "Publish").awaitUpdate();

        GitHubIssueView review = awaitReviewIssue();
        assertThat(review.author()).isEqualTo(GitHubWorld.BOT);
        assertThat(review.labels()).containsExactly("docs review");
        assertThat(w.repo.labels()).contains("docs review");
        assertThat(review.body())
                .contains("- [ ] The announcement text: https://discord.com/channels/")
                .contains("- [ ] **Loop #" + dark.number() + "** Dark mode (")
                .contains(w.repo.htmlUrl(ghDark.number()))
                .contains("A dark theme for the app")
                .doesNotContain("CSV export")
                .contains(ReviewIssueBody.marker(releaseId()));
        SimMessage link = w.team.awaitMessage(m -> m.fromBot() && m.content().contains("docs and copy to review"));
        assertThat(link.content()).contains("**1.4.0**", "#" + review.number(), w.repo.htmlUrl(review.number()));
        assertThat(checklistMessages())
                .as("no team-channel checklist with GitHub")
                .isEmpty();

        // stopped after GitHub created it but before the row said so, and before the team was told: adopted, not
        // created again, and the team's link is not posted twice
        long creates = w.creates();
        w.stop();
        w.db.transaction(ctx -> ctx.update(GITHUB_REVIEW)
                .set(GITHUB_REVIEW.STATE, "creating")
                .setNull(GITHUB_REVIEW.GITHUB_NUMBER)
                .setNull(GITHUB_REVIEW.URL)
                .setNull(GITHUB_REVIEW.TOLD_AT)
                .execute());
        w.start();
        w.sim.await("the review adopted and told", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            return w.db.<Boolean>read(ctx -> ctx.fetchExists(GITHUB_REVIEW, GITHUB_REVIEW.TOLD_AT.isNotNull()));
        });
        assertThat(w.db.<Integer>read(ctx -> ctx.select(GITHUB_REVIEW.GITHUB_NUMBER)
                        .from(GITHUB_REVIEW)
                        .fetchOne(GITHUB_REVIEW.GITHUB_NUMBER)))
                .isEqualTo(review.number());
        assertThat(w.creates()).isEqualTo(creates);
        assertThat(reviewIssues()).hasSize(1);
        assertThat(w.team.messages().stream()
                        .filter(m -> m.fromBot() && m.content().contains("docs and copy to review")))
                .hasSize(1);
    }

    @Test
    void releaseStatusShowsWhichBoxesAreTickedOnGitHubAndTheReviewIssuesLink() throws Exception {
        w = new GitHubWorld("");
        SimChannel post = w.alice.postInForum(w.support, "Dark mode", "Please add dark mode");
        Captured dark = Captured.viaCommand(
                w.erin, post, Map.of("kind", "feature", "needs_docs", "yes", "summary", "A dark theme for the app"));
        w.awaitExported(dark.number());
        SimMessage preview = w.erin.runSlash(
                        w.team, "release", Map.of("version", "1.4.0", "issues", "#" + dark.number()))
                .awaitModal()
                .submit(Map.of("notes", "Dark mode.", "snippet", "widget --theme dark"))
                .awaitReply();
        w.erin.pressButton(preview, "Publish").awaitUpdate();
        GitHubIssueView review = awaitReviewIssue();
        w.team.awaitMessage(m -> m.fromBot() && m.content().contains("docs and copy to review"));
        assertThat(status())
                .contains("Docs/copy review: 0 of 2 reviewed, on GitHub: " + w.repo.htmlUrl(review.number()) + ".")
                .contains("• The announcement text: not reviewed")
                .contains("• #" + dark.number() + " Dark mode: not reviewed");

        // someone ticks the dark mode box on GitHub (GitHub's own checkbox edits the body to "- [x]")
        String issueBox = "- [ ] **Loop #" + dark.number() + "**";
        assertThat(review.body()).contains(issueBox);
        w.repo.editBody(review.number(), review.body().replace(issueBox, "- [x] **Loop #" + dark.number() + "**"));
        awaitReviewed(dark.number(), true);
        assertThat(status())
                .contains("Docs/copy review: 1 of 2 reviewed, on GitHub: " + w.repo.htmlUrl(review.number()) + ".")
                .contains("• The announcement text: not reviewed")
                .contains("• #" + dark.number() + " Dark mode: reviewed (ticked on GitHub, seen <t:");

        // The tick changed the issue, so the first read of the issue and of the repository's issue list after it
        // are answered in full (and counted); the tick is seen by the first, the second may come a little later.
        long issueReads = w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues/{number}");
        long listReads = w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues");
        w.awaitPolled(
                "a round of polling after the tick",
                () -> w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues/{number}") > issueReads
                        && w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues") > listReads);

        // nothing changed on GitHub since: the review issue is read again, conditionally, and GitHub counts nothing
        long reads = w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues/{number}");
        long counted = w.github.counters().counted();
        w.awaitPolled(
                "the review issue read twice more",
                () -> w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues/{number}") >= reads + 2);
        assertThat(w.github.counters().counted()).isEqualTo(counted);

        // unticked on GitHub: not reviewed any more
        w.repo.editBody(review.number(), review.body());
        awaitReviewed(dark.number(), false);
        assertThat(status()).contains("Docs/copy review: 0 of 2 reviewed", "Dark mode: not reviewed");
    }

    private String status() {
        return w.erin.runSlash(w.team, "release-status", Map.of("version", "1.4.0"))
                .awaitReply()
                .content();
    }

    private void awaitReviewed(int number, boolean reviewed) {
        w.awaitPolled(
                "#" + number + (reviewed ? " reviewed" : " not reviewed"),
                () -> w.db.<Boolean>read(ctx -> ctx.fetchExists(
                        DOCS_REVIEW_ITEM,
                        DOCS_REVIEW_ITEM
                                .ISSUE_NUMBER
                                .eq(number)
                                .and(
                                        reviewed
                                                ? DOCS_REVIEW_ITEM.REVIEWED_AT.isNotNull()
                                                : DOCS_REVIEW_ITEM.REVIEWED_AT.isNull()))));
    }

    private GitHubIssueView awaitReviewIssue() {
        w.sim.await("the review issue on GitHub", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            return !reviewIssues().isEmpty();
        });
        return reviewIssues().getFirst();
    }

    private List<GitHubIssueView> reviewIssues() {
        return w.repo.issues().stream()
                .filter(i -> i.title().equals("Docs and copy to review for v1.4.0"))
                .toList();
    }

    private long releaseId() {
        return w.db.<Integer>read(
                ctx -> ctx.select(GITHUB_REVIEW.RELEASE_ID).from(GITHUB_REVIEW).fetchOne(GITHUB_REVIEW.RELEASE_ID));
    }

    private List<SimMessage> checklistMessages() {
        return w.team.messages().stream()
                .filter(m -> m.fromBot() && m.buttonLabels().contains("Reviewed"))
                .toList();
    }
}
