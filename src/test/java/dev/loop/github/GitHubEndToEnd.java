package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The frame of a GitHub story: each test opens its own {@link GitHubWorld} with {@link #world(String)} (its GitHub
 * settings differ from test to test) and it is closed after the test, whatever happened.
 */
abstract class GitHubEndToEnd {

    /** The running test's world, once it opened one. */
    GitHubWorld w;

    /** Opens this test's world; {@code githubYaml} goes below {@code github:} in loop.yaml. */
    GitHubWorld world(String githubYaml) throws Exception {
        w = new GitHubWorld(githubYaml);
        return w;
    }

    /**
     * Opens a world that reads GitHub's pull requests and releases every minute and where {@code sam} has a GitHub
     * account to open them with; {@code moreYaml} adds to the {@code github:} section.
     */
    GitHubWorld pollingWorldWithSam(String moreYaml) throws Exception {
        world("  poll-interval: 60s\n" + moreYaml);
        w.github.user("sam");
        return w;
    }

    /** Loop's notices in {@code c}'s post that someone is working on the issue now. */
    static List<SimMessage> workingNotices(Captured c) {
        return c.post().messages().stream()
                .filter(m -> m.fromBot() && m.content().contains("working on it now"))
                .toList();
    }

    /**
     * GitHub issue {@code githubNumber} holds exactly one comment, Loop's ship comment for {@code version} as
     * {@link GitHubWorld#publishByHand} publishes it (with its marker, a link to Discord and the snippet), and was
     * closed as completed.
     */
    void assertShippedOnceAndClosed(int githubNumber, String version) {
        assertThat(w.repo.comments(githubNumber))
                .as("comments on GitHub #" + githubNumber)
                .singleElement()
                .satisfies(cm -> {
                    assertThat(cm.author()).isEqualTo(GitHubWorld.BOT);
                    assertThat(cm.body())
                            .contains(GitHubBody.shippedMarker(version))
                            .contains("**" + version + "**")
                            .contains("https://discord.com/channels/")
                            .contains("loop --version");
                });
        assertThat(w.repo.issue(githubNumber).stateReason()).isEqualTo("completed");
    }

    @AfterEach
    final void closeWorld() {
        if (w != null) w.close();
        w = null;
    }
}
