package dev.loop.sim;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/**
 * Points an unmodified JDA at a simulator (or any Discord-compatible endpoint): REST base URL through
 * {@link RestConfig}, gateway URL through a session controller, compression off.
 */
public final class SimJda {
    /** The intents Loop uses; the default for {@link #builder(Sim)}. */
    public static final EnumSet<GatewayIntent> DEFAULT_INTENTS = EnumSet.of(
            GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MESSAGE_REACTIONS,
            GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.DIRECT_MESSAGE_REACTIONS,
            GatewayIntent.GUILD_MESSAGE_POLLS);

    private SimJda() {}

    /**
     * A session controller whose gateway is {@code gatewayUrl}. JDABuilder asks {@link #getGateway()};
     * a ShardManager asks {@link #getShardedGateway}, which here needs no {@code GET gateway/bot}.
     */
    public static final class LocalSessionController extends ConcurrentSessionController {
        private final String gatewayUrl;

        public LocalSessionController(String gatewayUrl) {
            this.gatewayUrl = gatewayUrl;
        }

        @Override
        public String getGateway() {
            return gatewayUrl;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(gatewayUrl, 1);
        }
    }

    /** Applies REST base URL, gateway URL and no compression for the given endpoints. */
    public static JDABuilder configure(JDABuilder builder, String restBaseUrl, String gatewayUrl) {
        return builder.setRestConfig(new RestConfig().setBaseUrl(restBaseUrl))
                .setSessionController(new LocalSessionController(gatewayUrl))
                .setCompression(Compression.NONE);
    }

    /** Applies the simulator's REST base URL, gateway URL and no compression. */
    public static JDABuilder configure(JDABuilder builder, Sim sim) {
        return configure(builder, sim.restBaseUrl(), sim.gatewayUrl());
    }

    /** A builder with {@link #DEFAULT_INTENTS}, configured for the simulator. */
    public static JDABuilder builder(Sim sim) {
        return builder(sim, DEFAULT_INTENTS);
    }

    /**
     * A builder with the given intents and the cache setup that works against the simulator: all members cached
     * and chunked when GUILD_MEMBERS is on, caches for unused features off.
     */
    public static JDABuilder builder(Sim sim, EnumSet<GatewayIntent> intents) {
        JDABuilder b = JDABuilder.create(sim.token(), intents);
        configure(b, sim);
        if (intents.contains(GatewayIntent.GUILD_MEMBERS)) {
            b.setMemberCachePolicy(MemberCachePolicy.ALL).setChunkingFilter(ChunkingFilter.ALL);
        } else {
            b.setMemberCachePolicy(MemberCachePolicy.DEFAULT).setChunkingFilter(ChunkingFilter.NONE);
        }
        return b.disableCache(
                        CacheFlag.VOICE_STATE,
                        CacheFlag.EMOJI,
                        CacheFlag.STICKER,
                        CacheFlag.SOUNDBOARD_SOUNDS,
                        CacheFlag.SCHEDULED_EVENTS,
                        CacheFlag.ACTIVITY,
                        CacheFlag.CLIENT_STATUS,
                        CacheFlag.ONLINE_STATUS)
                .enableCache(CacheFlag.FORUM_TAGS);
    }

    /** Shuts JDA down and waits; do this before closing the simulator so JDA does not try to reconnect. */
    public static void shutdown(JDA jda) {
        shutdown(jda, Duration.ofSeconds(10));
    }

    public static void shutdown(JDA jda, Duration timeout) {
        jda.shutdownNow();
        try {
            if (!jda.awaitShutdown(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("JDA did not shut down within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
