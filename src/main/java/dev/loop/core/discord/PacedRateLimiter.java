package dev.loop.core.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;

/**
 * Keeps Loop under Discord's global limit of 50 requests a second. JDA only learns of the global limit from a 429,
 * and then bursts again as soon as the cooldown ends, so a long fan-out (a release telling thousands of people) would
 * draw a 429 every second. This limiter passes requests straight to JDA's own per-route limiter until Discord first
 * answers with a global 429; from then on it spaces them evenly at a rate a little under the limit, in the order JDA
 * asked for them. Interaction callbacks and interaction webhooks are exempt from the global limit, as on Discord, and
 * always pass straight through, so answering a person never waits behind a fan-out.
 */
public final class PacedRateLimiter implements RestRateLimiter {

    /** Discord's global limit is 50/s; a little headroom absorbs network jitter between here and Discord. */
    public static final double REQUESTS_PER_SECOND = 47;

    private final RestRateLimiter delegate;
    private final long intervalNanos;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Thread pacer;
    private volatile boolean stopped;
    /** Set for good by the first global 429: pacing only where the limit was shown to apply. */
    private volatile boolean pacing;

    PacedRateLimiter(RestRateLimiter delegate, double perSecond, boolean pacing) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive");
        this.delegate = delegate;
        this.intervalNanos = (long) (1e9 / perSecond);
        this.pacing = pacing;
        this.pacer = Thread.ofPlatform().name("loop-rest-pacer").daemon().start(this::pace);
    }

    /** A factory for {@code RestConfig.setRateLimiterFactory}, wrapping JDA's default limiter. */
    public static Function<RateLimitConfig, RestRateLimiter> factory(double perSecond) {
        return config -> new PacedRateLimiter(new SequentialRestRateLimiter(config), perSecond, false);
    }

    /** Interaction callbacks and follow-ups (webhooks with an interaction token) do not count towards the limit. */
    static boolean exempt(Work work) {
        String route = work.getRoute().getBaseRoute().getRoute();
        return route.startsWith("interactions/") || route.startsWith("webhooks/");
    }

    /** Whether requests are being spaced out (after a global 429). */
    public boolean pacing() {
        return pacing;
    }

    @Override
    public void enqueue(Work task) {
        if (stopped || exempt(task)) {
            delegate.enqueue(task);
        } else if (!pacing && queue.isEmpty()) {
            delegate.enqueue(new Watched(task));
        } else {
            queue.add(new Watched(task));
        }
    }

    private void globalLimitHit() {
        if (!pacing) {
            pacing = true;
            org.slf4j.LoggerFactory.getLogger(PacedRateLimiter.class).info(
                    "Discord's global rate limit was reached; requests are paced at {}/s from now on", intervalNanos > 0
                            ? Math.round(1e9 / intervalNanos) : 0);
        }
    }

    /** Work as JDA gave it, reporting a global 429 to the limiter. */
    private final class Watched implements Work {
        private final Work work;

        Watched(Work work) {
            this.work = work;
        }

        @Override
        public net.dv8tion.jda.api.requests.Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public net.dv8tion.jda.api.JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public okhttp3.Response execute() {
            okhttp3.Response response = work.execute();
            if (response != null && response.code() == 429 && "true".equalsIgnoreCase(response.header(GLOBAL_HEADER))) {
                globalLimitHit();
            }
            return response;
        }

        @Override
        public boolean isSkipped() {
            return work.isSkipped();
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }

        @Override
        public boolean isPriority() {
            return work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public void cancel() {
            work.cancel();
        }
    }

    private void pace() {
        long next = System.nanoTime();
        while (true) {
            Work w;
            try {
                w = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (w.isSkipped()) {
                delegate.enqueue(w); // cancelled while waiting: JDA drops it; it takes no slot
                continue;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            next = Math.max(System.nanoTime(), next) + intervalNanos;
            delegate.enqueue(w);
        }
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        stopped = true;
        pacer.interrupt();
        try {
            pacer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // whatever is still waiting goes to JDA, which finishes or cancels it as it does its own queue
        List<Work> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(delegate::enqueue);
        delegate.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
        int cancelled = 0;
        for (Work w : queue) {
            if (!w.isPriority() && !w.isCancelled()) {
                w.cancel();
                cancelled++;
            }
        }
        queue.removeIf(Work::isCancelled);
        return cancelled + delegate.cancelRequests();
    }
}
