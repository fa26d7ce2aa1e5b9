package dev.loop.bench;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Feature;
import dev.loop.core.Loop;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimJda;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/**
 * A simulated community for one benchmark: the Discord simulator with a guild (a support forum, team and releases
 * channels, an engineers role and some engineers), a scratch directory, and Loop's configuration pointing at it.
 */
final class Community implements AutoCloseable {

    final Sim sim;
    final SimGuild guild;
    final SimChannel support;
    final SimChannel team;
    final SimChannel releases;
    final SimRole engineerRole;
    final List<SimMember> engineers = new ArrayList<>();
    final Path dir;

    private Community(Sim sim, int engineerCount) {
        this.sim = sim;
        this.guild = sim.guild("Loop Bench");
        this.support = guild.forum("support", "tracked", "shipped", "installer");
        this.team = guild.textChannel("team");
        this.releases = guild.textChannel("releases");
        this.engineerRole = guild.role("engineers");
        for (int i = 0; i < engineerCount; i++)
            engineers.add(guild.member("engineer" + i).addRole(engineerRole));
        try {
            this.dir = Files.createTempDirectory("loop-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Community start(SimOptions options, int engineers) {
        Sim sim = Sim.start(options.awaitTimeout(Duration.ofSeconds(60)));
        try {
            return new Community(sim, engineers);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** Adds {@code count} members named {@code prefix0…} and returns handles to them. */
    List<SimMember> members(int count, String prefix) {
        guild.addMembers(count, prefix);
        List<SimMember> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(guild.findMember(prefix + i).orElseThrow());
        return out;
    }

    /** Loop's configuration for this community. */
    String configYaml(String delivery, Path database) {
        return ConfigYaml.required(
                        guild.id(),
                        sim.restBaseUrl(),
                        sim.gatewayUrl(),
                        List.of(support.id()),
                        team.id(),
                        releases.id(),
                        engineerRole.id())
                + """
                notices:
                  delivery: %s
                database:
                  path: "%s"
                reports:
                  weekly:
                    enabled: false
                  promises-daily:
                    enabled: false
                """.formatted(delivery, database.toAbsolutePath().toString().replace("\\", "/"));
    }

    Config config(String delivery, Path database) {
        return ConfigLoader.parse(configYaml(delivery, database), "bench.yaml", Map.of());
    }

    /** A running Loop with every feature, and the features it runs (to reach a feature's internals). */
    record Running(Loop loop, List<Feature> features) implements AutoCloseable {
        <T extends Feature> T feature(Class<T> type) {
            return features.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    Running startLoop(Config config, Database db, Consumer<JDABuilder> customize) {
        AtomicReference<List<Feature>> features = new AtomicReference<>();
        try {
            Loop loop = Loop.start(
                    config,
                    sim.token(),
                    Clock.systemUTC(),
                    db,
                    false,
                    services -> {
                        List<Feature> all = Features.all(services);
                        features.set(all);
                        return all;
                    },
                    customize);
            // the engineers are granted the commands hidden from members, as an admin would in Integrations
            guild.integration().allowOnEveryRestrictedCommand(engineerRole);
            return new Running(loop, features.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Loop", e);
        }
    }

    /** A bare JDA on the simulator with Loop's intents and cache settings, for the baseline bots. */
    JDA startBareJda(Object... listeners) {
        JDABuilder b = JDABuilder.create(sim.token(), Loop.INTENTS)
                .setMemberCachePolicy(MemberCachePolicy.lru(Loop.MEMBERS_KEPT))
                .setChunkingFilter(ChunkingFilter.NONE)
                .enableCache(CacheFlag.FORUM_TAGS)
                .disableCache(
                        CacheFlag.VOICE_STATE,
                        CacheFlag.EMOJI,
                        CacheFlag.STICKER,
                        CacheFlag.SOUNDBOARD_SOUNDS,
                        CacheFlag.SCHEDULED_EVENTS,
                        CacheFlag.ACTIVITY,
                        CacheFlag.CLIENT_STATUS,
                        CacheFlag.ONLINE_STATUS)
                .addEventListeners(listeners);
        SimJda.configure(b, sim);
        try {
            return b.build().awaitReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a baseline bot", e);
        }
    }

    static void stop(JDA jda) {
        SimJda.shutdown(jda, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        sim.close();
        if (!Boolean.getBoolean("bench.keep")) deleteQuietly(dir); // -Dbench.keep=true leaves logs and databases
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a scratch file left behind in /tmp is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
