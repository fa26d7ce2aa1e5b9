package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import dev.loop.watch.WatchFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jooq.impl.DSL;

/**
 * Support-channel ingestion: new forum posts and messages in them, posted as fast as the simulator can, and how many a
 * second Loop records with nothing lost. Threads count when their support_thread row is written; messages when Loop's
 * listeners have handled them (a counting listener registered after Loop's own sees each message once they are done
 * with it). The last message in every thread is an engineer's, so every thread must end up answered: a lost message
 * shows as an unanswered thread. The same messages then go to a bare JDA with only the counter, the ceiling the
 * simulator and JDA set on this machine.
 */
final class IngestBench implements Bench.Benchmark {

    static final double TARGET_MESSAGES_PER_SECOND = 5_000;

    @Override
    public String title() {
        return "Support-channel ingestion: threads and messages recorded per second";
    }

    /** Counts what reaches the listeners after Loop's, in the support forum only. */
    static final class Counter extends ListenerAdapter {
        final long forumId;
        final AtomicLong messages = new AtomicLong();
        final AtomicLong threads = new AtomicLong();
        volatile long lastMessageNanos;

        Counter(long forumId) {
            this.forumId = forumId;
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent e) {
            if (e.isFromThread()
                    && e.getChannel().asThreadChannel().getParentChannel().getIdLong() == forumId) {
                messages.incrementAndGet();
                lastMessageNanos = System.nanoTime();
            }
        }

        @Override
        public void onChannelCreate(ChannelCreateEvent e) {
            if (e.getChannel() instanceof ThreadChannel t
                    && t.getParentChannel().getIdLong() == forumId) {
                threads.incrementAndGet();
            }
        }
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        try (Community c = Community.start(SimOptions.defaults(), 4)) {
            List<SimMember> posters = c.members(200, "poster");
            Path file = c.dir.resolve("loop.db");
            try (Database db = Database.open(file)) {
                // open issues for the "looks like #N" hint each new post is checked against
                Words words = new Words(3, Words.CORPUS_VOCABULARY);
                Seeder.issues(
                        db,
                        c.guild.id(),
                        c.engineers.getFirst().id(),
                        1_000,
                        i -> new Seeder.Issue(
                                words.title(), words.text(30), words.text(60), "open", "untriaged", List.of()));
                Counter counter = new Counter(c.support.id());
                int threadCount = scale.ingestThreads();
                int messageCount = scale.ingestMessages();
                List<SimChannel> threads = new ArrayList<>();
                double threadSeconds;
                double messageSeconds;
                long recordedThreads;
                long answered;
                long seenByLoop;
                try (Community.Running loop =
                        c.startLoop(c.config("thread", file), db, b -> b.addEventListeners(counter))) {
                    Thread.sleep((long)
                            (Math.min(1, scale.settleSeconds()) * 1_000)); // the start-up catch-up finishes first
                    progress.say("ingest: " + threadCount + " new forum posts");
                    LongSupplier rows = () -> db.read(ctx -> ctx.fetchCount(DSL.table("support_thread")));
                    long t0 = System.nanoTime();
                    for (int i = 0; i < threadCount; i++) {
                        SimMember m = posters.get(i % posters.size());
                        threads.add(m.postInForum(c.support, "Post " + i + ": " + words.title(), words.text(20)));
                    }
                    long done = waitFor(rows, threadCount, 60);
                    threadSeconds = (done - t0) / 1e9;
                    recordedThreads = rows.getAsLong();

                    progress.say("ingest: " + messageCount + " messages");
                    counter.messages.set(0);
                    long before = counter.messages.get();
                    long m0 = System.nanoTime();
                    post(c, threads, posters, messageCount, words);
                    waitFor(counter.messages::get, before + messageCount, 120);
                    messageSeconds = (counter.lastMessageNanos - m0) / 1e9;
                    seenByLoop = counter.messages.get() - before;
                    loop.feature(WatchFeature.class).watcher().flush();
                    answered = db.read(ctx -> ctx.fetchCount(
                            DSL.table("support_thread"),
                            DSL.field("first_engineer_reply_at").isNotNull()));
                }

                progress.say("ingest: the same messages to a bare JDA (the ceiling)");
                Counter bare = new Counter(c.support.id());
                JDA jda = c.startBareJda(bare);
                double bareSeconds;
                long bareSeen;
                try {
                    long b0 = System.nanoTime();
                    post(c, threads, posters, messageCount, words);
                    waitFor(bare.messages::get, messageCount, 120);
                    bareSeconds = (bare.lastMessageNanos - b0) / 1e9;
                    bareSeen = bare.messages.get();
                } finally {
                    Community.stop(jda);
                }

                double threadRate = recordedThreads / threadSeconds;
                double messageRate = seenByLoop / messageSeconds;
                double bareRate = bareSeen / bareSeconds;
                List<Figure> figures = List.of(
                        Figure.info("new threads recorded", recordedThreads, "of " + threadCount),
                        Figure.info("threads recorded per second", threadRate, "/s"),
                        Figure.atLeast("messages handled per second", messageRate, "/s", TARGET_MESSAGES_PER_SECOND),
                        Figure.exactly("messages lost", messageCount - seenByLoop, "", 0),
                        Figure.exactly(
                                "threads lost or not answered",
                                threadCount - Math.min(recordedThreads, answered),
                                "",
                                0),
                        Figure.info("bare JDA messages per second", bareRate, "/s"),
                        Figure.info("Loop ÷ bare JDA", messageRate / bareRate, "×"));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("threads", threadCount);
                details.put("messages", messageCount);
                details.put("thread_seconds", threadSeconds);
                details.put("message_seconds", messageSeconds);
                details.put("bare_message_seconds", bareSeconds);
                details.put("answered_threads", answered);
                List<String> notes = List.of(
                        "the simulator, its message generator, JDA and Loop share this JVM and its "
                                + Runtime.getRuntime().availableProcessors() + " cores; the bare JDA figure is what "
                                + "the simulator and JDA alone reach here",
                        "every thread is checked against 1,000 open issues for a similarity hint as it is recorded");
                return new Outcome("ingest", "", figures, notes, details, 0);
            }
        }
    }

    /** Posts round-robin over the threads; the last message in each thread is an engineer's reply. */
    private static void post(Community c, List<SimChannel> threads, List<SimMember> posters, int count, Words words) {
        int t = threads.size();
        for (int j = 0; j < count; j++) {
            SimChannel thread = threads.get(j % t);
            SimMember author =
                    j >= count - t ? c.engineers.get(j % c.engineers.size()) : posters.get(j % posters.size());
            author.say(thread, words.text(12));
        }
    }

    /** Waits until {@code value} reaches {@code target}, giving up after {@code idleSeconds} without progress. */
    private static long waitFor(LongSupplier value, long target, int idleSeconds) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long v = value.getAsLong();
            if (v >= target) return System.nanoTime();
            if (v != last) {
                last = v;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > idleSeconds * 1_000_000_000L) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
    }
}
