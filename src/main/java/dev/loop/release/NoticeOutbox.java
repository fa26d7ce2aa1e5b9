package dev.loop.release;

import static dev.loop.db.Tables.NOTICE;

import dev.loop.core.Database;
import dev.loop.db.tables.records.NoticeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.impl.DSL;

/** The notice outbox rows of releases: which are due, and the recorded outcome of every delivery attempt. */
final class NoticeOutbox {

    private final Database db;

    NoticeOutbox(Database db) {
        this.db = db;
    }

    /** Pending notices of a release that are due at {@code now}, in outbox order. */
    List<OutboxNotice> due(long releaseId, Instant now) {
        return db.read(ctx -> ctx.selectFrom(NOTICE)
                .where(NOTICE.RELEASE_ID.eq((int) releaseId))
                .and(NOTICE.STATE.eq(NoticeState.PENDING.code()))
                .and(NOTICE.NEXT_ATTEMPT_AT.le(now.toEpochMilli()))
                .orderBy(NOTICE.ID)
                .fetch(NoticeOutbox::toNotice));
    }

    /** Every notice of a release, in outbox order. */
    List<OutboxNotice> notices(long releaseId) {
        return db.read(ctx -> ctx.selectFrom(NOTICE)
                .where(NOTICE.RELEASE_ID.eq((int) releaseId))
                .orderBy(NOTICE.ID)
                .fetch(NoticeOutbox::toNotice));
    }

    /** When the release's earliest pending notice is due; empty when none is pending. */
    Optional<Instant> nextDue(long releaseId) {
        return db.read(ctx -> Optional.ofNullable(ctx.select(DSL.min(NOTICE.NEXT_ATTEMPT_AT))
                        .from(NOTICE)
                        .where(NOTICE.RELEASE_ID.eq((int) releaseId))
                        .and(NOTICE.STATE.eq(NoticeState.PENDING.code()))
                        .fetchOne(0, Long.class))
                .map(Instant::ofEpochMilli));
    }

    /**
     * How many distinct people a release's notices reach so far: told (a row delivered or fallen back), could not be
     * reached (every row of theirs failed), of how many in all. Counted per person, not per row, because a person
     * asked in two threads is one requester told.
     */
    PublishProgress.Reach reach(long releaseId) {
        Map<Long, List<String>> states = new HashMap<>();
        db.read(ctx -> ctx.select(NOTICE.USER_ID, NOTICE.STATE)
                        .from(NOTICE)
                        .where(NOTICE.RELEASE_ID.eq((int) releaseId))
                        .fetch())
                .forEach(r -> states.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(r.value2()));
        int told = 0;
        int unreachable = 0;
        for (List<String> s : states.values()) {
            if (s.contains(NoticeState.DELIVERED.code()) || s.contains(NoticeState.FELL_BACK.code())) told++;
            else if (s.stream().allMatch(NoticeState.FAILED.code()::equals)) unreachable++;
        }
        return new PublishProgress.Reach(told, unreachable, states.size());
    }

    /**
     * Records that these rows' message went out, with its id, in one transaction: a row sent on its planned route
     * becomes delivered, one sent on the other route fell back. {@code dmChannelId} is stored on DM rows.
     * Only pending rows change, so a repeated call (a nonce match after a restart) can't rewrite an outcome.
     */
    void delivered(Collection<Long> ids, Route outcome, Long messageId, Long dmChannelId, Instant now) {
        if (ids.isEmpty()) return;
        db.transaction(ctx -> {
            for (long id : ids) {
                NoticeRecord r =
                        ctx.selectFrom(NOTICE).where(NOTICE.ID.eq((int) id)).fetchOne();
                if (r == null || !NoticeState.PENDING.code().equals(r.getState())) continue;
                boolean planned = Route.fromCode(r.getRoute()) == outcome;
                r.setState(planned ? NoticeState.DELIVERED.code() : NoticeState.FELL_BACK.code());
                r.setOutcomeRoute(outcome.code());
                r.setAttempts(r.getAttempts() + 1);
                r.setSentMessageId(messageId);
                if (planned) r.setLastError(null);
                if (outcome == Route.DM && planned && dmChannelId != null) r.setTargetChannelId(dmChannelId);
                r.setUpdatedAt(now.toEpochMilli());
                r.store();
            }
        });
    }

    /** A failed attempt that will be tried again on the same route at {@code next}. */
    void retryLater(Collection<Long> ids, Instant next, String error, Instant now) {
        update(ids, now, r -> {
            r.setAttempts(r.getAttempts() + 1);
            r.setNextAttemptAt(next.toEpochMilli());
            r.setLastError(error);
        });
    }

    /** Moves rows to their fallback route; they are due again at once. */
    void fallBack(Collection<Long> ids, Route to, String why, Instant now) {
        update(ids, now, r -> {
            r.setAttempts(r.getAttempts() + 1);
            r.setOutcomeRoute(to.code());
            r.setNextAttemptAt(now.toEpochMilli());
            r.setLastError(why);
        });
    }

    void fail(Collection<Long> ids, String error, Instant now) {
        update(ids, now, r -> {
            r.setAttempts(r.getAttempts() + 1);
            r.setState(NoticeState.FAILED.code());
            r.setLastError(error);
        });
    }

    private void update(Collection<Long> ids, Instant now, Consumer<NoticeRecord> change) {
        if (ids.isEmpty()) return;
        db.transaction(ctx -> {
            for (long id : ids) {
                NoticeRecord r =
                        ctx.selectFrom(NOTICE).where(NOTICE.ID.eq((int) id)).fetchOne();
                if (r == null || !NoticeState.PENDING.code().equals(r.getState())) continue;
                change.accept(r);
                r.setUpdatedAt(now.toEpochMilli());
                r.store();
            }
        });
    }

    static OutboxNotice toNotice(NoticeRecord r) {
        return new OutboxNotice(
                r.getId(),
                r.getReleaseId(),
                r.getUserId(),
                Route.fromCode(r.getRoute()),
                r.getTargetChannelId(),
                NoticeState.fromCode(r.getState()),
                r.getOutcomeRoute() == null ? null : Route.fromCode(r.getOutcomeRoute()),
                r.getAttempts(),
                r.getLastError(),
                r.getNonce(),
                r.getSentMessageId(),
                Instant.ofEpochMilli(r.getNextAttemptAt()),
                Instant.ofEpochMilli(r.getUpdatedAt()));
    }
}
