package dev.loop.release;

import dev.loop.core.text.Safe;
import dev.loop.release.Fallback.Decision;
import dev.loop.release.Notice.DmNotice;
import dev.loop.release.Notice.ThreadNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one group of outbox rows as one message and records its outcome: delivered, retried, fallen back or failed. */
final class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);

    private final ReleaseStore store;
    private final Courier courier;
    private final Clock clock;
    private final Announcer announcer;
    private final Runnable ensureRunning;
    private final UnaryOperator<Duration> scaled;
    private final EarlierSends earlier;

    NoticeSender(
            ReleaseStore store,
            Courier courier,
            Clock clock,
            Announcer announcer,
            Runnable ensureRunning,
            UnaryOperator<Duration> scaled,
            EarlierSends earlier) {
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.announcer = announcer;
        this.ensureRunning = ensureRunning;
        this.scaled = scaled;
        this.earlier = earlier;
    }

    /** What one attempt for a group should send, worked out from the plan (or, if the plan drifted, from the rows). */
    private record Message(Route route, long target, Courier.Outgoing outgoing, boolean fallback) {}

    void send(Release release, NoticePlan plan, Map<String, Notice> byNonce, List<OutboxNotice> group) {
        OutboxNotice first = group.getFirst();
        Optional<Message> message = message(release, plan, byNonce, group);
        if (message.isEmpty()) {
            store.fail(ids(group), "nowhere to send it: no thread to mention them in", clock.instant());
            return;
        }
        Message m = message.get();
        boolean triedUnarchive = false;
        if (m.route() == Route.THREAD) {
            Fallback.ThreadCondition condition;
            try {
                condition = courier.thread(m.target());
            } catch (SendFailure f) {
                ensureRunning.run();
                handleFailure(group, m, f, false, plan);
                return;
            }
            Decision before = Fallback.beforeThreadSend(condition, m.fallback());
            switch (before) {
                case Fallback.Send s -> {}
                case Fallback.UnarchiveThenSend u -> {
                    triedUnarchive = true;
                    try {
                        courier.unarchive(m.target());
                    } catch (SendFailure f) {
                        ensureRunning.run();
                        handleFailure(group, m, f, true, plan);
                        return;
                    }
                }
                default -> {
                    apply(group, before, m);
                    return;
                }
            }
        }
        if (earlier.mayBeOut(release.id())) {
            // a previous process may have sent it and stopped before recording it, longer ago than the nonce lasts
            Optional<Courier.Posted> sent = earlier.find(release.id(), m.target(), m.route() == Route.DM, m.outgoing());
            ensureRunning.run();
            if (sent.isPresent()) {
                log.info("Release notice {} was already sent before the restart; recorded it", first.id());
                store.delivered(
                        ids(group),
                        m.route(),
                        sent.get().messageId(),
                        m.route() == Route.DM ? sent.get().channelId() : null,
                        clock.instant());
                return;
            }
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Courier.Posted posted = m.route() == Route.DM
                        ? courier.postDm(m.target(), m.outgoing())
                        : courier.post(m.target(), m.outgoing());
                dev.loop.core.Crashpoints.reach("release.notice.sent");
                ensureRunning.run();
                store.delivered(
                        ids(group),
                        m.route(),
                        posted.messageId(),
                        m.route() == Route.DM ? posted.channelId() : null,
                        clock.instant());
                return;
            } catch (SendFailure f) {
                ensureRunning.run();
                Decision d = decide(group, m, f, triedUnarchive, plan);
                if (d instanceof Fallback.UnarchiveThenSend && !triedUnarchive) {
                    triedUnarchive = true;
                    try {
                        courier.unarchive(m.target());
                        continue;
                    } catch (SendFailure again) {
                        ensureRunning.run();
                        handleFailure(group, m, again, true, plan);
                        return;
                    }
                }
                apply(group, d, m);
                return;
            }
        }
        log.debug("Release notice {} left for the next pass", first.id());
    }

    private void handleFailure(
            List<OutboxNotice> group, Message m, SendFailure f, boolean triedUnarchive, NoticePlan plan) {
        apply(group, decide(group, m, f, triedUnarchive, plan), m);
    }

    private Decision decide(
            List<OutboxNotice> group, Message m, SendFailure f, boolean triedUnarchive, NoticePlan plan) {
        OutboxNotice first = group.getFirst();
        boolean hasThread = plan.fallbackToThread(first.userId()).isPresent();
        int attempts = group.stream().mapToInt(OutboxNotice::attempts).max().orElse(0) + 1;
        log.info(
                "Release notice {} ({} on {}) failed: {}", first.id(), m.route().code(), m.target(), f.describe());
        Decision d = Fallback.afterFailure(
                m.route(), f.failure(), attempts, f.retryAfter(), triedUnarchive, hasThread, m.fallback());
        return d instanceof Fallback.Fail fail ? new Fallback.Fail(fail.why() + " (" + f.describe() + ")") : d;
    }

    /** Records a decision that ends this attempt. */
    private void apply(List<OutboxNotice> group, Decision d, Message m) {
        Instant now = clock.instant();
        List<Long> ids = ids(group);
        switch (d) {
            case Fallback.SendInstead s -> store.fallBack(ids, s.route(), s.why(), now);
            case Fallback.Retry r -> store.retryLater(ids, now.plus(scaled.apply(r.after())), r.why(), now);
            case Fallback.Delivered delivered -> store.delivered(ids, m.route(), null, null, now);
            case Fallback.Fail fail -> store.fail(ids, fail.why(), now);
            // A thread that reported archived after Loop already unarchived it once: treat as locked.
            case Fallback.UnarchiveThenSend u -> store.fallBack(ids, Route.DM, "the thread stays archived", now);
            case Fallback.Send s -> store.retryLater(ids, now, "sending again", now);
        }
    }

    private Optional<Message> message(
            Release release, NoticePlan plan, Map<String, Notice> byNonce, List<OutboxNotice> group) {
        OutboxNotice first = group.getFirst();
        List<Long> users = group.stream().map(OutboxNotice::userId).distinct().toList();
        if (!first.fellBack()) {
            Notice planned = byNonce.get(first.nonce());
            if (first.route() == Route.THREAD) {
                // the people of the stored chunk, whatever the plan would chunk today
                ThreadNotice t = plan.threadMessage(first.targetChannelId(), users, first.nonce());
                return Optional.of(new Message(
                        Route.THREAD,
                        first.targetChannelId(),
                        Courier.Outgoing.of(t.content(), users, first.nonce()),
                        false));
            }
            String content =
                    planned instanceof DmNotice d && d.userId() == first.userId() ? d.content() : generic(release);
            return Optional.of(new Message(
                    Route.DM, first.userId(), Courier.Outgoing.of(content, List.of(), first.nonce()), false));
        }
        if (first.currentRoute() == Route.DM) {
            long thread = Objects.requireNonNullElse(first.targetChannelId(), 0L);
            Optional<DmNotice> dm = plan.fallbackToDm(first.userId(), thread);
            String content = dm.map(DmNotice::content).orElseGet(() -> generic(release));
            return Optional.of(new Message(
                    Route.DM,
                    first.userId(),
                    Courier.Outgoing.of(content, List.of(), Nonces.dmFallback(release.id(), first.userId(), thread)),
                    true));
        }
        return plan.fallbackToThread(first.userId())
                .map(t -> new Message(
                        Route.THREAD,
                        t.threadId(),
                        Courier.Outgoing.of(t.content(), List.of(first.userId()), t.nonce()),
                        true));
    }

    /** Used only if the plan no longer has this person's DM (an issue merged after publishing): version and link. */
    private String generic(Release release) {
        return "🚀 **" + Safe.inline(release.version(), ReleaseRules.MAX_VERSION)
                + "** is out, with what you asked for. Announcement: " + announcer.url(release);
    }

    private static List<Long> ids(List<OutboxNotice> group) {
        return group.stream().map(OutboxNotice::id).toList();
    }
}
