package dev.loop.release;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docs/copy review checklist a release posts in the team channel, one item at a time with a Reviewed button,
 * for the {@link NoticeWorker}: each item is posted once (its message id is stored), a transient failure retries the
 * rest later, and an item that can't be posted for good is given up on in this process only.
 */
final class ReviewChecklist {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);

    private final ReleaseStore store;
    private final Courier courier;
    private final Clock clock;
    private final long teamChannel;
    private final Runnable ensureRunning;
    private final UnaryOperator<Duration> scaled;
    private final EarlierSends earlier;

    // Per-process state: the posted items themselves are recorded in the store.
    private final Map<Long, Instant> reviewRetryAt = new HashMap<>();
    private final Set<Long> reviewGivenUp = new HashSet<>();

    ReviewChecklist(
            ReleaseStore store,
            Courier courier,
            Clock clock,
            long teamChannel,
            Runnable ensureRunning,
            UnaryOperator<Duration> scaled,
            EarlierSends earlier) {
        this.earlier = earlier;
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.teamChannel = teamChannel;
        this.ensureRunning = ensureRunning;
        this.scaled = scaled;
    }

    /** When the items of a release that failed transiently are due again, if any. */
    Optional<Instant> retryAt(long releaseId) {
        return Optional.ofNullable(reviewRetryAt.get(releaseId));
    }

    void post(Release release, String url) {
        if (store.reviewOnGitHub(release.id())) return; // the GitHub review issue is the checklist
        Instant now = clock.instant();
        Instant retryAt = reviewRetryAt.get(release.id());
        if (retryAt != null && retryAt.isAfter(now)) return;
        reviewRetryAt.remove(release.id());
        for (ReviewItem item : store.reviewItems(release.id())) {
            if (item.messageId() != null || reviewGivenUp.contains(item.id())) continue;
            ensureRunning.run();
            String nonce = Nonces.review(release.id(), item.issueNumber() == null ? 0 : item.issueNumber());
            Courier.Outgoing out = new Courier.Outgoing(
                    ReviewText.render(release.version(), item, url),
                    List.of(),
                    nonce,
                    List.of(new Courier.Action(ReleaseIds.REVIEW_ID.id(item.id()), ReviewText.BUTTON)));
            try {
                // an item of a release from before this start may be out already (its button names the item)
                Optional<Courier.Posted> sent = earlier.find(release.id(), teamChannel, false, out);
                Courier.Posted posted = sent.isPresent() ? sent.get() : courier.post(teamChannel, out);
                dev.loop.core.Crashpoints.reach("release.review.sent");
                ensureRunning.run();
                store.reviewPosted(item.id(), posted.channelId(), posted.messageId());
            } catch (SendFailure f) {
                ensureRunning.run();
                Fallback.Failure failure = f.failure();
                if (failure == Fallback.Failure.TRANSIENT || failure == Fallback.Failure.RATE_LIMITED) {
                    reviewRetryAt.put(
                            release.id(), now.plus(scaled.apply(f.retryAfter().orElse(Fallback.backoff(1)))));
                    log.warn("Posting the review list of release {} failed ({}); retrying", release.id(), f.describe());
                    return;
                }
                reviewGivenUp.add(item.id());
                log.error("Could not post review item {} in channel {}: {}", item.id(), teamChannel, f.describe());
            }
        }
    }
}
