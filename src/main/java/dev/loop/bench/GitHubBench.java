package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.core.MovableClock;
import dev.loop.core.config.GitHubSettings;
import dev.loop.github.ExportTiming;
import dev.loop.github.GitHubSync;
import dev.loop.github.StandaloneSync;
import dev.loop.sim.github.GitHubSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub sync against the GitHub simulator through the real hub4j client: (1) turning sync on for a database of
 * existing issues exports them at nearly the content-creating limit without a single 403; (2) an idle Loop's polling
 * costs almost none of the rate limit, because unchanged lists answer 304.
 *
 * <p>Export runs at GitHub's own limit, 80 content-creating requests a minute, in simulated time: the GitHub
 * simulator's rate-limit windows and the sync's pacer both follow one simulated clock that the pacer's waits move
 * forward, so 1,000 issues (about 14 simulated minutes) take only as long as the machine needs to build and send
 * them, and the figure measures the pacing itself rather than how busy the machine is. Polling is
 * measured over a simulated hour: the sync's clock is moved one poll interval (60 s) at a time, 60 times, after one
 * warm-up poll, and the simulator counts the requests GitHub would count against the rate limit.
 */
final class GitHubBench implements Bench.Benchmark {

    /** GitHub's secondary limit on content-creating requests. */
    static final int LIMIT_PER_MINUTE = 80;

    static final double TARGET_SHARE = 0.9;
    static final int TARGET_COUNTED_PER_HOUR = 60;
    static final int IDLE_ISSUES = 50;

    @Override
    public String title() {
        return "GitHub sync: export rate under the secondary limit, idle polling cost";
    }

    static int exportIssues(Scale scale) {
        return switch (scale.name()) {
            case "full" -> 1_000;
            case "quick" -> 300;
            default -> 20;
        };
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        int issues = exportIssues(scale);
        progress.say("github: exporting " + issues + " issues at a limit of " + LIMIT_PER_MINUTE
                + "/minute (simulated time)");
        Export export = export(issues, LIMIT_PER_MINUTE, false);
        int idleIssues = Math.min(IDLE_ISSUES, issues);
        progress.say("github: " + idleIssues + " linked issues polled over a simulated hour");
        Export idle = export(idleIssues, LIMIT_PER_MINUTE, true);

        double share = export.perMinute() / LIMIT_PER_MINUTE;
        List<Figure> figures = List.of(
                Figure.info("issues exported", export.created(), ""),
                Figure.info("content-creating requests", export.writes(), ""),
                Figure.info("export time (simulated)", export.seconds(), "s"),
                Figure.info("export time (wall clock)", export.wallSeconds(), "s"),
                Figure.info("achieved rate", export.perMinute(), "/min"),
                Figure.atLeast("share of the limit", share, "", TARGET_SHARE),
                Figure.exactly("403 answers during export", export.forbidden(), "", 0),
                Figure.info("linked issues while idle", idleIssues, ""),
                Figure.info("requests in the idle hour", idle.idleRequests(), ""),
                Figure.info("304 answers in the idle hour", idle.idleNotModified(), ""),
                Figure.atMost("counted requests in the idle hour", idle.idleCounted(), "", TARGET_COUNTED_PER_HOUR));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issues", issues);
        details.put("limit_per_minute", LIMIT_PER_MINUTE);
        details.put("export_seconds", export.seconds());
        details.put("export_wall_seconds", export.wallSeconds());
        details.put("export_writes", export.writes());
        details.put("export_forbidden", export.forbidden());
        details.put("max_writes_in_a_minute", export.maxInAMinute());
        details.put("idle_issues", idleIssues);
        details.put("idle_requests", idle.idleRequests());
        details.put("idle_counted", idle.idleCounted());
        details.put("idle_not_modified", idle.idleNotModified());
        List<String> notes = List.of(
                "export at GitHub's " + LIMIT_PER_MINUTE + "/minute secondary limit (the simulator's limit and"
                        + " github.writes-per-minute) in simulated time: the pacer waits by moving the clock both the"
                        + " simulator and the pacer read, so a busy machine slows the run, not the figure. The hourly"
                        + " cap of about 500 writes is left off.",
                "idle polling over a simulated hour (60 rounds of the sync, 60 s apart, each due to poll every linked open issue; the sync's"
                        + " clock moved by hand) after one warm-up poll; 'counted' is what GitHub counts against the"
                        + " rate limit (304s are free)");
        return new Outcome("github", "", figures, notes, details, 0);
    }

