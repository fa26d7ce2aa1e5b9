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
 * draw a 429 every second. This limiter spaces requests evenly at a rate a little under the limit, in the order JDA
 * asked for them, and hands them to JDA's own per-route limiter. Interaction callbacks and interaction webhooks are
 * exempt from the global limit, as on Discord, and pass straight through so answering a person never waits behind a
 * fan-out.
 */
public final class PacedRateLimiter implements RestRateLimiter {

    /** Discord's global limit is 50/s; a little headroom absorbs network jitter between here and Discord. */
    public static final double REQUESTS_PER_SECOND = 47;

    private final RestRateLimiter delegate;
    private final long intervalNanos;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Thread pacer;
    private volatile boolean stopped;

    PacedRateLimiter(RestRateLimiter delegate, double perSecond) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive");
        this.delegate = delegate;
        this.intervalNanos = (long) (1e9 / perSecond);
        this.pacer = Thread.ofPlatform().name("loop-rest-pacer").daemon().start(this::pace);
    }

    /** A factory for {@code RestConfig.setRateLimiterFactory}, wrapping JDA's default limiter. */
    public static Function<RateLimitConfig, RestRateLimiter> factory(double perSecond) {
        return config -> new PacedRateLimiter(new SequentialRestRateLimiter(config), perSecond);
    }

    /** Interaction callbacks and follow-ups (webhooks with an interaction token) do not count towards the limit. */
    static boolean exempt(Work work) {
        String route = work.getRoute().getBaseRoute().getRoute();
        return route.startsWith("interactions/") || route.startsWith("webhooks/");
    }

    @Override
    public void enqueue(Work task) {
        if (stopped || exempt(task)) {
            delegate.enqueue(task);
        } else {
            queue.add(task);
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
