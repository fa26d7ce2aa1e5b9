package dev.loop.sandbox;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Loop;
import dev.loop.core.MovableClock;
import dev.loop.core.config.Config;
import dev.loop.sim.Sim;
import dev.loop.sim.SimOptions;
import dev.loop.sim.github.GitHubSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The simulator with the demo community, and the real Loop (every feature, as {@code ./run.sh} would run it) on a
 * fresh SQLite file in a temporary directory, logged in with the simulator's token.
 */
public final class SandboxSession implements AutoCloseable {

    private final Path dir;
    private final Sim sim;
    private final Community community;
    private final Config config;
    private final Database db;
    private final Loop loop;
    private final MovableClock clock;
    private final SandboxGitHub github;

    private SandboxSession(
            Path dir,
            Sim sim,
            Community community,
            Config config,
            Database db,
            Loop loop,
            MovableClock clock,
            SandboxGitHub github) {
        this.github = github;
        this.clock = clock;
        this.dir = dir;
        this.sim = sim;
        this.community = community;
        this.config = config;
        this.db = db;
        this.loop = loop;
    }

    /** The coming Monday, 09:00 UTC: the story's week is a working week. */
    static Instant nextMonday(Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(9, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /** A new temporary directory for a session's database (and the sandbox's log). */
    public static Path newDirectory() {
        try {
            return Files.createTempDirectory("loop-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts everything with the database in {@code dir}; {@code awaitTimeout} bounds each wait of the story on
     * something Loop should do.
     */
    public static SandboxSession start(Path dir, Duration awaitTimeout) throws InterruptedException {
        return start(dir, awaitTimeout, Duration.ZERO);
    }

    /**
     * As {@link #start(Path, Duration)}, with the story's week starting {@code later} after the next Monday: a session
     * of its own week never repeats the Discord ids (made from the clock) of another session in the same JVM.
     */
    public static SandboxSession start(Path dir, Duration awaitTimeout, Duration later) throws InterruptedException {
        // one clock for Discord's timestamps and Loop's: support threads and replies are timed by Discord
        MovableClock clock = MovableClock.runningFrom(nextMonday(Instant.now()).plus(later));
        Sim sim = Sim.start(SimOptions.defaults().awaitTimeout(awaitTimeout).clock(clock));
        // the GitHub simulator beside it: Loop syncs every issue to acme/boards
        GitHubSim githubSim = SandboxGitHub.startSim(clock);
        Database db = null;
        try {
            Community community = Community.seed(sim);
            Config config = community.config(
                    dir.resolve("loop.db"), SandboxGitHub.yaml(community), SandboxGitHub.environment(githubSim));
            Files.writeString(
                    dir.resolve("loop.yaml"),
                    community.configYaml(dir.resolve("loop.db")) + SandboxGitHub.yaml(community));
            db = Database.open(config.databasePath());
            Loop loop = Loop.start(config, sim.token(), clock, db, false, Features::all, b -> {});
            // the admin grants the engineers the commands hidden from members (Server Settings > Integrations > Loop)
            community.guild().integration().allowOnEveryRestrictedCommand(community.engineers());
            return new SandboxSession(dir, sim, community, config, db, loop, clock, SandboxGitHub.of(githubSim, db));
        } catch (IOException e) {
            sim.close();
            githubSim.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | InterruptedException e) {
            if (db != null) db.close();
            sim.close();
            githubSim.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public Sim sim() {
        return sim;
    }

    public Community community() {
        return community;
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return db;
    }

    /** Loop's clock, which the story moves forward between scenes. */
    MovableClock clock() {
        return clock;
    }

    public Loop loop() {
        return loop;
    }

    /** The GitHub simulator and the repository Loop syncs to. */
    public SandboxGitHub github() {
        return github;
    }

    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            db.close();
            sim.close();
            github.close();
        }
    }
}