    record Export(
            int created,
            long writes,
            double seconds,
            double wallSeconds,
            double perMinute,
            long forbidden,
            int maxInAMinute,
            long idleRequests,
            long idleCounted,
            long idleNotModified) {}

    static Export export(int issues, int perMinute, boolean thenIdle) throws Exception {
        Path dir = Files.createTempDirectory("loop-bench-github-");
        MovableClock clock = MovableClock.stoppedAt(Instant.now().plus(Duration.ofDays(1)));
        // GitHub's time: the simulator's limit windows and the pacer; the pacer's waits move it forward
        MovableClock githubTime = MovableClock.stoppedAt(Instant.now());
        GitHubSync.Sleeper simulated = new GitHubSync.Sleeper() {
            @Override
            public void sleep(Duration d) {
                githubTime.advance(d);
            }

            @Override
            public Instant now() {
                return githubTime.instant();
            }
        };
        try (GitHubSim github = GitHubSim.start(githubTime);
                Database db = Database.open(dir.resolve("loop.db"))) {
            github.limits().secondaryLimit(perMinute, Duration.ofMinutes(1));
            github.repo("acme/widget").addCollaborator("loop-bot");
            Seeder.corpus(db, new Words(5, 2_000), issues, 1L, 1L, 1L, List.of());
            GitHubSettings settings = new GitHubSettings(
                    "acme",
                    "widget",
                    github.apiUrl(),
                    new GitHubSettings.Token(github.token("loop-bot")),
                    Duration.ofSeconds(60),
                    new GitHubSettings.Labels("{value}", "priority: {value}", "area: {value}"),
                    GitHubSettings.Transcript.FULL,
                    "",
                    Map.of(),
                    false,
                    true,
                    perMinute);
            GitHubSync sync = StandaloneSync.create(
                    settings, db, clock, new ExportTiming(Duration.ZERO, Duration.ZERO), simulated);
            github.counters().reset();
            long start = System.nanoTime();
            Instant simulatedStart = githubTime.instant();
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (sync.onGitHub() < issues && System.nanoTime() < deadline) sync.tick();
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double seconds =
                    Duration.between(simulatedStart, githubTime.instant()).toMillis() / 1e3;
            long writes = github.counters().contentCreating();
            long forbidden = github.counters().forbidden();
            int maxInAMinute = github.counters().maxContentCreatingInAMinute();
            int created = sync.onGitHub();
            long requests = 0;
            long counted = 0;
            long notModified = 0;
            if (thenIdle) {
                clock.advance(Duration.ofSeconds(61));
                sync.tick(); // the first poll reads every list once (counted); later ones are conditional
                long r0 = github.counters().requests();
                long c0 = github.counters().counted();
                long n0 = github.counters().notModified();
                for (int i = 0; i < 60; i++) {
                    clock.advance(Duration.ofSeconds(60));
                    sync.tick();
                }
                requests = github.counters().requests() - r0;
                counted = github.counters().counted() - c0;
                notModified = github.counters().notModified() - n0;
            }
            // the first write goes at once; the rest are spaced, so the rate is over the spaced ones
            double perMin = writes <= 1 ? 0 : (writes - 1) / (seconds / 60.0);
            return new Export(
                    created,
                    writes,
                    seconds,
                    wallSeconds,
                    perMin,
                    forbidden,
                    maxInAMinute,
                    requests,
                    counted,
                    notModified);
        } finally {
            Community.deleteQuietly(dir);
        }
    }
}
