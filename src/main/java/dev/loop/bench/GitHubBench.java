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
 * <p>Export is measured in real time with the limit scaled: the simulator's secondary limit and the sync's
 * {@code writes-per-minute} are both {@link #SCALED_PER_MINUTE} instead of 80, so 1,000 issues take under 3 minutes
 * instead of 13 minutes; the figure is the achieved share of the limit, which does not depend on the scale. Polling is
 * measured over a simulated hour: the sync's clock is moved one poll interval (60 s) at a time, 60 times, after one
 * warm-up poll, and the simulator counts the requests GitHub would count against the rate limit.
 */
final class GitHubBench implements Bench.Benchmark {

    static final int SCALED_PER_MINUTE = 400;
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
        progress.say("github: exporting " + issues + " issues at a limit of " + SCALED_PER_MINUTE + "/minute");
        Export export = export(issues, SCALED_PER_MINUTE, false);
        int idleIssues = Math.min(IDLE_ISSUES, issues);
        progress.say("github: " + idleIssues + " linked issues polled over a simulated hour");
        Export idle = export(idleIssues, SCALED_PER_MINUTE, true);

        double share = export.perMinute() / SCALED_PER_MINUTE;
        List<Figure> figures = List.of(
                Figure.info("issues exported", export.created(), ""),
                Figure.info("content-creating requests", export.writes(), ""),
                Figure.info("export time", export.seconds(), "s"),
                Figure.info("achieved rate", export.perMinute(), "/min"),
                Figure.atLeast("share of the limit", share, "", TARGET_SHARE),
                Figure.exactly("403 answers during export", export.forbidden(), "", 0),
                Figure.info("linked issues while idle", idleIssues, ""),
                Figure.info("requests in the idle hour", idle.idleRequests(), ""),
                Figure.info("304 answers in the idle hour", idle.idleNotModified(), ""),
                Figure.atMost("counted requests in the idle hour", idle.idleCounted(), "", TARGET_COUNTED_PER_HOUR));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issues", issues);
        details.put("scaled_limit_per_minute", SCALED_PER_MINUTE);
        details.put("export_seconds", export.seconds());
        details.put("export_writes", export.writes());
        details.put("export_forbidden", export.forbidden());
        details.put("max_writes_in_a_minute", export.maxInAMinute());
        details.put("idle_issues", idleIssues);
        details.put("idle_requests", idle.idleRequests());
        details.put("idle_counted", idle.idleCounted());
        details.put("idle_not_modified", idle.idleNotModified());
        List<String> notes = List.of(
                "export in real time with GitHub's 80/minute secondary limit scaled to " + SCALED_PER_MINUTE
                        + "/minute on both sides (the simulator's limit and github.writes-per-minute); the share of the"
                        + " limit is what the target is about. The hourly cap of about 500 writes is left off.",
                "idle polling over a simulated hour (60 rounds of the sync, 60 s apart, each due to poll every linked open issue; the sync's"
                        + " clock moved by hand) after one warm-up poll; 'counted' is what GitHub counts against the"
                        + " rate limit (304s are free)");
        return new Outcome("github", "", figures, notes, details, 0);
    }

    record Export(
            int created,
            long writes,
            double seconds,
            double perMinute,
            long forbidden,
            int maxInAMinute,
            long idleRequests,
            long idleCounted,
            long idleNotModified) {}

    static Export export(int issues, int perMinute, boolean thenIdle) throws Exception {
        Path dir = Files.createTempDirectory("loop-bench-github-");
        MovableClock clock = MovableClock.stoppedAt(Instant.now().plus(Duration.ofDays(1)));
        try (GitHubSim github = GitHubSim.start();
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
                    settings, db, clock, new ExportTiming(Duration.ZERO, Duration.ZERO), d -> Thread.sleep(d));
            github.counters().reset();
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (sync.onGitHub() < issues && System.nanoTime() < deadline) sync.tick();
            double seconds = (System.nanoTime() - start) / 1e9;
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
                    created, writes, seconds, perMin, forbidden, maxInAMinute, requests, counted, notModified);
        } finally {
            Community.deleteQuietly(dir);
        }
    }
}
