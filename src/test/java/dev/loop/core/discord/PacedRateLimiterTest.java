package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class PacedRateLimiterTest {

    /** Records when each piece of work was handed on to JDA's limiter. */
    static class Recorder implements RestRateLimiter {
        final List<FakeWork> got = new CopyOnWriteArrayList<>();
        final List<Long> at = new CopyOnWriteArrayList<>();
        volatile boolean stopped;

        @Override
        public void enqueue(Work task) {
            got.add(unwrap(task));
            at.add(System.nanoTime());
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

    static final class FakeWork implements RestRateLimiter.Work {
        final Route.CompiledRoute route;
        volatile boolean cancelled;
        volatile Response response;

        FakeWork(Route route, String... params) {
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
            return response;
        }

        @Override
        public boolean isSkipped() {
            return cancelled;
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
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** The limiter hands on its own wrapper around non-exempt work; tests compare what JDA gave it. */
    static FakeWork unwrap(RestRateLimiter.Work w) {
        if (w instanceof FakeWork f) return f;
        try {
            java.lang.reflect.Field inner = w.getClass().getDeclaredField("work");
            inner.setAccessible(true);
            return (FakeWork) inner.get(w);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static FakeWork message(int channel) {
        return new FakeWork(Route.post("channels/{channel_id}/messages"), Integer.toString(channel));
    }

    @Test
    void spacesRequestsEvenlyInOrder() throws Exception {
        Recorder r = new Recorder();
        PacedRateLimiter limiter = new PacedRateLimiter(r, 200, true); // 5 ms apart, to keep the test short
        List<FakeWork> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            FakeWork w = message(i % 3);
            sent.add(w);
            limiter.enqueue(w);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (r.got.size() < 40 && System.nanoTime() < deadline) Thread.sleep(5);

        assertThat(r.got).containsExactlyElementsOf(sent);
        // at 200/s no 50 ms window holds more than 11 requests
        for (int i = 0; i + 11 < r.at.size(); i++) {
            assertThat(r.at.get(i + 11) - r.at.get(i)).isGreaterThanOrEqualTo(50_000_000L);
        }
        limiter.stop(true, null);
    }

    @Test
    void interactionAnswersAreNotHeldBackByTheQueue() {
        Recorder r = new Recorder();
        PacedRateLimiter limiter = new PacedRateLimiter(r, 2, true); // 500 ms apart
        for (int i = 0; i < 5; i++) limiter.enqueue(message(1));
        FakeWork callback = new FakeWork(Route.post("interactions/{interaction_id}/{interaction_token}/callback"),
                "1", "token");
        FakeWork followUp = new FakeWork(Route.post("webhooks/{application_id}/{interaction_token}"), "2", "token");
        limiter.enqueue(callback);
        limiter.enqueue(followUp);

        assertThat(r.got).contains(callback, followUp);
        assertThat(r.got.size()).isLessThanOrEqualTo(3);
        limiter.stop(true, null);
        assertThat(r.got).hasSize(7); // what was still waiting is handed to JDA on stop
        assertThat(r.stopped).isTrue();
    }

    @Test
    void cancelledWorkLeavesTheQueue() {
        Recorder r = new Recorder();
        PacedRateLimiter limiter = new PacedRateLimiter(r, 1, true);
        for (int i = 0; i < 4; i++) limiter.enqueue(message(1));

        int cancelled = limiter.cancelRequests();

        assertThat(cancelled).isBetween(2, 4); // one may already be handed on, one held for its slot
        limiter.stop(true, null);
    }

    @Test
    void passesStraightThroughUntilDiscordReportsTheGlobalLimit() throws Exception {
        List<RestRateLimiter.Work> handed = new CopyOnWriteArrayList<>();
        RestRateLimiter executing = new Recorder() {
            @Override
            public void enqueue(Work task) {
                handed.add(task);
                task.execute(); // JDA runs the request and reads its answer
            }
        };
        PacedRateLimiter limiter = new PacedRateLimiter(executing, 2, false); // 500 ms apart once pacing

        for (int i = 0; i < 5; i++) limiter.enqueue(message(1));
        assertThat(handed).hasSize(5);
        assertThat(limiter.pacing()).isFalse();

        FakeWork limited = message(1);
        limited.response = new Response.Builder()
                .request(new okhttp3.Request.Builder().url("http://127.0.0.1/api/v10/channels/1/messages").build())
                .protocol(okhttp3.Protocol.HTTP_1_1).code(429).message("Too Many Requests")
                .header("X-RateLimit-Global", "true").build();
        limiter.enqueue(limited);
        assertThat(limiter.pacing()).isTrue();

        for (int i = 0; i < 3; i++) limiter.enqueue(message(1));
        Thread.sleep(100);
        assertThat(handed.size()).isLessThanOrEqualTo(7); // now spaced 500 ms apart
        limiter.stop(true, null);
    }
}
