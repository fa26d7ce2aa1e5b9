package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_RELEASE;
import static dev.loop.db.Tables.RELEASE_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import dev.loop.sim.github.GitHubCommentView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishing a release that was published on GitHub, end to end: Publish on the preview in the team channel tells
 * each requester once with the version — Discord requesters in their thread, GitHub requesters by the one ship
 * comment — and a stop at any step between offering, publishing and the notices (as a kill -9 would leave the
 * database) loses and duplicates nothing.
 */
class GitHubReleasePublishEndToEndTest extends GitHubEndToEnd {

    @Test
    void publishTellsEachRequesterOnceWithTheVersionAcrossStopsBetweenOfferPublishAndNotices() throws Exception {
        pollingWorldWithSam("");
        w.github.user("octocat");
        Captured dark = w.captureExported(w.alice, "Dark mode", "Please add dark mode");
        w.bob.pressButton(dark.card(), "Me too").awaitReply();
        w.repo.react("octocat", w.githubNumberOf(dark), "+1");
        w.awaitPolled(
                "octocat a requester",
                () -> w.issues().githubLogins(dark.number()).containsValue("octocat"));

        int pr = w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + w.githubNumberOf(dark), false);
        w.repo.mergePullRequest("sam", pr);
        w.awaitStatus(IssueStatus.FIXED, dark.number());
        w.repo.tag("v2.0.0", w.repo.defaultBranch());
        w.repo.publishRelease("v2.0.0", "2.0.0", "Dark mode.\n\n```\nwidget --theme dark\n```\n", false, false);
        w.awaitPolled("the preview in the team channel", () -> !previews().isEmpty());

        // stopped after posting the preview but before recording it, and before the release was marked offered:
        // the next start posts it again with the same nonce (Discord hands back the first) and offers nothing new
        w.stop();
        w.db.transaction(ctx -> {
            ctx.update(RELEASE_OFFER).setNull(RELEASE_OFFER.MESSAGE_ID).execute();
            ctx.deleteFrom(GITHUB_RELEASE).execute();
        });
        w.start();
        w.sim.await("the preview recorded again", () -> offerMessage() != null);
        w.pollPulls();
        w.pollPulls();
        assertThat(previews()).hasSize(1);
        assertThat(offerMessage()).isEqualTo(previews().getFirst().id());
        assertThat(w.db.<Integer>read(ctx -> ctx.fetchCount(RELEASE_OFFER))).isEqualTo(1);

