package dev.loop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as {@code ./run.sh sandbox} plays it, with GitHub: the story, then the GitHub scene — sam's pull
 * request "Fixes #…", the requester told, the merge, the release published on GitHub, its preview in #team, erin's
 * Publish and the docs review issue.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class GitHubSandboxTest {

    @Test
    void theGitHubSceneRunsWithGitHub(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SandboxSession session = SandboxSession.start(dir, Duration.ofSeconds(20), Duration.ofDays(7))) {
            Community c = session.community();
            Narrator narrator = new Narrator(c, new PrintStream(printed, true, StandardCharsets.UTF_8));
            GitHubScene.Outcome o = new GitHubScene(
                            c, narrator, session.clock(), session.github().repo())
                    .play();

            assertThat(o.workingNotice().content()).contains("working on it now");
            // the preview now says who published it
            assertThat(o.preview().content()).contains("published **" + GitHubScene.VERSION + "**");
            assertThat(o.shipNotice().content()).contains(GitHubScene.VERSION);
            assertThat(o.review().title()).isEqualTo("Docs and copy to review for v" + GitHubScene.VERSION);
            assertThat(o.review().labels()).contains("docs review");
            assertThat(o.review().body()).contains("**Loop #" + o.issue() + "** Export boards as PDF");
            assertThat(o.reviewLink().content()).contains("#" + o.review().number());
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out)
                    .contains(
                            "▶ sam opens pull request “Export boards as PDF” on GitHub: “Fixes #" + o.githubIssue(),
                            "was published on GitHub",
                            "▶ erin presses [Publish] in #team",
                            "Docs and copy to review for v" + GitHubScene.VERSION);
        }
    }
}
