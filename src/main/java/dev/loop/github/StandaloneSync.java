package dev.loop.github;

import dev.loop.core.Database;
import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.util.List;

/**
 * The sync without Discord: people are named generically, GitHub requesters go straight to the issue store (no bump
 * notices, no cards). Measuring the sync (the GitHub benchmark) needs exactly the product's export, pacing and
 * polling, without a Discord connection around it.
 */
public final class StandaloneSync {
    private StandaloneSync() {}

    public static GitHubSync create(
            GitHubSettings settings, Database db, Clock clock, ExportTiming timing, GitHubSync.Sleeper sleeper) {
        IssueStore issues = new IssueStore(db);
        return new GitHubSync(
                settings,
                issues,
                new GitHubStore(db),
                () -> Hub4jGateway.connect(settings.apiUrl(), settings.token().value(), settings.repo(), clock),
                clock,
                timing,
                id -> "a Discord member",
                priority -> "",
                version -> java.util.Optional.empty(),
                (number, githubId, login) -> issues.addGitHubRequester(number, githubId, login, null, clock.instant()),
                List.of(),
                number -> {},
                null, // no pull requests or releases: the benchmark measures export and polling
                null,
                sleeper);
    }
}