        // Publish, then a stop before the notices are out: they go out at the next start, each once
        w.erin.pressButton(previews().getFirst(), "Publish").awaitUpdate();
        assertThat(w.db.<String>read(ctx ->
                        ctx.select(RELEASE_OFFER.STATE).from(RELEASE_OFFER).fetchOne(RELEASE_OFFER.STATE)))
                .isEqualTo("published");
        w.stop();
        w.start();
        w.sim.await("the ship comment on GitHub", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            return !shipComments(w.githubNumberOf(dark)).isEmpty();
        });
        w.sim.await("alice and bob told", () -> told(w.alice) == 1 && told(w.bob) == 1);
        w.releases.awaitMessage(m -> m.fromBot() && m.content().contains("2.0.0"));

        // and once more: nothing is sent twice, the release is not offered again (with every issue released,
        // pull requests and releases are not even read)
        w.stop();
        w.start();
        for (int i = 0; i < 3; i++) {
            w.clock.advance(Duration.ofSeconds(61));
            long rounds = w.feature().sync().orElseThrow().rounds();
            w.sim.await(
                    "the worker comes round",
                    () -> w.feature().sync().orElseThrow().rounds() >= rounds + 3);
        }
        assertThat(told(w.alice)).isEqualTo(1);
        assertThat(told(w.bob)).isEqualTo(1);
        assertThat(shipComments(w.githubNumberOf(dark)))
                .singleElement()
                .satisfies(c -> assertThat(c.body()).contains("**2.0.0**"));
        assertThat(w.releases.messages().stream()
                        .filter(m -> m.fromBot() && m.content().contains("2.0.0")))
                .hasSize(1);
        assertThat(w.issues().find(dark.number()).orElseThrow().shippedVersion())
                .isEqualTo("2.0.0");
        assertThat(previews()).isEmpty(); // the one preview now says who published it
        assertThat(w.team.messages().stream()
                        .filter(m -> m.fromBot() && m.content().contains("published **2.0.0**")))
                .hasSize(1);
    }

    @Test
    void anEditedPreviewPublishesTheEditedValuesAndAFormFromBeforeTheEditIsRefused() throws Exception {
        pollingWorldWithSam("");
        Captured dark = w.captureExported(w.alice, "Dark mode", "Please add dark mode");
        Captured csv = w.captureExported(w.bob, "CSV export", "Please export to CSV");
        w.repo.mergePullRequest(
                "sam", w.repo.openPullRequest("sam", "Dark mode", "Fixes #" + w.githubNumberOf(dark), false));
        w.repo.mergePullRequest("sam", w.repo.openPullRequest("sam", "CSV", "Fixes #" + w.githubNumberOf(csv), false));
        w.awaitPolled(
                "both fixed",
                () -> w.issues().find(dark.number()).orElseThrow().status() == IssueStatus.FIXED
                        && w.issues().find(csv.number()).orElseThrow().status() == IssueStatus.FIXED);
        w.repo.tag("v1.5.0", w.repo.defaultBranch());
        w.repo.publishRelease("v1.5.0", "1.5.0", "Dark mode and CSV.\n\n```\nwidget --theme dark\n```\n", false, false);
        w.awaitPolled("the preview in the team channel", () -> !previews().isEmpty());
        SimMessage preview = previews().getFirst();
        assertThat(preview.buttonLabels()).containsExactly("Publish", "Edit", "Cancel");

        SimModal form = w.erin.pressButton(preview, "Edit").awaitModal();
        SimModal older = w.erin.pressButton(preview, "Edit").awaitModal();
        assertThat(form.value("version")).isEqualTo("1.5.0");
        assertThat(form.value("issues")).isEqualTo("#" + dark.number() + " #" + csv.number());
        assertThat(form.value("notes")).startsWith("Dark mode and CSV.");
        assertThat(form.value("snippet")).isEqualTo("widget --theme dark");
        SimMessage changed = form.submit(Map.of(
                        "version", "1.5.1",
                        "issues", "#" + dark.number(),
                        "notes", "Dark mode, at last.",
                        "snippet", "widget --dark"))
                .awaitReply();
        assertThat(changed.ephemeral()).isTrue();
        assertThat(changed.content()).contains("**1.5.1** changed");
        w.sim.await("the preview redrawn", () -> previews().getFirst().content().contains("**1.5.1**"));
        assertThat(previews().getFirst().content())
                .contains("#" + dark.number())
                .doesNotContain("#" + csv.number());
        assertThat(previews().getFirst().embeds().getFirst().description()).contains("Dark mode, at last.");

        // the form opened before the edit would overwrite it: refused, nothing changed
        SimMessage refused = older.submit(Map.of("notes", "Something else")).awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .contains("Someone else edited this release")
                .contains("Nothing was changed");
        // a bad edit is refused with a sentence too
        SimMessage bad = w.erin.pressButton(previews().getFirst(), "Edit")
                .awaitModal()
                .submit(Map.of("issues", "#999"))
                .awaitReply();
        assertThat(bad.content()).contains("#999").contains("Nothing was changed");

        w.erin.pressButton(previews().getFirst(), "Publish").awaitUpdate();
        w.sim.await(
                "1.5.1 shipped",
                () -> "1.5.1"
                        .equals(w.issues().find(dark.number()).orElseThrow().shippedVersion()));
        assertThat(w.issues().find(csv.number()).orElseThrow().status()).isEqualTo(IssueStatus.FIXED);
        SimMessage announcement =
                w.releases.awaitMessage(m -> m.fromBot() && m.content().contains("1.5.1"));
        assertThat(announcement.content()).contains("Dark mode, at last.", "widget --dark");
        assertThat(w.releases.messages().stream().filter(m -> m.content().contains("1.5.0")))
                .isEmpty();
    }

    private long told(SimMember m) {
        return m.pingsReceived().stream()
                .filter(x -> x.content().contains("2.0.0"))
                .count();
    }

    private List<GitHubCommentView> shipComments(int gh) {
        return w.repo.comments(gh).stream()
                .filter(c -> c.body().contains(GitHubBody.shippedMarker("2.0.0")))
                .toList();
    }

    private Long offerMessage() {
        return w.db.read(
                ctx -> ctx.select(RELEASE_OFFER.MESSAGE_ID).from(RELEASE_OFFER).fetchOne(RELEASE_OFFER.MESSAGE_ID));
    }

    private List<SimMessage> previews() {
        return w.team.messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("was published on GitHub"))
                .toList();
    }
}
