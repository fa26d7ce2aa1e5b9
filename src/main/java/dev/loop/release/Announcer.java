package dev.loop.release;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release announcement in the releases channel, for the {@link NoticeWorker}: posted once under the release's
 * nonce and recorded, retried with backoff after a transient failure, and marked failed for good otherwise.
 */
final class Announcer {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);

    private final ReleaseStore store;
    private final Courier courier;
    private final Clock clock;
    private final long releasesChannel;
    private final Runnable ensureRunning;
    private final UnaryOperator<Duration> scaled;
    private final EarlierSends earlier;

    // Per-process state: whether the announcement is out lives in the store.
    private final Map<Long, Instant> announcementRetryAt = new HashMap<>();
    private final Map<Long, Integer> announcementAttempts = new HashMap<>();

    Announcer(
            ReleaseStore store,
            Courier courier,
            Clock clock,
            long releasesChannel,
            Runnable ensureRunning,
            UnaryOperator<Duration> scaled,
            EarlierSends earlier) {
        this.earlier = earlier;
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.releasesChannel = releasesChannel;
        this.ensureRunning = ensureRunning;
        this.scaled = scaled;
    }

    /** When a release whose announcement failed transiently is due again; null when it isn't waiting. */
    Instant retryAt(long releaseId) {
        return announcementRetryAt.get(releaseId);
    }

    /** Posts the announcement; the release as stored afterwards. */
    Release announce(Release release) {
        String content = Announcement.render(
                release.version(), release.notes(), release.snippet(), Announcement.items(store.shipped(release.id())));
        Instant now = clock.instant();
        try {
            Courier.Outgoing out = Courier.Outgoing.of(content, List.of(), release.announcementNonce());
            // published before this start: the announcement may be out already, sent by a process that stopped
            // before recording it
            java.util.Optional<Courier.Posted> sent = earlier.find(release.id(), releasesChannel, false, out);
            Courier.Posted posted = sent.isPresent() ? sent.get() : courier.post(releasesChannel, out);
            dev.loop.core.Crashpoints.reach("release.announcement.sent");
            ensureRunning.run();
            store.announced(release.id(), posted.channelId(), posted.messageId());
            announcementRetryAt.remove(release.id());
            log.info("Release {} announced", release.id());
        } catch (SendFailure f) {
            ensureRunning.run();
            int attempts = announcementAttempts.merge(release.id(), 1, Integer::sum);
            Fallback.Failure failure = f.failure();
            boolean transientFailure =
                    failure == Fallback.Failure.TRANSIENT || failure == Fallback.Failure.RATE_LIMITED;
            if (transientFailure && attempts < Fallback.MAX_ATTEMPTS) {
                Duration wait = scaled.apply(f.retryAfter().orElse(Fallback.backoff(attempts)));
                announcementRetryAt.put(release.id(), now.plus(wait));
                log.warn("Announcing release {} failed ({}); retrying in {}", release.id(), f.describe(), wait);
            } else {
                store.announcementFailed(release.id());
                log.error(
                        "Announcing release {} in channel {} failed for good: {}",
                        release.id(),
                        releasesChannel,
                        f.describe());
            }
        }
        return store.find(release.id()).orElseThrow();
    }

    /** A link to the announcement, or the releases channel while it is not posted. */
    String url(Release r) {
        if (r.announcementChannelId() != null && r.announcementMessageId() != null) {
            return courier.jumpUrl(r.announcementChannelId(), r.announcementMessageId());
        }
        return "<#" + releasesChannel + ">";
    }
}
