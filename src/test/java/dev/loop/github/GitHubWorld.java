package dev.loop.github;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Feature;
import dev.loop.core.Loop;
import dev.loop.core.MovableClock;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.issue.IssueStore;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.sim.github.GitHubSim;
import dev.loop.sim.github.SimRepository;
import dev.loop.testing.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real Loop (every feature, GitHub sync on) against the Discord simulator and the GitHub simulator, sharing one
 * hand-moved clock: a support forum, a team and a releases channel, engineer erin, members alice, bob and carol, and
 * the repository acme/widget that Loop writes to as {@code loop-bot}. Coalescing waits are short (2 s of quiet, 5 s
 * between edits) and move with the clock; {@link #stop()} and {@link #start()} restart Loop on the same database.
 */
final class GitHubWorld implements AutoCloseable {

    static final String REPO = "acme/widget";
    static final String BOT = "loop-bot";
    static final GitHubFeature.Tuning TUNING = new GitHubFeature.Tuning(
            Duration.ofMillis(50), new ExportTiming(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-11-30T10:00:00Z"));
    final Sim sim;
    final GitHubSim github;
    final SimRepository repo;
    final SimGuild guild;
    final SimChannel support;
    final SimChannel team;
    final SimChannel releases;
    final SimRole engineers;
    final SimMember erin;
    final SimMember alice;
    final SimMember bob;
    final SimMember carol;
    final Path dir;
    final Database db;
    final Config config;
    private Loop loop;
    private volatile List<Feature> features;

    GitHubWorld(String githubYaml) throws Exception {
        sim = Sim.start(SimOptions.defaults().clock(clock).awaitTimeout(Duration.ofSeconds(20)));
        github = GitHubSim.start(clock);
        repo = github.repo(REPO);
        repo.addCollaborator(BOT);
        String token = github.token(BOT);
        guild = sim.guild("Widget HQ");
        support = guild.forum("support", "installer");
        team = guild.textChannel("team");
        releases = guild.textChannel("releases");
        engineers = guild.role("engineers");
        erin = guild.member("erin").addRole(engineers);
        alice = guild.member("alice");
        bob = guild.member("bob");
        carol = guild.member("carol");
        dir = Files.createTempDirectory("loop-github-e2e");
        config = ConfigLoader.parse(
                ConfigYaml.required(
                                guild.id(),
                                sim.restBaseUrl(),
                                sim.gatewayUrl(),
                                List.of(support.id()),
                                team.id(),
                                releases.id(),
                                engineers.id())
                        + "github:\n  repo: " + REPO + "\n" + githubYaml.replace("{erin}", String.valueOf(erin.id())),
                "e2e.yaml",
                Map.of("GITHUB_TOKEN", token, "LOOP_GITHUB_API_URL", github.apiUrl()));
        db = Database.open(dir.resolve("loop.db"));
        start();
    }

    void start() throws InterruptedException {
        loop = Loop.start(
                config,
                sim.token(),
                clock,
                db,
                false,
                services -> {
                    List<Feature> all = Features.all(services, TUNING);
                    features = all;
                    return all;
                },
                b -> {});
    }

    /** Stops Loop at once: the GitHub worker is interrupted wherever it is. */
    void stop() {
        loop.close();
        loop = null;
        sim.awaitBotDisconnected();
    }

    IssueStore issues() {
        return new IssueStore(db);
    }

    GitHubStore state() {
        return new GitHubStore(db);
    }

    GitHubFeature feature() {
        return features.stream()
                .filter(GitHubFeature.class::isInstance)
                .map(GitHubFeature.class::cast)
                .findFirst()
                .orElseThrow();
    }

    dev.loop.naming.NamingFeature naming() {
        return features.stream()
                .filter(dev.loop.naming.NamingFeature.class::isInstance)
                .map(dev.loop.naming.NamingFeature.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** {@code author} opens a forum post with a few messages; erin captures it. */
    Captured capture(SimMember author, String title, String body, SimMember... others) {
        SimChannel post = author.postInForum(support, title, body);
        for (SimMember o : others) o.say(post, o.name() + " has this too, see @everyone");
        return Captured.viaCommand(erin, post, Map.of("kind", "bug", "needs_docs", "no"));
    }

    /** The GitHub issue of Loop issue {@code number}, once the sync has created it. */
    GitHubIssueView awaitGitHubIssue(int number) {
        sim.await("GitHub issue of #" + number, () -> githubNumber(number).isPresent());
        return repo.issue(githubNumber(number).orElseThrow());
    }

    Optional<Integer> githubNumber(int number) {
        return state().row(number)
                .filter(r -> r.state() == GitHubStore.State.CREATED)
                .map(GitHubStore.Row::githubNumber);
    }

    /** Waits until the GitHub body shows the issue's latest revision, moving the clock past the settle delay. */
    GitHubIssueView awaitExported(int number) {
        sim.await("GitHub body of #" + number + " up to date", () -> {
            clock.advance(Duration.ofSeconds(3));
            // nothing due for this issue any more: its GitHub side shows the whole record
            return state().row(number)
                            .map(r -> r.state() == GitHubStore.State.CREATED)
                            .orElse(false)
                    && state().due(clock.instant().plus(Duration.ofDays(3650)), 1_000).stream()
                            .noneMatch(c -> c.number() == number);
        });
        return repo.issue(githubNumber(number).orElseThrow());
    }

    /** Moves the clock past the poll interval and waits until Loop has read the pull requests once more. */
    void pollPulls() {
        long before = github.counters().requests("GET", "/repos/{owner}/{repo}/pulls");
        sim.await("another read of the pull requests", () -> {
            clock.advance(Duration.ofSeconds(61));
            return github.counters().requests("GET", "/repos/{owner}/{repo}/pulls") > before;
        });
    }

    long patches() {
        return github.counters().requests("PATCH", "/repos/{owner}/{repo}/issues/{number}");
    }

    long creates() {
        return github.counters().requests("POST", "/repos/{owner}/{repo}/issues");
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        db.close();
        sim.close();
        github.close();
    }
}
