package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_RELEASE;
import static dev.loop.db.Tables.RELEASE;
import static dev.loop.db.Tables.RELEASE_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code github.auto-publish} and {@code github.include-prereleases}, end to end: a release published on GitHub is
 * published in Loop without a press, exactly once even when Loop stops between recording the offer and publishing
 * it; drafts are never offered, pre-releases only when included.
 */
class GitHubAutoPublishEndToEndTest extends GitHubEndToEnd {

    @Test
    void aPublishedPreReleaseIsPublishedWithoutAPressExactlyOnceAcrossAStopAndADraftIsNotOffered() throws Exception {
        pollingWorldWithSam("  auto-publish: true\n  include-prereleases: true\n");
        Captured dark = w.captureExported(w.alice, "Dark mode", "Please add dark mode");
        Captured csv = w.captureExported(w.bob, "CSV export", "Please export to CSV");
        // still open when the others ship, so releases keep being read
        w.awaitExported(w.capture(w.carol, "Sync drops emoji", "Emoji vanish").number());
        w.repo.mergePullRequest(
                "sam", w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + w.githubNumberOf(dark), false));
        w.awaitStatus(IssueStatus.FIXED, dark.number());
        releaseOnGitHub("v3.0.0-rc1", "3.0.0 RC 1", "Dark mode to try.", true, true);
        assertNothingOfferedAfterTwoReads("a draft is not published yet");

        // the pre-release is published on GitHub: Loop publishes it and says so, once
        long prerelease = releaseOnGitHub("v3.0.0-rc2", "3.0.0 RC 2", "Dark mode to try.", false, true);
        w.awaitPolled(
                "3.0.0-rc2 published",
                () -> "3.0.0-rc2"
                        .equals(w.issues().find(dark.number()).orElseThrow().shippedVersion()));
        SimMessage note =
                w.team.awaitMessage(m -> m.fromBot() && m.content().contains("so Loop published it here too"));
        assertThat(note.content()).contains("**3.0.0-rc2**", "#" + dark.number());
        assertThat(note.buttonLabels()).isEmpty();
        dark.post().awaitMessage(m -> m.fromBot() && m.content().contains("3.0.0-rc2"));

        // stopped after recording the next offer but before publishing it (as a kill -9 would leave it), and before
        // the release was marked offered: the next start publishes it once, the next poll offers nothing new
        w.repo.mergePullRequest("sam", w.repo.openPullRequest("sam", "CSV", "Fixes #" + w.githubNumberOf(csv), false));
        w.awaitStatus(IssueStatus.FIXED, csv.number());
        w.stop();
        long stable = releaseOnGitHub("v3.0.0", "3.0.0", "CSV export.", false, false);
        w.db.transaction(ctx -> ctx.insertInto(RELEASE_OFFER)
                .set(RELEASE_OFFER.SOURCE_KEY, "github-release:" + stable)
                .set(RELEASE_OFFER.VERSION, "3.0.0")
                .set(RELEASE_OFFER.ISSUES, String.valueOf(csv.number()))
                .set(RELEASE_OFFER.NOTES, "CSV export.")
                .set(RELEASE_OFFER.STATE, "offered")
                .set(RELEASE_OFFER.CREATED_AT, w.clock.millis())
                .execute());
        w.start();
        w.sim.await(
                "3.0.0 published",
                () -> "3.0.0".equals(w.issues().find(csv.number()).orElseThrow().shippedVersion()));
        w.pollPulls();
        w.sim.await(
                "the release marked offered",
                () -> w.db.<Boolean>read(ctx -> ctx.fetchExists(GITHUB_RELEASE, GITHUB_RELEASE.RELEASE_ID.eq(stable))));
        csv.post().awaitMessage(m -> m.fromBot() && m.content().contains("3.0.0"));

        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(RELEASE))).isEqualTo(2);
        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(RELEASE_OFFER))).isEqualTo(2);
        assertThat(notes()).hasSize(2);
        assertThat(w.team.messages().stream()
                        .filter(m -> m.fromBot()
                                && !m.buttonLabels().isEmpty()
                                && m.content().contains("was published on GitHub")))
                .as("no preview waits for a press")
                .isEmpty();
        assertThat(csv.post().messages().stream()
                        .filter(m -> m.fromBot() && m.content().contains("3.0.0")))
                .hasSize(1);
        assertThat(prerelease).isNotEqualTo(stable);
    }

    @Test
    void withoutIncludePrereleasesAPreReleaseIsNotOffered() throws Exception {
        pollingWorldWithSam("");
        Captured dark = w.captureExported(w.alice, "Dark mode", "Please add dark mode");
        w.repo.mergePullRequest(
                "sam", w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + w.githubNumberOf(dark), false));
        w.awaitStatus(IssueStatus.FIXED, dark.number());
        releaseOnGitHub("v4.0.0-beta", "4.0.0 beta", "Try it.", false, true);
        assertNothingOfferedAfterTwoReads("a pre-release without include-prereleases");
        assertThat(w.team.messages().stream().filter(m -> m.content().contains("4.0.0")))
                .isEmpty();
    }

    /** Tags the default branch and publishes a release of the tag on GitHub (or saves it as a draft): its id. */
    private long releaseOnGitHub(String tag, String name, String notes, boolean draft, boolean prerelease) {
        w.repo.tag(tag, w.repo.defaultBranch());
        return w.repo.publishRelease(tag, name, notes, draft, prerelease);
    }

    /** Loop reads GitHub's pull requests and releases twice more and still has offered no release. */
    private void assertNothingOfferedAfterTwoReads(String why) {
        w.pollPulls();
        w.pollPulls();
        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(RELEASE_OFFER)))
                .as(why)
                .isZero();
    }

    private List<SimMessage> notes() {
        return w.team.messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("so Loop published it here too"))
                .toList();
    }
}
