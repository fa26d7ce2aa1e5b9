package dev.loop.release;

import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * "Was it delivered already?", asked in one place for the announcement, the notices and the review checklist: a
 * release published before this start may have a message out that a process sent and stopped before recording,
 * longer ago than Discord's nonce lasts, so it is looked for among the destination's newest messages
 * ({@link Courier#findSent}); a release published in this run never needs the look.
 */
final class EarlierSends {

    private final Courier courier;
    private final LongPredicate fromBeforeStart;

    EarlierSends(Courier courier, LongPredicate fromBeforeStart) {
        this.courier = courier;
        this.fromBeforeStart = fromBeforeStart;
    }

    /** Whether a send for this release must look for an earlier one first. */
    boolean mayBeOut(long releaseId) {
        return fromBeforeStart.test(releaseId);
    }

    /**
     * The message of release {@code releaseId} already in the channel ({@code dm}: the person's DM), when it may be
     * out; empty otherwise.
     */
    Optional<Courier.Posted> find(long releaseId, long channelOrUserId, boolean dm, Courier.Outgoing message) {
        return mayBeOut(releaseId) ? courier.findSent(channelOrUserId, dm, message) : Optional.empty();
    }
}
