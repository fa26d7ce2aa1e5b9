package dev.loop.core;

import dev.loop.core.config.Config;
import dev.loop.core.discord.DeadlineGuard;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.PacedRateLimiter;
import dev.loop.core.discord.Replies;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: configuration, database, JDA, features, routines — wired explicitly here and torn down in reverse
 * order by {@link #close()}, which lets the write in flight finish before the database closes.
 */
public final class Loop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Loop.class);

    /** What Loop asks of the gateway, and why (see README): members for roles, messages and content to capture. */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(
            GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MESSAGE_REACTIONS,
            GatewayIntent.GUILD_MESSAGE_POLLS,
            GatewayIntent.DIRECT_MESSAGES);

    private final Services services;
    private final List<Feature> features;
    private final ExecutorService workers;
    private final JDA jda;
    private final boolean ownsDatabase;
    private DeadlineGuard guard;
    private volatile boolean closed;

    private Loop(Services services, List<Feature> features, ExecutorService workers, JDA jda, boolean ownsDatabase) {
        this.services = services;
        this.features = features;
        this.workers = workers;
        this.jda = jda;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * Starts Loop on a given database. {@code featureSet} builds the features from the shared services;
     * {@code customize} may adjust the JDA builder (tests).
     */
    public static Loop start(
            Config config,
            String token,
            Clock clock,
            Database db,
            boolean ownsDatabase,
            Function<Services, List<Feature>> featureSet,
            Consumer<JDABuilder> customize)
            throws InterruptedException {
        Replies.installMentionPolicy();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loop-routines");
            t.setDaemon(true);
            return t;
        });
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("loop-worker-", 0).factory());
        Services services = new Services(config, db, clock, new Engineers(config.engineerRoles()), workers, scheduler);
        List<Feature> features = new ArrayList<>(featureSet.apply(services));
        features.add(new BackupRoutine(services));

        HandledEvents handled = new HandledEvents(db);
        DeadlineGuard guard = new DeadlineGuard();
        InteractionRouter router =
                new InteractionRouter(workers, id -> handled.claim("interaction:" + id, clock.instant()), guard);
        List<CommandData> commands = new ArrayList<>();
        List<Object> listeners = new ArrayList<>();
        listeners.add(router);
        for (Feature f : features) {
            f.routes(router);
            commands.addAll(f.commands());
            listeners.addAll(f.listeners());
        }

        // every answer leaves through the guard, which acknowledges in time what a slow handler has not
        JDABuilder builder = jdaBuilder(config.discord(), token)
                .setHttpClient(guard.client())
                .addEventListeners(listeners.toArray());
        customize.accept(builder);

        JDA jda;
        try {
            jda = builder.build();
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            workers.shutdownNow();
            guard.close();
            throw e;
        }
        Loop loop = new Loop(services, features, workers, jda, ownsDatabase);
        loop.guard = guard;
        try {
            jda.awaitReady();
            Guild guild = jda.getGuildById(config.discord().guildId());
            if (guild == null) {
                throw new StartupException("Loop is not a member of guild "
                        + config.discord().guildId() + " (discord.guild): invite it with the URL from ./run.sh invite");
            }
            guild.updateCommands().addCommands(combine(commands)).complete();
            for (Feature f : features) f.onReady(jda);
            log.info("Loop is ready in {} with {} commands", guild.getName(), commands.size());
            return loop;
        } catch (RuntimeException | InterruptedException e) {
            loop.close();
            throw e;
        }
    }

    /** How many of the members seen lately JDA keeps (a few hundred bytes each). */
    public static final int MEMBERS_KEPT = 5_000;

    /**
     * JDA as Loop connects it: {@link #INTENTS}, forum tags, and the endpoint overrides. {@code ./run.sh check}
     * connects the same way, so it meets the same refusals.
     *
     * <p>Members are not loaded at start: every event that needs a member (an interaction, a message, a reaction) brings
     * its own, with its roles, and JDA keeps the {@link #MEMBERS_KEPT} seen last; anyone else is asked of Discord
     * ({@link dev.loop.core.discord.Members}). Loading all 50,000 members of a large server held start-up back by
     * seconds and kept about 17 MB of heap. Requests to Discord are sent from virtual threads: the pacing under the
     * global limit parks a request until its turn, and a platform thread (with its stack) per waiting request was the
     * largest part of Loop's native memory during a fan-out.
     */
    public static JDABuilder jdaBuilder(Config.Discord discord, String token) {
        JDABuilder builder = JDABuilder.create(token, INTENTS)
                .setCompression(Compression.NONE)
                .setMemberCachePolicy(MemberCachePolicy.lru(MEMBERS_KEPT))
                .setChunkingFilter(ChunkingFilter.NONE)
                .setRateLimitElastic(
                        Executors.newThreadPerTaskExecutor(
                                Thread.ofVirtual().name("loop-rest-", 0).factory()),
                        true)
                .enableCache(CacheFlag.FORUM_TAGS)
                .disableCache(
                        CacheFlag.VOICE_STATE,
                        CacheFlag.EMOJI,
                        CacheFlag.STICKER,
                        CacheFlag.SOUNDBOARD_SOUNDS,
                        CacheFlag.SCHEDULED_EVENTS,
                        CacheFlag.ACTIVITY,
                        CacheFlag.CLIENT_STATUS,
                        CacheFlag.ONLINE_STATUS);
        pointAt(builder, discord);
        return builder;
    }

    /** Points a builder at the configured endpoint when it is not Discord itself (the simulator, say). */
    public static void pointAt(JDABuilder builder, Config.Discord discord) {
        // requests are paced under Discord's global limit so a burst (a release's notices) never earns a global 429
        RestConfig rest =
                new RestConfig().setRateLimiterFactory(PacedRateLimiter.factory(PacedRateLimiter.REQUESTS_PER_SECOND));
        discord.apiOverride().ifPresent(rest::setBaseUrl);
        builder.setRestConfig(rest);
        discord.gatewayOverride().ifPresent(url -> builder.setSessionController(new LocalGateway(url)));
    }

    /**
     * Features may each contribute subcommands to one slash command (capture adds /issue show, triage adds
     * /issue triage): commands with the same name are combined into one.
     */
    static List<CommandData> combine(List<CommandData> commands) {
        java.util.Map<String, CommandData> byName = new java.util.LinkedHashMap<>();
        for (CommandData c : commands) {
            CommandData existing = byName.get(c.getName() + "/" + c.getType());
            if (existing == null) {
                byName.put(c.getName() + "/" + c.getType(), c);
            } else if (existing instanceof SlashCommandData a
                    && c instanceof SlashCommandData b
                    && !a.getSubcommands().isEmpty()
                    && !b.getSubcommands().isEmpty()) {
                a.addSubcommands(b.getSubcommands());
            } else {
                throw new IllegalStateException("command " + c.getName() + " is defined twice");
            }
        }
        return List.copyOf(byName.values());
    }

    public JDA jda() {
        return jda;
    }

    public Database database() {
        return services.database();
    }

    public Services services() {
        return services;
    }

    /** Stops features and routines, lets in-flight handlers finish, closes JDA, then the database. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (Feature f : features.reversed()) {
            try {
                f.close();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed", f.getClass().getSimpleName(), e);
            }
        }
        services.scheduler().shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS))
                log.warn("Some interactions were still running at shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) jda.shutdownNow();
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (guard != null) guard.close();
        if (ownsDatabase) services.database().close();
        log.info("Loop stopped");
    }

    /** A start-up problem a person can fix; Main prints its message as one line and exits non-zero. */
    public static final class StartupException extends RuntimeException {
        public StartupException(String message) {
            super(message);
        }
    }
}
