package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The simulated Discord: every guild, user, channel, message and interaction, plus the rules that apply when
 * they change. One lock guards all mutations so that an operation, its events and their order are atomic;
 * critical sections are short (no I/O: events are only queued for the gateway's dispatcher thread).
 *
 * <p>The rules are split along the resources of Discord's API they model: {@link GuildRules} (guilds, members,
 * roles), {@link ChannelRules} (channels, threads, DMs), {@link MessageRules} (messages, pings, attachments),
 * {@link ReactionRules}, {@link PollRules} and {@link InteractionRules} (interactions, application commands).
 * This class keeps the state they share, the lock, visibility and event dispatch.
 *
 * <p>Domain methods expect the caller to hold {@link #lock} (REST handlers and the people API enter through
 * {@link #write}). Rule violations are thrown as {@link ApiError}, which REST turns into Discord's response and
 * the people API into an exception for the test.
 */
final class World {
    final SimOptions options;
    final Clock clock;
    final Snowflakes ids;
    final Snowflakes interactionIds;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    final Views views = new Views(this);
    final Traffic traffic = new Traffic();
    final GuildRules guildRules = new GuildRules(this);
    final ChannelRules channelRules = new ChannelRules(this);
    final MessageRules messageRules = new MessageRules(this);
    final ReactionRules reactionRules = new ReactionRules(this);
    final PollRules pollRules = new PollRules(this);
    final InteractionRules interactionRules = new InteractionRules(this);
    final CommandAccess commandAccess = new CommandAccess(this);

    final Map<Long, UserState> users = new ConcurrentHashMap<>();
    final Map<Long, GuildState> guilds = new ConcurrentHashMap<>();
    final List<GuildState> guildOrder = new CopyOnWriteArrayList<>();
    final Map<Long, ChannelState> channels = new ConcurrentHashMap<>();
    final Map<Long, MessageState> messages = new ConcurrentHashMap<>();
    final Map<Long, InteractionState> interactions = new ConcurrentHashMap<>();
    final Map<String, InteractionState> interactionsByToken = new ConcurrentHashMap<>();
    final Map<Long, List<CommandState>> commands = new HashMap<>(); // key 0 = global
    /** Messages that pinged anybody, in creation order; guarded by the lock. */
    final List<MessageState> mentionLog = new ArrayList<>();

    final UserState bot;
    final long applicationId;
    volatile Gateway gateway;

    World(SimOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.ids = new Snowflakes(clock, 1);
        // Interaction ids must carry a real, recent timestamp: JDA expires hooks 15 minutes after the id's time.
        this.interactionIds = new Snowflakes(Clock.systemUTC(), 2);
        this.bot = new UserState(ids.next(), options.botName(), true);
        this.applicationId = bot.id;
        users.put(bot.id, bot);
    }

    long now() {
        return clock.millis();
    }

    // ------------------------------------------------------------------------------------------------ locking

    <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            changed.signalAll();
            lock.unlock();
        }
    }

    void run(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits until {@code probe} returns a non-null value (and not {@code Boolean.FALSE}). The probe runs under the
     * lock, so it sees consistent state. On timeout throws an AssertionError carrying recent traffic.
     */
    <T> T await(String what, Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "Timed out after " + timeout.toMillis() + " ms waiting for " + what + traffic.dump());
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // --------------------------------------------------------------------------------------------- dispatching

    void dispatch(String type, int intent, ObjectNode payload, ObjectNode stripped) {
        Gateway g = gateway;
        if (g != null) {
            g.broadcast(new Event(type, intent, payload, stripped));
        }
    }

    // ------------------------------------------------------------------------------------------ visibility

    long botPerms(ChannelState c) {
        if (c.guild == null) {
            return Perms.in(c, null);
        }
        return Perms.in(c, c.guild.botMember);
    }

    boolean botCanView(ChannelState c) {
        return c.guild == null ? c.recipient != null : Perms.has(botPerms(c), Perms.VIEW_CHANNEL);
    }

    /** Discord's MESSAGE_CONTENT exceptions: the bot's own messages, DMs, and messages mentioning the bot. */
    boolean contentExempt(MessageState m) {
        return m.author == bot || m.channel.isDm() || m.pings.users().contains(bot.id);
    }

    boolean restCanReadContent(MessageState m) {
        return options.messageContentIntentEnabled() || contentExempt(m);
    }

    boolean sharesGuildWithBot(UserState u) {
        for (GuildState g : guildOrder) {
            if (g.members.containsKey(u.id)) {
                return true;
            }
        }
        return false;
    }

    MemberState memberOf(ChannelState c, UserState u) {
        return c.guild == null ? null : c.guild.members.get(u.id);
    }

    // ---------------------------------------------------------------------------------------------- people

    // -------------------------------------------------------------------------------------------- channels

    // -------------------------------------------------------------------------------------------- messages

    // ------------------------------------------------------------------------------------------- reactions

    // ----------------------------------------------------------------------------------------------- polls

    // ----------------------------------------------------------------------------------------- interactions

    // ------------------------------------------------------------------------------------------- commands

}
