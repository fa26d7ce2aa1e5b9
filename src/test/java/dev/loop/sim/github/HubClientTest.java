package dev.loop.sim.github;

import dev.loop.core.MovableClock;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * The frame of the simulator tests that speak to it through the real hub4j client, as Loop does: a GitHub simulator
 * on a stopped clock holding the repository acme/app, and a client signed in as its owner acme. The simulator is
 * closed after each test.
 */
abstract class HubClientTest {

    final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-03-01T10:00:00Z"));
    GitHubSim sim;
    SimRepository repo;
    GitHub gh;

    @BeforeEach
    final void startSimulator() throws IOException {
        sim = GitHubSim.start(clock);
        repo = sim.repo("acme/app");
        gh = client(sim, sim.token("acme"));
    }

    @AfterEach
    final void closeSimulator() {
        sim.close();
    }

    /** A hub4j client of {@code sim} signed in with {@code token} that fails instead of waiting out a limit. */
    static GitHub client(GitHubSim sim, String token) throws IOException {
        return new GitHubBuilder()
                .withEndpoint(sim.apiUrl())
                .withOAuthToken(token)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                .build();
    }
}
