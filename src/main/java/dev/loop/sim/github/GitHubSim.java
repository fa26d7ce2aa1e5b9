package dev.loop.sim.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GitHub REST API simulator on loopback, faithful to the subset Loop uses, so that the real hub4j client works
 * against it unmodified: {@code new GitHubBuilder().withEndpoint(sim.apiUrl()).withOAuthToken(token).build()}.
 *
 * <p>Tests, the sandbox and the benchmarks act on it as people through {@link #repo(String)} (open an issue, 👍,
 * comment, open and merge a pull request, tag, publish a release) and read what Loop did the same way. Time comes
 * from the injected clock, so rate-limit windows move with a {@code MovableClock} instead of being waited out.
 */
public final class GitHubSim implements AutoCloseable {
    final Object lock = new Object();
    final Clock clock;
    final String htmlBase;
    private final AtomicLong ids = new AtomicLong(1_000);
    private final Map<String, GhModel.User> users = new HashMap<>();
    private final Map<String, SimRepository> repos = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final GitHubLimits limits;
    private final GitHubFaults faults = new GitHubFaults();
    private final GitHubCounters counters;
    private final GitHubServer server;

    /** A token; {@code scopes} is null for a fine-grained token and the OAuth scopes of a classic one. */
    record Token(String value, GhModel.User user, Set<String> permissions, List<String> scopes) {}

    private GitHubSim(Clock clock, String htmlBase) {
        this.clock = clock;
        this.htmlBase = htmlBase;
        this.limits = new GitHubLimits(clock);
        this.counters = new GitHubCounters(clock);
        this.server = new GitHubServer(this);
    }

    /** Starts on a random loopback port with the system clock. */
    public static GitHubSim start() {
        return start(Clock.systemUTC());
    }

    /** Starts on a random loopback port; rate-limit windows and timestamps follow {@code clock}. */
    public static GitHubSim start(Clock clock) {
        return start(clock, "https://github.com");
    }

    /** As {@link #start(Clock)}, with the web address {@code html_url} fields point at. */
    public static GitHubSim start(Clock clock, String htmlBase) {
        GitHubSim sim = new GitHubSim(clock, htmlBase);
        try {
            sim.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sim;
    }

    /** The REST endpoint, e.g. {@code http://127.0.0.1:40123}, for {@code GitHubBuilder.withEndpoint}. */
    public String apiUrl() {
        return server.baseUrl();
    }

    /** Registers a token for {@code login} with every permission Loop needs and returns it. */
    public String token(String login) {
        String value = "ghp_sim" + Long.toHexString(nextId()) + Long.toHexString(System.nanoTime());
        addToken(value, login, GitHubPermission.ALL);
        return value;
    }

    /** Registers {@code value} as a fine-grained token of {@code login} holding exactly {@code permissions}. */
    public void addToken(String value, String login, Collection<String> permissions) {
        synchronized (lock) {
            // Every fine-grained token can read metadata; GitHub does not let it be left out.
            Set<String> granted = new java.util.HashSet<>(permissions);
            granted.add(GitHubPermission.METADATA_READ);
            tokens.put(value, new Token(value, userRecord(login), Set.copyOf(granted), null));
        }
    }

    /**
     * Registers {@code value} as a classic personal access token of {@code login} with OAuth {@code scopes} (sent
     * back in {@code X-OAuth-Scopes}). {@code repo} or {@code public_repo} may write issues; without either the token
     * may only read, and writes answer 404 as GitHub does for a missing scope.
     */
    public void addClassicToken(String value, String login, String... scopes) {
        List<String> list = List.of(scopes);
        Set<String> permissions = list.contains("repo") || list.contains("public_repo")
                ? GitHubPermission.ALL
                : Set.of(
                        GitHubPermission.METADATA_READ,
                        GitHubPermission.ISSUES_READ,
                        GitHubPermission.PULL_REQUESTS_READ,
                        GitHubPermission.CONTENTS_READ);
        synchronized (lock) {
            tokens.put(value, new Token(value, userRecord(login), permissions, list));
        }
    }

    /** Revokes a token: later requests with it get 401 Bad credentials. */
    public void revokeToken(String value) {
        synchronized (lock) {
            tokens.remove(value);
        }
    }

    /** The repository {@code owner/name}, created (with one commit on {@code main}) on first use. */
    public SimRepository repo(String fullName) {
        synchronized (lock) {
            SimRepository repo = repos.get(fullName.toLowerCase(java.util.Locale.ROOT));
            if (repo == null) {
                String[] parts = fullName.split("/", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("a repository is owner/name: " + fullName);
                }
                repo = new SimRepository(this, userRecord(parts[0]), parts[1], nextId());
                repos.put(fullName.toLowerCase(java.util.Locale.ROOT), repo);
            }
            return repo;
        }
    }

    /** Makes sure a GitHub account {@code login} exists (people act by login everywhere else). */
    public void user(String login) {
        userRecord(login);
    }

    /** Sets the display name GitHub shows for {@code login}. */
    public void user(String login, String name) {
        synchronized (lock) {
            userRecord(login).name = name;
        }
    }

    /** What {@code login}'s tokens have left on {@code resource} ({@code core} or {@code search}) right now. */
    public GitHubLimits.Quota quota(String login, String resource) {
        return limits.quota(userRecord(login).id, resource);
    }

    /** Sets what {@code login} has used of {@code resource} in the current window, e.g. to start near the limit. */
    public void setUsed(String login, String resource, int used) {
        limits.setUsed(userRecord(login).id, resource, used);
    }

    public GitHubLimits limits() {
        return limits;
    }

    public GitHubFaults faults() {
        return faults;
    }

    public GitHubCounters counters() {
        return counters;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- package-private plumbing for the server and the repositories

    long nextId() {
        return ids.incrementAndGet();
    }

    Instant now() {
        return clock.instant();
    }

    GhModel.User userRecord(String login) {
        synchronized (lock) {
            return users.computeIfAbsent(
                    login.toLowerCase(java.util.Locale.ROOT), k -> new GhModel.User(nextId(), login, now()));
        }
    }

    GhModel.User findUser(String login) {
        synchronized (lock) {
            return users.get(login.toLowerCase(java.util.Locale.ROOT));
        }
    }

    SimRepository findRepo(String owner, String name) {
        synchronized (lock) {
            return repos.get((owner + "/" + name).toLowerCase(java.util.Locale.ROOT));
        }
    }

    Collection<SimRepository> repos() {
        synchronized (lock) {
            return java.util.List.copyOf(repos.values());
        }
    }

    Token findToken(String value) {
        synchronized (lock) {
            return tokens.get(value);
        }
    }
}
