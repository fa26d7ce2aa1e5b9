package dev.loop.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Discord simulator: REST on {@link #restBaseUrl()}, gateway on {@link #gatewayUrl()}, both on
 * 127.0.0.1 with ephemeral ports. Build the world through {@link #guild(String)}, point JDA at it with
 * {@link SimJda}, act as members through {@link SimMember}, and read back what the bot did.
 *
 * <pre>{@code
 * try (Sim sim = Sim.start()) {
 *     SimGuild guild = sim.guild("Loop HQ");
 *     SimChannel support = guild.forum("support", "bug", "feature");
 *     SimMember alice = guild.member("alice");
 *     JDA jda = SimJda.builder(sim).addEventListeners(bot).build().awaitReady();
 *     SimChannel post = alice.postInForum(support, "Crash on start", "It crashes", "bug");
 *     SimMessage reply = alice.runSlash(post, "capture").awaitReply();
 *     SimJda.shutdown(jda);
 * }
 * }</pre>
 */
public final class Sim implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sim.class);

    private final World world;
    private final Gateway gateway;
    private final RestServer rest;
    private final SimFaults faults;
    private final SimRateLimits rateLimits;

    private Sim(SimOptions options) {
        this.world = new World(options);
        this.gateway = new Gateway(world);
        this.rateLimits = new SimRateLimits(options.globalRateLimit(), options.realisticRateLimits());
        this.faults = new SimFaults(gateway);
        this.rest = new RestServer(world, rateLimits, faults);
        new ChannelApi(world).register(rest);
        new InteractionApi(world).register(rest);
        new CommandPermissionsApi(world).register(rest);
        new GuildApi(world, this).register(rest);
    }

    /** Starts a simulator with {@link SimOptions#defaults()}. */
    public static Sim start() {
        return start(SimOptions.defaults());
    }

    public static Sim start(SimOptions options) {
        Sim sim = new Sim(options);
        try {
            sim.rest.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            sim.gateway.startAndWait();
        } catch (RuntimeException e) {
            sim.rest.stop();
            throw e;
        }
        sim.world.gateway = sim.gateway;
        log.info("Discord simulator listening: REST {} gateway {}", sim.restBaseUrl(), sim.gatewayUrl());
        return sim;
    }

    /** Base URL for JDA's {@code RestConfig.setBaseUrl}: {@code http://127.0.0.1:PORT/api/v10/}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + rest.port() + "/api/v10/";
    }

    /** Gateway URL for the session controller: {@code ws://127.0.0.1:PORT/}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** The bot token the simulator accepts. */
    public String token() {
        return world.options.token();
    }

    public long botId() {
        return world.bot.id;
    }

    public long applicationId() {
        return world.applicationId;
    }

    public SimOptions options() {
        return world.options;
    }

    /** The guild with this name, created (with the bot in it) if it does not exist yet. */
    public SimGuild guild(String name) {
        return world.write(() -> {
            for (GuildState g : world.guildOrder) {
                if (g.name.equals(name)) {
                    return new SimGuild(this, world, g);
                }
            }
            return new SimGuild(this, world, world.guildRules.createGuild(name));
        });
    }

    /** All guilds, in creation order. */
    public List<SimGuild> guilds() {
        List<SimGuild> out = new ArrayList<>();
        for (GuildState g : world.guildOrder) {
            out.add(new SimGuild(this, world, g));
        }
        return out;
    }

    public SimFaults faults() {
        return faults;
    }

    public SimRateLimits rateLimits() {
        return rateLimits;
    }

    /** Waits until the bot has a gateway session with an open connection. */
    public void awaitBotConnected() {
        world.await(
                "the bot to connect to the gateway",
                () -> gateway.connected() ? Boolean.TRUE : null,
                world.options.awaitTimeout());
    }

    /** Waits until the bot's connection is gone (after a drop, before it resumes). */
    public void awaitBotDisconnected() {
        world.await(
                "the bot to disconnect", () -> gateway.connected() ? null : Boolean.TRUE, world.options.awaitTimeout());
    }

    /** Names of every application command the bot has registered, global or for any guild. */
    public Set<String> registeredCommands() {
        return world.write(() -> {
            Set<String> names = new TreeSet<>();
            for (List<CommandState> list : world.commands.values()) {
                for (CommandState c : list) {
                    names.add(c.name());
                }
            }
            return names;
        });
    }

    /**
     * The commands {@code member}'s client lists in {@code channel}: what Discord shows them, by
     * {@code default_member_permissions} and the overwrites set in Server Settings → Integrations.
     */
    public List<String> commandsVisibleTo(SimMember member, SimChannel channel) {
        return member.visibleCommands(channel);
    }

    /** Waits until the bot has registered commands with all these names (in any scope). */
    public void awaitCommands(String... names) {
        world.await(
                "the bot to register commands " + Arrays.toString(names),
                () -> {
                    Set<String> have = new TreeSet<>();
                    for (List<CommandState> list : world.commands.values()) {
                        for (CommandState c : list) {
                            have.add(c.name());
                        }
                    }
                    return have.containsAll(Arrays.asList(names)) ? Boolean.TRUE : null;
                },
                world.options.awaitTimeout());
    }

    /** Number of IDENTIFY handshakes so far (new sessions). */
    public long identifyCount() {
        return gateway.identifyCount();
    }

    /** Number of successful RESUMEs so far. */
    public long resumeCount() {
        return gateway.resumeCount();
    }

    /** Waits for the n-th successful resume. */
    public void awaitResumes(long n) {
        world.await(
                n + " gateway resume(s)",
                () -> gateway.resumeCount() >= n ? Boolean.TRUE : null,
                world.options.awaitTimeout());
    }

    /** Waits for a message in {@code channel} (already there or yet to come) matching {@code predicate}. */
    public SimMessage awaitMessage(SimChannel channel, Predicate<SimMessage> predicate) {
        return channel.awaitMessage(predicate);
    }

    /** Waits for a visible (non-ephemeral) message anywhere matching {@code predicate}. */
    public SimMessage awaitMessage(Predicate<SimMessage> predicate) {
        return world.await(
                "a message anywhere matching the predicate",
                () -> {
                    MessageState best = null;
                    for (MessageState m : world.messages.values()) {
                        if (!m.deleted
                                && m.ephemeralTo == 0
                                && (best == null || m.id < best.id)
                                && predicate.test(new SimMessage(this, world, m))) {
                            best = m;
                        }
                    }
                    return best == null ? null : new SimMessage(this, world, best);
                },
                world.options.awaitTimeout());
    }

    /**
     * Waits until {@code condition} holds (evaluated whenever the simulated world changes, and at least every
     * 250 ms), failing with a traffic dump after the default timeout.
     */
    public void await(String description, BooleanSupplier condition) {
        world.await(description, () -> condition.getAsBoolean() ? Boolean.TRUE : null, world.options.awaitTimeout());
    }

    /**
     * Ends every open poll whose expiry has passed on the simulator's clock (see {@link SimOptions#clock}), posting
     * their result messages. Discord does this by itself; here the test decides when time has moved.
     */
    public List<SimMessage> finalizeExpiredPolls() {
        return world.write(() -> {
            List<SimMessage> results = new ArrayList<>();
            List<MessageState> due = new ArrayList<>();
            for (MessageState m : world.messages.values()) {
                PollState p = m.poll;
                if (p != null && !m.deleted && !p.finalized && p.expiryMs != 0 && world.now() >= p.expiryMs) {
                    due.add(m);
                }
            }
            due.sort(java.util.Comparator.comparingLong(m -> m.id));
            for (MessageState m : due) {
                results.add(new SimMessage(this, world, world.pollRules.endPoll(m)));
            }
            return results;
        });
    }

    /**
     * Archives every active thread whose inactivity (since creation, unarchiving or its last message, on the
     * simulator's clock) has reached its {@code auto_archive_duration}, sending THREAD_UPDATE like Discord's
     * auto-archiving. Pinned forum posts never auto-archive.
     */
    public List<SimChannel> archiveInactiveThreads() {
        return world.write(() -> {
            List<SimChannel> archived = new ArrayList<>();
            long now = world.now();
            for (GuildState g : world.guildOrder) {
                for (ChannelState t : List.copyOf(g.channels.values())) {
                    if (!t.isThread() || t.deleted || t.archived || (t.flags & ChannelState.FLAG_PINNED) != 0) {
                        continue;
                    }
                    long last = Math.max(t.createTimestampMs, t.archiveTimestampMs);
                    var lastMessage = t.messages.lastEntry();
                    if (lastMessage != null) {
                        last = Math.max(last, lastMessage.getValue().createdMs);
                    }
                    if (now - last >= t.autoArchiveMinutes * 60_000L) {
                        world.channelRules.archive(t, true);
                        world.channelRules.channelUpdated(t);
                        archived.add(wrap(t));
                    }
                }
            }
            return archived;
        });
    }

    /** The last REST calls and gateway frames, as included in timeout errors. */
    public String trafficDump() {
        return world.traffic.dump();
    }

    /** The last {@code n} REST calls, oldest first, e.g. {@code "POST channels/1/messages -> 200 ..."}. */
    public List<String> recentRestCalls(int n) {
        return world.traffic.recentRest(n);
    }

    /** The last {@code n} gateway frames and connection events, oldest first. */
    public List<String> recentGatewayTraffic(int n) {
        return world.traffic.recentGateway(n);
    }

    /** Runs {@code action} atomically with respect to the bot's requests (nothing interleaves with it). */
    public void atomically(Runnable action) {
        world.run(action);
    }

    World world() {
        return world;
    }

    Duration timeout() {
        return world.options.awaitTimeout();
    }

    SimChannel wrap(ChannelState c) {
        return c == null ? null : new SimChannel(this, world, c);
    }

    @Override
    public void close() {
        gateway.shutdown();
        rest.stop();
    }
}
