package dev.loop.release;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do when a notice can't go where it was planned. The rules from the product contract:
 * a DM Discord refuses (50007) goes to the thread instead; a thread that was deleted (10003) or is locked goes to a
 * DM instead; an archived (unlocked) thread is unarchived first and then written to. Transient failures (429, 5xx,
 * opening DMs too fast) are retried with backoff; anything else fails, and every outcome is recorded.
 *
 * <p>A notice falls back at most once: a fallback that fails too is a failure, so a person can't be bounced between
 * a closed DM and a locked thread forever.
 */
public final class Fallback {

    /** Attempts per route before a transient failure becomes a failure. */
    public static final int MAX_ATTEMPTS = 6;

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private Fallback() {}

    /** Why a send failed, as far as the fallback rules care. */
    public enum Failure {
        /** 50007: the person doesn't accept DMs from Loop. */
        DM_REFUSED,
        /** 10003: the thread (or channel) no longer exists. */
        CHANNEL_GONE,
        /** 160005, or an archived thread that stays archived (50083) after an unarchive: only moderators may post. */
        THREAD_LOCKED,
        /** 50083 on a thread Loop has not tried to unarchive yet. */
        THREAD_ARCHIVED,
        /** 50001 / 50013: Loop can't see or post in the thread. */
        NO_ACCESS,
        /** 10008 on a send with a nonce: the first attempt did post (someone deleted it since); do not post again. */
        ALREADY_SENT,
        /** 429: wait for Retry-After. */
        RATE_LIMITED,
        /** 5xx, 40003 (opening DMs too fast), timeouts, dropped connections. */
        TRANSIENT,
        /** Anything else: a bug or a state retrying won't fix. */
        PERMANENT;

        /**
         * Reads a Discord error. {@code httpStatus} 0 means the request never got a response (network error).
         *
         * @param discordCode the JSON {@code code}, or 0 when there was none
         */
        public static Failure classify(int httpStatus, int discordCode) {
            switch (discordCode) {
                case 50007:
                    return DM_REFUSED;
                case 10003:
                    return CHANNEL_GONE;
                case 160005:
                    return THREAD_LOCKED;
                case 50083:
                    return THREAD_ARCHIVED;
                case 50001, 50013:
                    return NO_ACCESS;
                case 10008:
                    return ALREADY_SENT;
                case 40003:
                    return TRANSIENT;
                default:
                    break;
            }
            if (httpStatus == 429) return RATE_LIMITED;
            if (httpStatus == 0 || httpStatus >= 500) return TRANSIENT;
            if (httpStatus == 404) return CHANNEL_GONE;
            return PERMANENT;
        }
    }

    /** What Loop knows about a thread from its cache before sending. */
    public record ThreadCondition(boolean exists, boolean archived, boolean locked) {
        public static ThreadCondition open() {
            return new ThreadCondition(true, false, false);
        }
    }

    /** The next step for one notice. */
    public sealed interface Decision permits Send, UnarchiveThenSend, SendInstead, Retry, Delivered, Fail {}

    /** Send as planned. */
    public record Send() implements Decision {}

    /** Unarchive the thread, then send there. */
    public record UnarchiveThenSend() implements Decision {}

    /** Send on the other route; the notice's state becomes {@code fell_back} once that is delivered. */
    public record SendInstead(Route route, String why) implements Decision {}

    /** Try the same route again after {@code after}. */
    public record Retry(Duration after, String why) implements Decision {}

    /** Nothing more to send: it was delivered before (seen through the nonce). */
    public record Delivered(String why) implements Decision {}

    /** Give up and record {@code why}. */
    public record Fail(String why) implements Decision {}

    /**
     * Before posting in a thread: a deleted or locked thread goes to DM right away, an archived one is unarchived
     * first. Locked wins over archived: Loop can't unarchive a thread a moderator locked.
     */
    public static Decision beforeThreadSend(ThreadCondition thread, boolean alreadyFellBack) {
        Objects.requireNonNull(thread, "thread");
        if (!thread.exists()) return toDm("the thread was deleted", alreadyFellBack);
        if (thread.locked()) return toDm("the thread is locked", alreadyFellBack);
        if (thread.archived()) return new UnarchiveThenSend();
        return new Send();
    }

    /**
     * After a failed send.
     *
     * @param route              where the failed attempt went
     * @param attempts           attempts on this route so far, including the failed one
     * @param retryAfter         Discord's Retry-After for a 429
     * @param triedUnarchive     Loop already unarchived this thread for this notice
     * @param hasThread          the person has a thread to be mentioned in (for a refused DM)
     * @param alreadyFellBack    this attempt was itself a fallback
     */
    public static Decision afterFailure(
            Route route,
            Failure failure,
            int attempts,
            Optional<Duration> retryAfter,
            boolean triedUnarchive,
            boolean hasThread,
            boolean alreadyFellBack) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(failure, "failure");
        return switch (failure) {
            case ALREADY_SENT -> new Delivered("already sent (Discord matched the nonce)");
            case RATE_LIMITED ->
                new Retry(retryAfter.filter(d -> !d.isNegative()).orElse(backoff(attempts)), "rate limited");
            case TRANSIENT ->
                attempts >= MAX_ATTEMPTS
                        ? new Fail("gave up after " + attempts + " attempts")
                        : new Retry(backoff(attempts), "temporary failure");
            case DM_REFUSED ->
                route == Route.DM
                        ? toThread("the DM was refused", hasThread, alreadyFellBack)
                        : new Fail("Discord refused the message (50007)");
            case CHANNEL_GONE ->
                route == Route.THREAD
                        ? toDm("the thread was deleted", alreadyFellBack)
                        // A DM channel that vanished is reopened on the next attempt.
                        : attempts >= MAX_ATTEMPTS
                                ? new Fail("the DM channel could not be opened")
                                : new Retry(backoff(attempts), "DM channel unknown");
            case THREAD_ARCHIVED ->
                route == Route.THREAD && !triedUnarchive
                        ? new UnarchiveThenSend()
                        : route == Route.THREAD
                                ? toDm("the thread stays archived (locked)", alreadyFellBack)
                                : new Fail("unexpected archived-thread error on a DM");
            case THREAD_LOCKED ->
                route == Route.THREAD
                        ? toDm("the thread is locked", alreadyFellBack)
                        : new Fail("unexpected locked-thread error on a DM");
            case NO_ACCESS ->
                route == Route.THREAD
                        ? toDm("Loop can't post in the thread", alreadyFellBack)
                        : new Fail("no access to the DM");
            case PERMANENT -> new Fail("Discord rejected the message");
        };
    }

    /** 2 s, 4 s, 8 s, … capped at 5 minutes; {@code attempts} counts the failed attempt. */
    public static Duration backoff(int attempts) {
        int n = Math.max(1, attempts);
        if (n > 20) return MAX_BACKOFF;
        Duration d = FIRST_BACKOFF.multipliedBy(1L << (n - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Decision toDm(String why, boolean alreadyFellBack) {
        return alreadyFellBack ? new Fail(why + ", and this was already the fallback") : new SendInstead(Route.DM, why);
    }

    private static Decision toThread(String why, boolean hasThread, boolean alreadyFellBack) {
        if (alreadyFellBack) return new Fail(why + ", and this was already the fallback");
        if (!hasThread) return new Fail(why + " and there is no thread to mention them in");
        return new SendInstead(Route.THREAD, why);
    }
}
