package dev.loop.sandbox;

import dev.loop.core.Database;
import dev.loop.issue.IssueStore;
import dev.loop.sim.github.GitHubSim;
import dev.loop.sim.github.SimRepository;
import java.time.Clock;
import java.util.Map;

/**
 * The GitHub side of the sandbox: the GitHub simulator beside the Discord one, with the repository Loop syncs to,
 * written by Loop's account {@value #BOT}; the people who act on GitHub are just logins.
 */
public final class SandboxGitHub implements AutoCloseable {

    static final String REPO = "acme/boards";
    static final String BOT = "loop-bot";

    private final GitHubSim sim;
    private final SimRepository repo;
    private final IssueStore issues;

    private SandboxGitHub(GitHubSim sim, SimRepository repo, IssueStore issues) {
        this.sim = sim;
        this.repo = repo;
        this.issues = issues;
    }

    /** Starts the simulator on {@code clock} (Loop's and Discord's): its timestamps and rate limits follow it. */
    static GitHubSim startSim(Clock clock) {
        GitHubSim sim = GitHubSim.start(clock);
        sim.repo(REPO).addCollaborator(BOT);
        sim.user("sam");
        return sim;
    }

    static SandboxGitHub of(GitHubSim sim, Database db) {
        return new SandboxGitHub(sim, sim.repo(REPO), new IssueStore(db));
    }

    /** The {@code github:} section and the environment that hold Loop's token and the simulator's address. */
    static String yaml(Community community) {
        // polled every ten seconds of the story's clock; sam's pull requests make him the owner of what they fix
        return "github:\n  repo: " + REPO + "\n  poll-interval: 10s\n  people:\n    sam: \""
                + community.sam().id() + "\"\n";
    }

    static Map<String, String> environment(GitHubSim sim) {
        return Map.of("GITHUB_TOKEN", sim.token(BOT), "LOOP_GITHUB_API_URL", sim.apiUrl());
    }

    public GitHubSim sim() {
        return sim;
    }

    public SimRepository repo() {
        return repo;
    }

    IssueStore issues() {
        return issues;
    }

    @Override
    public void close() {
        sim.close();
    }
}
