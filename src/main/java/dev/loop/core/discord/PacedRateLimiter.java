package dev.loop.core.discord;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import okhttp3.Response;

/**
 * Keeps Loop under Discord's global limit of 50 requests a second. JDA only learns of the global limit from a 429,
 * and then bursts again as soon as the cooldown ends, so a long fan-out (a release telling thousands of people) would
 * draw a 429 every second or two. This wraps JDA's own limiter: each request waits, just before it is sent, for its
 * turn in an even spacing a little under the limit (a request finding the last turn long past goes at once, so quiet
 * traffic is never held up). Spacing the sending itself (not the queueing) matters: JDA's per-route buckets hold
 * requests back and release them together, which would otherwise burst past the limit. Interaction callbacks and
 * interaction webhooks are exempt from the global limit, as on Discord, and are never held, so answering a person
 * never waits behind a fan-out. Should Discord still answer with a global 429, JDA waits it out as before.
 */
public final class PacedRateLimiter implements RestRateLimiter {

    /** Discord's global limit is 50/s; a little headroom absorbs jitter between here and Discord. */
    public static final double REQUESTS_PER_SECOND = 47;

    private final RestRateLimiter delegate;
    private final long intervalNanos;
    private final Object slots = new Object();
    private long nextSlot; // guarded by slots

    private final Ticker ticker;

    /** The time turns are measured on, and the wait for one; tests substitute a clock they move by hand. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };

        long nanoTime();

        /** Waits up to {@code nanos}; may return early (the caller checks the time again). */
        void parkNanos(long nanos);
    }

    PacedRateLimiter(RestRateLimiter delegate, double perSecond) {
        this(delegate, perSecond, Ticker.SYSTEM);
    }

    PacedRateLimiter(RestRateLimiter delegate, double perSecond, Ticker ticker) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive");
        this.delegate = delegate;
        this.intervalNanos = (long) (1e9 / perSecond);
        this.ticker = ticker;
        this.nextSlot = ticker.nanoTime();
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
        delegate.enqueue(exempt(task) ? task : new Paced(task));
    }

    /** Waits for this request's turn: evenly spaced, never two in the same slot. */
    private void awaitTurn() {
        long turn;
        synchronized (slots) {
            long now = ticker.nanoTime();
            turn = Math.max(now, nextSlot);
            nextSlot = turn + intervalNanos;
        }
        long wait;
        // an interrupt (JDA shutting down) ends the wait; parkNanos would otherwise return at once, over and over
        while ((wait = turn - ticker.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            ticker.parkNanos(wait);
        }
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        delegate.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
        return delegate.cancelRequests();
    }

    /** A request as JDA gave it, waiting for its turn before it is sent. */
    private final class Paced implements Work {
        private final Work work;

        Paced(Work work) {
            this.work = work;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public Response execute() {
            if (!work.isSkipped()) awaitTurn();
            return work.execute();
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
}
