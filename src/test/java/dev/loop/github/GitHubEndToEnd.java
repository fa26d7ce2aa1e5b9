package dev.loop.github;

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

    @AfterEach
    final void closeWorld() {
        if (w != null) w.close();
        w = null;
    }
}
