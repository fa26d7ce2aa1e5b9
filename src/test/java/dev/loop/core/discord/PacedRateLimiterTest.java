package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

        void awaitSent(int n) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sentAt.size() < n && System.nanoTime() < deadline) Thread.sleep(2);
        }
    }

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
            sink.sentAt.put(this, System.nanoTime());
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
    void whilePacingRequestsAreSentEvenlySpacedHoweverJdaReleasesThem() throws Exception {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 200); // 5 ms apart, to keep the test short
        for (int i = 0; i < 40; i++) limiter.enqueue(message(jda)); // all released at once

        jda.awaitSent(40);

        List<Long> times = jda.sentAt.values().stream().sorted().toList();
        assertThat(times).hasSize(40);
        // at 200/s no 50 ms window holds more than 11 requests
        for (int i = 0; i + 11 < times.size(); i++) {
            assertThat(times.get(i + 11) - times.get(i)).isGreaterThanOrEqualTo(50_000_000L);
        }
    }

    @Test
    void interactionAnswersAreNeverHeld() throws Exception {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 2); // 500 ms apart
        for (int i = 0; i < 4; i++) limiter.enqueue(message(jda));
        FakeWork callback = new FakeWork(
                jda, Route.post("interactions/{interaction_id}/{interaction_token}/callback"), "1", "token");
        FakeWork followUp =
                new FakeWork(jda, Route.post("webhooks/{application_id}/{interaction_token}"), "2", "token");
        long start = System.nanoTime();
        limiter.enqueue(callback);
        limiter.enqueue(followUp);

        jda.awaitSent(3);
        Thread.sleep(50);

        assertThat(jda.sentAt).containsKeys(callback, followUp);
        assertThat(jda.sentAt.get(callback) - start).isLessThan(400_000_000L);
        assertThat(jda.sentAt.get(followUp) - start).isLessThan(400_000_000L);
        assertThat(jda.sentAt).hasSizeLessThanOrEqualTo(3); // of the four messages only the first has had its turn
        assertThat(jda.handed).contains(callback, followUp); // exempt work reaches JDA as it was given
    }

    @Test
    void quietTrafficGoesAtOnce() throws Exception {
        Executing jda = new Executing();
        PacedRateLimiter limiter = new PacedRateLimiter(jda, 2); // 500 ms apart
        limiter.enqueue(message(jda));
        jda.awaitSent(1);
        Thread.sleep(600); // the next turn is long past

        long start = System.nanoTime();
        limiter.enqueue(message(jda));
        jda.awaitSent(2);

        assertThat(System.nanoTime() - start).isLessThan(300_000_000L);
        limiter.stop(true, null);
        assertThat(jda.stopped).isTrue();
    }
}
