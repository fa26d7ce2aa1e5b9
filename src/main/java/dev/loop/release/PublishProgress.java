package dev.loop.release;

import dev.loop.core.text.Safe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team channel's message about a release being published, for the {@link NoticeWorker}: posted when its notices
 * start going out ("Notified 120 of 480 requesters so far."), edited a few times while they go, and edited once more
 * with the final tally.
 *
 * <p>Edits are coalesced so they never draw a 429: Discord allows about five edits per channel in five seconds, and a
 * release of hundreds of notices would otherwise edit once per notice. An edit happens only when both another tenth
 * of the requesters were told since the last one and {@code every} has passed ({@link Pacing}), whichever is rarer;
 * the final tally always goes. A notice never waits for an edit: a send that finds another send editing skips it.
 *
 * <p>Which message it is lives in this process only: the post carries the release's progress nonce, so a restart
 * within Discord's nonce window finds the same message; after a longer stop the tally is posted afresh.
 */
final class PublishProgress {

    private static final Logger log = LoggerFactory.getLogger(PublishProgress.class);

    /** People told so far, people who could not be reached (all their notices failed), of how many requesters. */
    record Reach(int told, int unreachable, int total) {
        boolean finished() {
            return told + unreachable >= total;
        }
    }

    /** When the next edit is allowed: a tenth more of the requesters told, and {@code every} since the last edit. */
    record Pacing(Duration every) {
        boolean due(int shownTold, long shownAtNanos, Reach now, long nowNanos) {
            int step = Math.max(1, (now.total() + 9) / 10);
            return now.told() - shownTold >= step && nowNanos - shownAtNanos >= every.toNanos();
        }
    }

    private static final class Shown {
        final long channelId;
        final long messageId;
        int told;
        long atNanos;
        boolean finished;
        final ReentrantLock editing = new ReentrantLock();

        Shown(long channelId, long messageId, int told, long atNanos) {
            this.channelId = channelId;
            this.messageId = messageId;
            this.told = told;
            this.atNanos = atNanos;
        }
    }

    private final ReleaseStore store;
    private final Courier courier;
    private final long teamChannel;
    private final Pacing pacing;
    private final LongSupplier nanoTime;
    private final Map<Long, Shown> shown = new ConcurrentHashMap<>();

    PublishProgress(ReleaseStore store, Courier courier, long teamChannel, Duration every, LongSupplier nanoTime) {
        this.store = store;
        this.courier = courier;
        this.teamChannel = teamChannel;
        this.pacing = new Pacing(every);
        this.nanoTime = nanoTime;
    }

    /** The release's notices are about to go out: posts the message unless it is up already. */
    void starting(Release release) {
        if (shown.containsKey(release.id())) return;
        Reach reach = store.reach(release.id());
        if (reach.total() == 0) return;
        try {
            Courier.Posted posted = courier.post(
                    teamChannel,
                    Courier.Outgoing.of(text(release.version(), reach), List.of(), Nonces.progress(release.id())));
            shown.put(
                    release.id(),
                    new Shown(posted.channelId(), posted.messageId(), reach.told(), nanoTime.getAsLong()));
        } catch (SendFailure f) {
            log.info("Could not post the progress of release {}: {}", release.version(), f.describe());
        }
    }

    /** A notice went out: edits the count when it is due and no other send is editing it right now. */
    void sent(Release release) {
        Shown s = shown.get(release.id());
        if (s == null
                || s.finished
                || nanoTime.getAsLong() - s.atNanos < pacing.every().toNanos()) return;
        if (!s.editing.tryLock()) return;
        try {
            Reach reach = store.reach(release.id());
            long now = nanoTime.getAsLong();
            if (s.finished || reach.finished() || !pacing.due(s.told, s.atNanos, reach, now)) return;
            edit(release, s, reach, now);
        } finally {
            s.editing.unlock();
        }
    }

    /** Every notice is sent or given up: the final tally, once. */
    void finished(Release release) {
        Shown s = shown.get(release.id());
        if (s == null) {
            starting(release);
            s = shown.get(release.id());
            if (s == null) return;
        }
        s.editing.lock();
        try {
            if (s.finished) return;
            Reach reach = store.reach(release.id());
            edit(release, s, reach, nanoTime.getAsLong());
            s.finished = true;
        } finally {
            s.editing.unlock();
        }
    }

    private void edit(Release release, Shown s, Reach reach, long now) {
        try {
            courier.edit(s.channelId, s.messageId, text(release.version(), reach));
            s.told = reach.told();
            s.atNanos = now;
        } catch (SendFailure f) {
            log.info("Could not update the progress of release {}: {}", release.version(), f.describe());
        }
    }

    /** What the team channel reads: the count while notices go out, the tally once they are done. */
    static String text(String version, Reach r) {
        String v = "**" + Safe.inline(version, ReleaseRules.MAX_VERSION) + "**";
        if (!r.finished()) {
            return "📣 Publishing " + v + ". Notified " + r.told() + " of " + requesters(r.total()) + " so far.";
        }
        if (r.unreachable() == 0) {
            return "📣 " + v + " is published. "
                    + (r.total() == 1 ? "The one requester was told." : "All " + requesters(r.total()) + " were told.");
        }
        return "📣 " + v + " is published. " + r.told() + " of " + requesters(r.total()) + " were told; "
                + r.unreachable() + " could not be reached (/"
                + ReleaseFeature.STATUS_COMMAND + " " + Safe.inline(version, ReleaseRules.MAX_VERSION)
                + " says who).";
    }

    private static String requesters(int n) {
        return n == 1 ? "1 requester" : n + " requesters";
    }
}
