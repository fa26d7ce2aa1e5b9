package dev.loop.release;

import dev.loop.issue.Place;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what a published release owes: the announcement in the releases channel, the notices in the outbox, the
 * docs/copy review checklist in the team channel, and the shipped tag on forum posts.
 *
 * <p>The outbox is the only source of truth. Every send carries the deterministic nonce stored with its row (Discord
 * returns the earlier message instead of posting twice when the same nonce comes again with {@code enforce_nonce}),
 * and a row is marked delivered in the same transaction that records the message id. So after a crash the worker
 * simply picks up the pending rows; the one window left, a message sent but its row not yet written, is closed by
 * the nonce as long as the restart comes within Discord's nonce window (a few minutes).
 *
 * <p>Rows sent together (the people mentioned in one thread message) share a nonce and are recorded together. A row
 * whose route failed for good moves to its fallback route ({@link Fallback}) and is sent on its own. Transient
 * failures are retried with backoff, persisted as {@code attempts} and {@code next_attempt_at}, so nothing is dropped
 * by a restart either. Rate limits (429) are JDA's business: it waits for Retry-After before the call returns.
 */
public final class NoticeWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);
    static final String REVIEW_PREFIX = ReleaseIds.REVIEW;

    /**
     * Tuning; tests shrink the waits. {@code sendsInFlight}: how many notice messages may wait for Discord's answer
     * at once. One at a time leaves most of the rate limit unused (every DM is two round trips plus a database write);
     * a few keep JDA's rate limiter, which paces the requests, busy. {@code progressEvery}: the least time between two
     * edits of the team channel's progress message ({@link PublishProgress}).
     */
    public record Options(
            Duration idlePoll, double backoffScale, Duration minWait, int sendsInFlight, Duration progressEvery) {
        /** Five seconds between progress edits stays well inside Discord's five edits per channel in five seconds. */
        public static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

        public static final Options DEFAULT =
                new Options(Duration.ofMinutes(1), 1.0, Duration.ofMillis(20), 4, PROGRESS_EVERY);

        public Options {
            if (sendsInFlight < 1) throw new IllegalArgumentException("sendsInFlight must be at least 1");
            if (progressEvery.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("progressEvery must be at least a second");
            }
        }

        public Options(Duration idlePoll, double backoffScale, Duration minWait, int sendsInFlight) {
            this(idlePoll, backoffScale, minWait, sendsInFlight, PROGRESS_EVERY);
        }

        /** One send at a time, in order. */
        public Options(Duration idlePoll, double backoffScale, Duration minWait) {
            this(idlePoll, backoffScale, minWait, 1);
        }

        public Options withProgressEvery(Duration every) {
            return new Options(idlePoll, backoffScale, minWait, sendsInFlight, every);
        }
    }

    private final ReleaseStore store;
    private final Courier courier;
    private final Clock clock;
    private final long releasesChannel;
    private final long teamChannel;
    private final String shippedTag;
    private final String trackedTag;
    private final Options options;

    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    // Per-process state: none of it matters for exactly-once (that lives in the outbox).
    private final Set<Long> tagged = new HashSet<>();
    private final Announcer announcer;
    private final ReviewChecklist checklist;
    private final NoticeSender sender;
    private final PublishProgress progress;
    /**
     * The releases with work left when this process started: a message of theirs may have gone out just before a
     * stop without being recorded, so each is looked for in its destination before it is sent (the nonce alone
     * covers only a restart within Discord's few minutes).
     */
    private final Set<Long> fromBeforeStart = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public NoticeWorker(
            ReleaseStore store,
            Courier courier,
            Clock clock,
            long releasesChannel,
            long teamChannel,
            String shippedTag,
            String trackedTag,
            Options options) {
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.releasesChannel = releasesChannel;
        this.teamChannel = teamChannel;
        this.shippedTag = shippedTag;
        this.trackedTag = trackedTag;
        this.options = options;
        EarlierSends earlier = new EarlierSends(courier, fromBeforeStart::contains);
        this.announcer =
                new Announcer(store, courier, clock, releasesChannel, this::ensureRunning, this::scaled, earlier);
        this.checklist =
                new ReviewChecklist(store, courier, clock, teamChannel, this::ensureRunning, this::scaled, earlier);
        this.progress = new PublishProgress(store, courier, teamChannel, options.progressEvery(), System::nanoTime);
        this.sender = new NoticeSender(store, courier, clock, announcer, this::ensureRunning, this::scaled, earlier);
    }

    /** Starts delivering in the background; picks up whatever the outbox holds from before a restart. */
    public synchronized void start() {
        if (thread != null) return;
        fromBeforeStart.addAll(store.releasesWithWork());
        running = true;
        thread = Thread.ofPlatform().name("loop-release-delivery").daemon().start(this::loop);
    }

    /** Something new to deliver (a release was just published). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops after the send in flight; nothing more is recorded once stopping. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t == null) return;
        t.interrupt();
        wake();
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            Instant next;
            try {
                next = runOnce();
            } catch (Stopped e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.error("Release delivery pass failed; trying again shortly", e);
                next = clock.instant()
                        .plus(
                                options.idlePoll().compareTo(Duration.ofSeconds(5)) < 0
                                        ? options.idlePoll()
                                        : Duration.ofSeconds(5));
            }
            await(next);
        }
    }

    private void await(Instant next) {
        long ms = Math.max(
                options.minWait().toMillis(),
                Duration.between(clock.instant(), next).toMillis());
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(ms);
                } catch (InterruptedException e) {
                    running = false;
                    return;
                }
            }
            woken = false;
        }
    }

    /**
     * One pass over every release with work left. Returns when the next pass is due.
     */
    Instant runOnce() {
        Instant now = clock.instant();
        Instant next = now.plus(options.idlePoll());
        for (long releaseId : store.releasesWithWork()) {
            ensureRunning();
            Optional<Instant> due = deliver(releaseId);
            if (due.isPresent() && due.get().isBefore(next)) next = due.get();
        }
        return next;
    }

    /** Delivers what is due for one release; returns when it next has something due, if it does. */
    Optional<Instant> deliver(long releaseId) {
        Release release = store.find(releaseId).orElseThrow();
        Instant now = clock.instant();
        if (release.announcementState() == AnnouncementState.PENDING) {
            Instant retryAt = announcer.retryAt(releaseId);
            if (retryAt != null && retryAt.isAfter(now)) return Optional.of(retryAt);
            release = announcer.announce(release);
            if (release.announcementState() == AnnouncementState.PENDING) {
                return Optional.ofNullable(announcer.retryAt(releaseId));
            }
        }
        String url = announcer.url(release);
        List<ShippedIssue> shipped = store.shipped(releaseId);
        List<OutboxNotice> all = store.notices(releaseId);
        DeliveryMode mode =
                all.stream().anyMatch(n -> n.route() == Route.THREAD) ? DeliveryMode.THREAD : DeliveryMode.DM;
        NoticePlan plan = NoticePlan.plan(releaseId, release.version(), url, mode, shipped);
        Map<String, Notice> byNonce = new HashMap<>();
        for (Notice n : plan.all()) byNonce.put(n.nonce(), n);

        boolean hadPending = all.stream().anyMatch(n -> n.state() == NoticeState.PENDING);
        Release announced = release;
        if (hadPending) progress.starting(release);
        // Fallbacks decided in this pass are due at once: keep going until nothing is due now.
        for (int pass = 0; pass < 3; pass++) {
            List<OutboxNotice> due = store.due(releaseId, clock.instant());
            if (due.isEmpty()) break;
            sendAll(groups(due), group -> {
                sender.send(announced, plan, byNonce, group);
                progress.sent(announced);
            });
        }
        checklist.post(release, url);
        if (shippedTag != null && tagged.add(releaseId)) tagPosts(shipped);
        Optional<Instant> nextNotice = store.nextDue(releaseId);
        if (hadPending && nextNotice.isEmpty()) noticesFinished(release);
        Optional<Instant> nextReview = checklist.retryAt(releaseId);
        return nextNotice.isEmpty()
                ? nextReview
                : nextReview.isEmpty()
                        ? nextNotice
                        : Optional.of(
                                nextNotice.get().isBefore(nextReview.get()) ? nextNotice.get() : nextReview.get());
    }

    /** Rows that go out in one message: a thread chunk's rows share its nonce; everything else goes alone. */
    static List<List<OutboxNotice>> groups(List<OutboxNotice> due) {
        Map<String, List<OutboxNotice>> groups = new LinkedHashMap<>();
        for (OutboxNotice n : due) {
            String key = n.route() == Route.THREAD && !n.fellBack() && n.nonce() != null
                    ? "t:" + n.targetChannelId() + ":" + n.nonce()
                    : "r:" + n.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        return List.copyOf(groups.values());
    }

    // ---------------------------------------------------------------- notices

    /**
     * Sends the groups, up to {@link Options#sendsInFlight} at a time. Groups are separate outbox rows (different
     * people, or different threads), so the order they finish in does not matter; each still records its own outcome.
     */
    private void sendAll(List<List<OutboxNotice>> groups, java.util.function.Consumer<List<OutboxNotice>> send) {
        if (options.sendsInFlight() == 1 || groups.size() == 1) {
            for (List<OutboxNotice> group : groups) {
                ensureRunning();
                send.accept(group);
            }
            return;
        }
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(options.sendsInFlight());
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("loop-release-send-", 0).factory())) {
            for (List<OutboxNotice> group : groups) {
                ensureRunning();
                slots.acquire();
                sends.add(executor.submit(() -> {
                    try {
                        send.accept(group);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : sends) f.get();
        } catch (InterruptedException e) {
            running = false;
            throw new Stopped();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void noticesFinished(Release release) {
        progress.finished(release);
        ReleaseStatus s = store.status(release);
        log.info(
                "Release {} notices done: {} delivered, {} fell back, {} failed",
                release.version(),
                s.delivered(),
                s.fellBack(),
                s.failed());
        store.recordNoticesSent(
                release.id(),
                "release notices for " + release.version() + ": " + s.delivered() + " delivered, " + s.fellBack()
                        + " fell back, " + s.failed() + " failed",
                clock.instant());
    }

    // ---------------------------------------------------------------- tags

    private void tagPosts(List<ShippedIssue> shipped) {
        Set<Long> threads = new HashSet<>();
        for (ShippedIssue s : shipped) {
            for (Place p : s.places()) {
                if (p.kind() == Place.PlaceKind.FORUM_POST && p.channelId() != null && threads.add(p.channelId())) {
                    ensureRunning();
                    try {
                        courier.tag(p.channelId(), shippedTag, trackedTag);
                    } catch (SendFailure f) {
                        log.info("Could not tag post {} as shipped: {}", p.channelId(), f.describe());
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Duration scaled(Duration d) {
        return options.backoffScale() == 1.0 ? d : Duration.ofMillis(Math.round(d.toMillis() * options.backoffScale()));
    }

    private void ensureRunning() {
        if (!running && thread != null) throw new Stopped();
    }

    /** Thrown through a pass once {@link #close()} was called, so nothing more is recorded. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }
}
