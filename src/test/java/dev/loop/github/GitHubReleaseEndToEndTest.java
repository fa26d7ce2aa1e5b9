package dev.loop.github;

import static dev.loop.db.Tables.RELEASE_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A release published on GitHub becomes Loop's release preview in the team channel, end to end: the issues whose
 * fixing pull request's merge commit the tag contains, the notes and their code block; offered once across a
 * restart; an engineer's Publish ships exactly those issues and tells their requesters.
 */
class GitHubReleaseEndToEndTest extends GitHubEndToEnd {

    @Test
    void aReleaseWhoseTagHoldsTwoOfThreeMergedFixesOffersExactlyThoseTwoOnceAndPublishShipsThem() throws Exception {
        pollingWorldWithSam("");
        Captured dark = w.captureExported(w.alice, "Dark mode", "Please add dark mode");
        Captured csv = w.captureExported(w.bob, "CSV export", "Please export to CSV");
        Captured emoji = w.captureExported(w.carol, "Sync drops emoji", "Emoji vanish after sync");

        int prDark = w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + w.githubNumberOf(dark), false);
        int prCsv = w.repo.openPullRequest("sam", "CSV export", "Closes #" + w.githubNumberOf(csv), false);
        int prEmoji = w.repo.openPullRequest("sam", "Keep emoji", "Resolves #" + w.githubNumberOf(emoji), false);
        w.repo.mergePullRequest("sam", prDark);
        w.repo.mergePullRequest("sam", prCsv);
        w.repo.tag("v1.4.0", w.repo.defaultBranch());
        w.repo.mergePullRequest("sam", prEmoji);
        w.awaitStatus(IssueStatus.FIXED, dark.number(), csv.number(), emoji.number());

        w.repo.publishRelease(
                "v1.4.0", "1.4.0", "Dark mode and CSV export.\n\n```\nwidget --theme dark\n```\n", false, false);
        w.awaitPolled("the preview in the team channel", () -> !previews().isEmpty());
        SimMessage preview = previews().getFirst();
        assertThat(offeredIssues()).isEqualTo(dark.number() + " " + csv.number());
        assertThat(preview.content())
                .contains("**1.4.0**", "#" + dark.number(), "#" + csv.number())
                .doesNotContain("#" + emoji.number());
        assertThat(preview.embeds().getFirst().description()).contains("widget --theme dark");

        w.stop();
        w.start();
        w.pollPulls();
        w.pollPulls();
        assertThat(previews()).hasSize(1);

        w.erin.pressButton(previews().getFirst(), "Publish").awaitUpdate();
        w.awaitStatus(IssueStatus.SHIPPED, dark.number(), csv.number());
        assertThat(w.issues().find(dark.number()).orElseThrow().shippedVersion())
                .isEqualTo("1.4.0");
        assertThat(w.issues().find(emoji.number()).orElseThrow().status()).isEqualTo(IssueStatus.FIXED);
        w.releases.awaitMessage(m -> m.fromBot() && m.content().contains("1.4.0"));
        w.sim.await("the ship comment on GitHub", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            return w.repo.comments(w.githubNumberOf(dark)).stream()
                    .anyMatch(c -> c.body().contains("Shipped in **1.4.0**"));
        });
        // the one preview now says who published it, and no other was posted
        assertThat(previews()).isEmpty();
        assertThat(w.team.messages().stream()
                        .filter(m -> m.fromBot() && m.content().contains("published **1.4.0**")))
                .hasSize(1);
    }

    private List<SimMessage> previews() {
        return w.team.messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("was published on GitHub"))
                .toList();
    }

    private String offeredIssues() {
        return w.db.read(
                ctx -> ctx.select(RELEASE_OFFER.ISSUES).from(RELEASE_OFFER).fetchOne(RELEASE_OFFER.ISSUES));
    }
}
