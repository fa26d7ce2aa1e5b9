package dev.loop.watch;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Feature;
import dev.loop.core.Loop;
import dev.loop.core.MovableClock;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.naming.NamingFeature;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import dev.loop.stats.StatsFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small community for end-to-end tests: the real Loop (every feature) against the Discord simulator, sharing one
 * hand-moved clock, with a support forum, a team channel, two engineers (olga owns the Installer area) and three
 * members. {@link #restart()} stops Loop and starts a new one on the same database, as after downtime.
 */
public final class Community implements AutoCloseable {

    public final MovableClock clock;
    public final Sim sim;
    public final SimGuild guild;
    public final SimChannel support;
    /** A plain text support channel: support conversations are threads started from its messages. */
    public final SimChannel help;

    public final SimChannel team;
    public final SimChannel releases;
    public final SimRole engineers;
    public final SimMember erin;
    public final SimMember olga;
    public final SimMember alice;
    public final SimMember bob;
    public final SimMember carol;
    public final Path dir;
    public final Database db;
    public final Config config;
    private Loop loop;
    private volatile List<Feature> features;

    public Community(Instant start, String extraYaml) throws Exception {
        clock = MovableClock.stoppedAt(start);
        sim = Sim.start(SimOptions.defaults().clock(clock).awaitTimeout(Duration.ofSeconds(15)));
        guild = sim.guild("Loop HQ");
        support = guild.forum("support", "installer", "sync");
        help = guild.textChannel("help");
        team = guild.textChannel("team");
        releases = guild.textChannel("releases");
        engineers = guild.role("engineers");
        erin = guild.member("erin").addRole(engineers);
        olga = guild.member("olga").addRole(engineers);
        alice = guild.member("alice");
        bob = guild.member("bob");
        carol = guild.member("carol");
        dir = Files.createTempDirectory("loop-watch-e2e");
        config = ConfigLoader.parse(
                ConfigYaml.required(
                                guild.id(),
                                sim.restBaseUrl(),
                                sim.gatewayUrl(),
                                List.of(support.id(), help.id()),
                                team.id(),
                                releases.id(),
                                engineers.id())
                        + """
                areas:
                  - name: Installer
                    owner: "%d"
                    forum-tag: installer
                """.formatted(olga.id())
                        + extraYaml,
                "e2e.yaml",
                Map.of());
        db = Database.open(dir.resolve("loop.db"));
        loop = startLoop();
    }

    private Loop startLoop() throws InterruptedException {
        return Loop.start(
                config,
                sim.token(),
                clock,
                db,
                false,
                services -> {
                    List<Feature> all = Features.all(services);
                    features = all;
                    return all;
                },
                b -> {});
    }

    /** Stops Loop; {@link #start()} brings it back on the same database. */
    public void stop() {
        loop.close();
        loop = null;
        sim.awaitBotDisconnected();
    }

    public void start() throws InterruptedException {
        loop = startLoop();
    }

    public void restart() throws InterruptedException {
        stop();
        start();
    }

    public Loop loop() {
        return loop;
    }

    public <T extends Feature> T feature(Class<T> type) {
        return features.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    public WatchFeature watch() {
        return feature(WatchFeature.class);
    }

    public StatsFeature stats() {
        return feature(StatsFeature.class);
    }

    public NamingFeature naming() {
        return feature(NamingFeature.class);
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        db.close();
        sim.close();
    }
}
