package dev.loop.core.discord;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class PacedRateLimiterTest {

    /** Stands in for JDA's limiter: runs every request at once on its own thread, as JDA's buckets would. */
    static final class Executing implements RestRateLimiter {
        final List<RestRateLimiter.Work> handed = new CopyOnWriteArrayList<>();
        final Map<FakeWork, Long> sentAt = new ConcurrentHashMap<>();
        volatile boolean stopped;

        @Override
        public void enqueue(Work task) {
            handed.add(task);
            Thread.ofVirtual().start(task::execute);
        }

        @Override
        public void stop(boolean shutdown, Runnable callback) {
            stopped = true;
            if (callback != null) callback.run();
        }

        @Override
        public boolean isStopped() {
            return stopped;
        }

        @Override
        public int cancelRequests() {
            return 0;
        }
    }

    /**
     * A clock that moves only when the test moves it: a request whose turn is still ahead waits until then. It waits
     * on a lock's condition, not a monitor: the requests run on virtual threads, as JDA's do in Loop, and a timed
     * {@code Object.wait} there was seen to keep both carriers of a two-core machine for good.
     */
    static final class ManualTicker implements PacedRateLimiter.Ticker {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition moved = lock.newCondition();
        private long now;

        @Override
        public long nanoTime() {
            lock.lock();
            try {
                return now;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void parkNanos(long nanos) {
            lock.lock();
            try {
                // woken by advance(); the bound only covers an advance between the read and the wait
                moved.await(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }

        void advance(Duration d) {
            lock.lock();
            try {
                now += d.toNanos();
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    final ManualTicker ticker = new ManualTicker();

    final class FakeWork implements RestRateLimiter.Work {
        final Route.CompiledRoute route;
        final Executing sink;
        volatile Response response;

        FakeWork(Executing sink, Route route, String... params) {
            this.sink = sink;
            this.route = route.compile(params);
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return route;
        }

        @Override
        public JDA getJDA() {
            return null;
        }

        @Override
        public Response execute() {
            sink.sentAt.put(this, ticker.nanoTime());
            return response;
        }

        @Override
        public boolean isSkipped() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isPriority() {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void cancel() {}
    }

    FakeWork message(Executing sink) {
        return new FakeWork(sink, Route.post("channels/{channel_id}/messages"), "1");
    }

    @Test
    void whilePacingRequestsAreSentEvenlySpacedHoweverJdaReleasesThem() {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 200, ticker); // a turn every 5 ms
        for (int i = 0; i < 40; i++) limiter.enqueue(message(jda)); // all released at once

        for (int sent = 1; sent <= 40; sent++) {
            int expected = sent;
            eventually(expected + " requests sent", () -> jda.sentAt.size() >= expected);
            assertThat(jda.sentAt).as("sent by %s ms", (sent - 1) * 5).hasSize(expected);
            ticker.advance(Duration.ofMillis(5));
        }

        List<Long> times = jda.sentAt.values().stream().sorted().toList();
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)).isEqualTo(Duration.ofMillis(5L * i).toNanos());
        }
    }

    @Test
    void interactionAnswersAreNeverHeld() {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 2, ticker); // a turn every 500 ms
        for (int i = 0; i < 4; i++) limiter.enqueue(message(jda));
        FakeWork callback = new FakeWork(
                jda, Route.post("interactions/{interaction_id}/{interaction_token}/callback"), "1", "token");
        FakeWork followUp =
                new FakeWork(jda, Route.post("webhooks/{application_id}/{interaction_token}"), "2", "token");
        limiter.enqueue(callback);
        limiter.enqueue(followUp);

        // the clock stands still: only what needs no turn, and the first message, can go
        eventually("the answers and the first message", () -> jda.sentAt.size() >= 3);

        assertThat(jda.sentAt).containsKeys(callback, followUp).hasSize(3);
        assertThat(jda.sentAt.get(callback)).isZero();
        assertThat(jda.sentAt.get(followUp)).isZero();
        assertThat(jda.handed).contains(callback, followUp); // exempt work reaches JDA as it was given
        ticker.advance(Duration.ofHours(1)); // let the held messages go
        eventually("the held messages", () -> jda.sentAt.size() == 6);
    }

    @Test
    void quietTrafficGoesAtOnce() {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 2, ticker); // a turn every 500 ms
        limiter.enqueue(message(jda));
        eventually("the first message", () -> jda.sentAt.size() == 1);
        ticker.advance(Duration.ofMillis(600)); // the next turn is long past

        FakeWork second = message(jda);
        limiter.enqueue(second);

        // the clock stands still, so the message is sent only if it needs no wait
        eventually("the second message", () -> jda.sentAt.containsKey(second));
        assertThat(jda.sentAt.get(second)).isEqualTo(Duration.ofMillis(600).toNanos());
        limiter.stop(true, null);
        assertThat(jda.stopped).isTrue();
    }
}
