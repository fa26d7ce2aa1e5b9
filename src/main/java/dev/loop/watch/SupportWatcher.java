package dev.loop.watch;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateAppliedTagsEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every support thread and its first engineer reply.
 *
 * <p>The message path must stay cheap (thousands of messages a second): whether a thread is a support thread follows
 * from its parent channel, and whether it is already answered is kept in memory, so a message never waits for the
 * database. The few writes (a new thread, a first engineer reply) are queued on one writer thread, in order, off the
 * gateway thread. Writes are idempotent upserts, so the live path and the start-up catch-up may both see a thread.
 *
 * <p>A reply counts when its author holds an engineer role and did not open the thread.
 */
public final class SupportWatcher extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SupportWatcher.class);
    /** Threads opened while Loop was offline get a hint only if this recent, so a first start does not flood. */
    static final Duration CATCH_UP_HINT_AGE = Duration.ofHours(24);
    /** A thread created event for an older thread (e.g. Loop added to it) is not a new post. */
    static final Duration NEW_POST_AGE = Duration.ofMinutes(10);
    /** At most this many messages are read per thread to find the first engineer reply at start-up. */
    static final int CATCH_UP_MESSAGES = 1000;

    private final Config config;
    private final Engineers engineers;
    private final SupportThreadStore store;
    private final SimilarityHints hints;
    private final Clock clock;
    private final ExecutorService workers;
    /** Support thread id → answered yet. Absent: not seen in this process. */
    private final Map<Long, Boolean> answered = new ConcurrentHashMap<>();
    /** Posts whose hint waits for the hint thread → the words known of the post so far ("" none yet). */
    private final Map<Long, String> hintWords = new ConcurrentHashMap<>();

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loop-watch-writer");
        t.setDaemon(true);
        return t;
    });
    /**
     * Hints are matched one post at a time: each takes several database reads, and a burst of new posts matched all
     * at once would keep the few reader connections busy while people's interactions wait their turn behind them
     * (the memory benchmark's day of traffic missed Discord's 3-second deadline that way).
     */
    private final ExecutorService hintRunner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loop-watch-hints");
        t.setDaemon(true);
        return t;
    });

    public SupportWatcher(
            Config config,
            Engineers engineers,
            SupportThreadStore store,
            SimilarityHints hints,
            Clock clock,
            ExecutorService workers) {
        this.config = config;
        this.engineers = engineers;
        this.store = store;
        this.hints = hints;
        this.clock = clock;
        this.workers = workers;
    }

    // ---------------------------------------------------------------- live

    @Override
    public void onChannelCreate(ChannelCreateEvent event) {
        if (!event.getChannelType().isThread()) return;
        ThreadChannel thread = event.getChannel().asThreadChannel();
        if (!isSupport(thread)) return;
        SupportThread t = toRecord(thread);
        answered.putIfAbsent(t.threadId(), false);
        write(() -> store.record(t));
        boolean fresh = Duration.between(t.createdAt(), clock.instant()).compareTo(NEW_POST_AGE) <= 0;
        if (fresh) queueHint(thread, () -> t, null);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || !event.getChannelType().isThread()) return;
        ThreadChannel thread = event.getChannel().asThreadChannel();
        long id = thread.getIdLong();
        // only support threads are remembered unanswered, and a thread remembered answered needs nothing more, so
        // the parent channel (a lookup in JDA's channel cache) is checked once per thread, not once per message
        Boolean known = answered.get(id);
        if (known == null && !isSupport(thread)) return;
        if (known == null) {
            // seen for the first time in this process: make sure it is recorded and learn whether it was answered
            answered.putIfAbsent(id, false);
            SupportThread t = toRecord(thread);
            write(() -> {
                store.record(t);
                store.find(id).filter(SupportThread::answered).ifPresent(s -> answered.put(id, true));
            });
        } else if (known) {
            return;
        }
        if (event.getAuthor().isBot() || event.isWebhookMessage()) return;
        long author = event.getAuthor().getIdLong();
        if (author == thread.getOwnerIdLong()) {
            considerLate(thread, event.getMessage().getContentRaw());
            return;
        }
        if (!engineers.isEngineer(event.getMember())) return;
        answered.put(id, true);
        Instant at = event.getMessage().getTimeCreated().toInstant();
        write(() -> store.markAnswered(id, author, at));
    }

    /**
     * The author's message in a fresh post that no hint was considered for yet: the post came while Loop was
     * starting and its words were not readable when its thread was seen, so it is matched now, with them.
     */
    private void considerLate(ThreadChannel thread, String content) {
        if (hints.considered(thread.getIdLong()) || content.isBlank()) return;
        if (Duration.between(thread.getTimeCreated().toInstant(), clock.instant())
                        .compareTo(NEW_POST_AGE)
                > 0) return;
        queueHint(thread, () -> toRecord(thread), content);
    }

    /**
     * Queues the post's hint unless one is already waiting for the hint thread; a waiting hint that had no words yet
     * takes these. In a burst of new posts the hint thread runs behind, and each message of a post's author would
     * otherwise queue the same match again.
     */
    private void queueHint(ThreadChannel thread, java.util.function.Supplier<SupportThread> post, String content) {
        long id = thread.getIdLong();
        String words = content == null ? "" : content;
        String waiting = hintWords.putIfAbsent(id, words);
        if (waiting != null) {
            if (waiting.isEmpty() && !words.isEmpty()) hintWords.replace(id, waiting, words);
            return;
        }
        SupportThread t = post.get();
        try {
            hintRunner.execute(() -> {
                String latest = hintWords.remove(id);
                hints.considerNewPost(thread, t, latest == null || latest.isEmpty() ? null : latest);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            hintWords.remove(id);
            log.debug("Support watcher is stopping; no hint for {}", id);
        }
    }

    /**
     * An engineer acted on the thread through Loop (captured it, linked it — after which the details request,
     * proposals, work and ship notices all go there): that is the team's response, as a typed reply would be.
     */
    public void answeredThroughLoop(long threadId, long engineerId, Instant at) {
        if (Boolean.TRUE.equals(answered.get(threadId))) return;
        answered.put(threadId, true);
        write(() -> store.markAnswered(threadId, engineerId, at));
    }

    /** An archived thread leaves the inbox until it is opened again. */
    @Override
    public void onChannelUpdateArchived(net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent event) {
        if (!event.getChannelType().isThread()) return;
        long id = event.getChannel().getIdLong();
        Instant at = Boolean.TRUE.equals(event.getNewValue()) ? clock.instant() : null;
        write(() -> store.setLeftInbox(id, at));
    }

    /** A deleted thread leaves the inbox for good. */
    @Override
    public void onChannelDelete(net.dv8tion.jda.api.events.channel.ChannelDeleteEvent event) {
        if (!event.getChannelType().isThread()) return;
        long id = event.getChannel().getIdLong();
        Instant at = clock.instant();
        write(() -> store.setLeftInbox(id, at));
    }

    @Override
    public void onChannelUpdateAppliedTags(ChannelUpdateAppliedTagsEvent event) {
        ThreadChannel thread = event.getChannel().asThreadChannel();
        if (!isSupport(thread)) return;
        List<String> tags = event.getNewTags().stream().map(ForumTag::getName).toList();
        write(() -> store.setTags(thread.getIdLong(), tags));
    }

    /**
     * Discord would not resume the old session, so nothing that happened between the two sessions will ever arrive:
     * catch up as at start-up (writes are idempotent, so threads already recorded are not recorded twice).
     */
    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        try {
            workers.execute(() -> {
                try {
                    catchUp(event.getJDA());
                } catch (RuntimeException e) {
                    log.warn("Support catch-up after a new gateway session failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Loop is stopping; no catch-up");
        }
    }

    // ---------------------------------------------------------------- catch-up

    /**
     * Records the active support threads Loop missed while offline and finds their first engineer reply by reading
     * their history. Blocking: run it on a worker.
     */
    public void catchUp(JDA jda) {
        Guild guild = jda.getGuildById(config.discord().guildId());
        if (guild == null) return;
        Map<Long, ThreadChannel> threads = new LinkedHashMap<>();
        for (ThreadChannel t : guild.getThreadChannelCache()) if (isSupport(t)) threads.put(t.getIdLong(), t);
        try {
            for (ThreadChannel t : guild.retrieveActiveThreads().complete()) {
                if (isSupport(t)) threads.putIfAbsent(t.getIdLong(), t);
            }
        } catch (RuntimeException e) {
            log.warn("Listing the active threads failed; catching up from the cache only: {}", e.toString());
        }
        int recorded = 0, answeredNow = 0;
        Map<Long, Boolean> stored = store.answeredState(threads.keySet());
        for (ThreadChannel thread : threads.values()) {
            try {
                long id = thread.getIdLong();
                boolean wasKnown = stored.containsKey(id);
                if (Boolean.TRUE.equals(stored.get(id))) {
                    answered.put(id, true);
                    continue;
                }
                SupportThread t = toRecord(thread);
                if (!wasKnown && store.record(t)) recorded++;
                Scan scan = scan(guild, thread);
                if (scan.firstEngineerReply().isPresent()) {
                    Message reply = scan.firstEngineerReply().get();
                    store.markAnswered(
                            id,
                            reply.getAuthor().getIdLong(),
                            reply.getTimeCreated().toInstant());
                    answered.put(id, true);
                    answeredNow++;
                } else {
                    answered.putIfAbsent(id, false);
                }
                boolean recent =
                        Duration.between(t.createdAt(), clock.instant()).compareTo(CATCH_UP_HINT_AGE) <= 0;
                if (!wasKnown && recent) {
                    hints.considerNewPost(
                            thread,
                            t,
                            scan.firstOwnerMessage().map(Message::getContentRaw).orElse(""));
                }
            } catch (RuntimeException e) {
                log.warn("Catching up support thread {} failed: {}", thread.getId(), e.toString());
            }
        }
        log.info(
                "Support catch-up: {} active threads, {} new, {} newly answered",
                threads.size(),
                recorded,
                answeredNow);
    }

    /** What the start of a thread's history says. */
    record Scan(Optional<Message> firstEngineerReply, Optional<Message> firstOwnerMessage) {}

    private Scan scan(Guild guild, ThreadChannel thread) {
        long owner = thread.getOwnerIdLong();
        MessageHistory history =
                MessageHistory.getHistoryFromBeginning(thread).limit(100).complete();
        List<Message> page = new ArrayList<>(history.getRetrievedHistory());
        Message ownerMessage = null;
        int read = 0;
        while (!page.isEmpty() && read < CATCH_UP_MESSAGES) {
            page.sort(Comparator.comparingLong(Message::getIdLong));
            for (Message m : page) {
                read++;
                if (m.getAuthor().isBot() || m.isWebhookMessage()) continue;
                long author = m.getAuthor().getIdLong();
                if (author == owner) {
                    if (ownerMessage == null) ownerMessage = m;
                    continue;
                }
                Member member = m.getMember() != null ? m.getMember() : Members.find(guild, author);
                if (engineers.isEngineer(member)) return new Scan(Optional.of(m), Optional.ofNullable(ownerMessage));
            }
            if (page.size() < 100) break;
            page = new ArrayList<>(history.retrieveFuture(100).complete());
        }
        return new Scan(Optional.empty(), Optional.ofNullable(ownerMessage));
    }

    // ---------------------------------------------------------------- helpers

    /** Queues a write; a failure is logged and never stops the writer. */
    private void write(Runnable work) {
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Recording support activity failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Support watcher is stopping; write dropped");
        }
    }

    /** A thread in a support channel that a person opened (Loop's own threads are not support requests). */
    boolean isSupport(ThreadChannel thread) {
        IThreadContainerUnion parent = thread.getParentChannel();
        return parent != null
                && config.channels().isSupport(parent.getIdLong())
                && thread.getOwnerIdLong() != thread.getJDA().getSelfUser().getIdLong();
    }

    static SupportThread toRecord(ThreadChannel thread) {
        List<String> tags =
                thread.getAppliedTags().stream().map(ForumTag::getName).toList();
        return SupportThread.opened(
                thread.getIdLong(),
                thread.getGuild().getIdLong(),
                thread.getParentChannel().getIdLong(),
                thread.getOwnerIdLong(),
                thread.getName(),
                tags,
                thread.getTimeCreated().toInstant());
    }

    /** Whether this process has seen the thread answered (tests and diagnostics). */
    Optional<Boolean> cachedAnswered(long threadId) {
        return Optional.ofNullable(answered.get(threadId));
    }

    /** Waits until every queued write is done (tests, shutdown). */
    public void flush() {
        try {
            writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Waiting for support thread writes failed: {}", e.toString());
        }
    }

    public void close() {
        hintRunner.shutdown();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) log.warn("Some support thread writes were dropped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
