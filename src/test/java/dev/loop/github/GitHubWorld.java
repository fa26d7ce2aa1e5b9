package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.Database;
import dev.loop.core.MovableClock;
import dev.loop.core.config.Config;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimRole;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.sim.github.GitHubSim;
import dev.loop.sim.github.SimRepository;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link Community} with a GitHub, as the GitHub stories use it: the real Loop (every feature, GitHub sync on)
 * against the Discord simulator and the GitHub simulator sharing one hand-moved clock, and the repository
 * {@value #REPO} that Loop writes to as {@value #BOT}. Coalescing waits are short (2 s of quiet, 5 s between edits)
 * and move with the clock; {@link #stop()} and {@link #start()} restart Loop on the same database. The community
 * itself is {@link #community}; what is added here reads GitHub sync's own state.
 */
final class GitHubWorld implements AutoCloseable {

    static final String REPO = Community.GITHUB_REPO;
    static final String BOT = Community.GITHUB_BOT;
    static final GitHubFeature.Tuning TUNING = new GitHubFeature.Tuning(
            Duration.ofMillis(50), new ExportTiming(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    final Community community;
    final MovableClock clock;
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

    /** A started community with a GitHub; {@code githubYaml} goes below {@code github:} in loop.yaml. */
    GitHubWorld(String githubYaml) throws Exception {
        this(community(githubYaml).start());
    }

    /** The community every GitHub story starts from, to adjust before starting it. */
    static Community.Builder community(String githubYaml) {
        return Community.at("2026-11-30T10:00:00Z")
                .github(githubYaml, TUNING)
                // no areas: GitHub then has Loop's own labels only, as the stories count them
                .withoutAreas()
                .sim(o -> o.awaitTimeout(Duration.ofSeconds(20)));
    }

    /** Wraps a started community that has a GitHub. */
    GitHubWorld(Community community) {
        this.community = community;
        clock = community.clock;
        sim = community.sim;
        github = community.github;
        repo = community.repo;
        guild = community.guild;
        support = community.support;
        team = community.team;
        releases = community.releases;
        engineers = community.engineers;
        erin = community.erin;
        alice = community.alice;
        bob = community.bob;
        carol = community.carol;
        dir = community.dir;
        db = community.db;
        config = community.config;
    }

    void start() throws InterruptedException {
        community.start();
    }

    /** Stops Loop at once: the GitHub worker is interrupted wherever it is. */
    void stop() {
        community.stop();
    }

    IssueStore issues() {
        return community.issues();
    }

    /** Loop issue {@code number} as the database holds it now. */
    Issue issue(int number) {
        return issues().find(number).orElseThrow();
    }

    GitHubStore state() {
        return new GitHubStore(db);
    }

    GitHubFeature feature() {
        return community.feature(GitHubFeature.class);
    }

    dev.loop.naming.NamingFeature naming() {
        return community.feature(dev.loop.naming.NamingFeature.class);
    }

    /** {@code author} opens a forum post with a few messages; erin captures it. */
    Captured capture(SimMember author, String title, String body, SimMember... others) {
        SimChannel post = author.postInForum(support, title, body);
        for (SimMember o : others) o.say(post, o.name() + " has this too, see @everyone");
        return Captured.viaCommand(erin, post, Map.of("kind", "bug", "needs_docs", "no"));
    }

    /** {@code author}'s post, captured by erin, once the sync has brought its GitHub issue up to date. */
    Captured captureExported(SimMember author, String title, String body) {
        Captured c = capture(author, title, body);
        awaitExported(c.number());
        return c;
    }

    /** The number of the GitHub issue that Loop exported {@code c} to. */
    int githubNumberOf(Captured c) {
        return githubNumber(c.number()).orElseThrow();
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
        awaitPolled(
                "another read of the pull requests",
                () -> github.counters().requests("GET", "/repos/{owner}/{repo}/pulls") > before);
    }

    /** Moves the clock past the poll interval, one poll at a time, until {@code done}. */
    void awaitPolled(String what, BooleanSupplier done) {
        sim.await(what, () -> {
            clock.advance(Duration.ofSeconds(61));
            return done.getAsBoolean();
        });
    }

    /** Polls GitHub until each of the Loop issues {@code numbers} has {@code status}. */
    void awaitStatus(IssueStatus status, int... numbers) {
        awaitPolled(
                Arrays.toString(numbers) + " " + status,
                () -> Arrays.stream(numbers).allMatch(n -> issue(n).status() == status));
    }

    /** Polls GitHub until Loop posts its hint about GitHub issue {@code githubNumber} in the team channel. */
    SimMessage awaitHint(int githubNumber) {
        String start = "🆕 New on GitHub: **GitHub #" + githubNumber + "**";
        awaitPolled(
                "the hint for GitHub #" + githubNumber,
                () -> team.messages().stream()
                        .anyMatch(m -> m.fromBot() && m.content().startsWith(start)));
        return team.awaitMessage(m -> m.fromBot() && m.content().startsWith(start));
    }

    /** erin releases {@code version} with {@code issues} through /release and presses Publish on the preview. */
    void publishByHand(String version, String issues) {
        SimMessage preview = erin.runSlash(team, "release", Map.of("version", version, "issues", issues))
                .awaitModal()
                .submit(Map.of("notes", "What's new in " + version, "snippet", "loop --version"))
                .awaitReply();
        SimMessage done = erin.pressButton(preview, "Publish").awaitUpdate();
        assertThat(done.content()).startsWith("✅ Published");
    }

    /**
     * Moves the clock a second at a time until {@code hit} says GitHub answered with {@code limit}, then lets the
     * worker go round twenty more times with the clock stopped: the requests it sent meanwhile (none, while it waits
     * the limit out).
     */
    long requestsWhileWaitingOut(String limit, BooleanSupplier hit) {
        sim.await(limit + " is hit", () -> {
            clock.advance(Duration.ofSeconds(1));
            return hit.getAsBoolean();
        });
        long atLimit = github.counters().requests();
        GitHubSync sync = feature().sync().orElseThrow();
        long rounds = sync.rounds();
        sim.await("twenty rounds of the worker", () -> sync.rounds() >= rounds + 20);
        return github.counters().requests() - atLimit;
    }

    long patches() {
        return github.counters().requests("PATCH", "/repos/{owner}/{repo}/issues/{number}");
    }

    long creates() {
        return github.counters().requests("POST", "/repos/{owner}/{repo}/issues");
    }

    @Override
    public void close() {
        community.close();
    }
}
