package dev.loop.triage;

import static dev.loop.db.Tables.DESIGN_THREAD;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.Optional;

/**
 * The design thread of each issue that needs design (the only writer of {@code design_thread}). The row is claimed
 * before the thread is made, so two presses of Needs design (or one before and one after a restart) open one
 * thread; the leadership ping is claimed the same way, so the role hears about an issue once.
 */
final class DesignThreadStore {

    /** A claimed design thread; {@code threadId} is empty while it is being made. */
    record DesignThread(int issueNumber, long channelId, Optional<Long> threadId, boolean leadershipPinged) {}

    private final Database db;

    DesignThreadStore(Database db) {
        this.db = db;
    }

    /** True when this call claimed the issue's design thread; false when one was claimed before. */
    boolean claim(int number, long channelId, long actor, Instant now) {
        return db.write(ctx -> ctx.insertInto(DESIGN_THREAD)
                        .set(DESIGN_THREAD.ISSUE_NUMBER, number)
                        .set(DESIGN_THREAD.CHANNEL_ID, channelId)
                        .set(DESIGN_THREAD.OPENED_BY, actor)
                        .set(DESIGN_THREAD.OPENED_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute())
                == 1;
    }

    void opened(int number, long threadId) {
        db.write(ctx -> ctx.update(DESIGN_THREAD)
                .set(DESIGN_THREAD.THREAD_ID, threadId)
                .where(DESIGN_THREAD.ISSUE_NUMBER.eq(number))
                .execute());
    }

    /** The thread could not be made: the claim goes, so a later press tries again. */
    void release(int number) {
        db.write(ctx -> ctx.deleteFrom(DESIGN_THREAD)
                .where(DESIGN_THREAD.ISSUE_NUMBER.eq(number).and(DESIGN_THREAD.THREAD_ID.isNull()))
                .execute());
    }

    Optional<DesignThread> find(int number) {
        return db.read(ctx -> ctx.selectFrom(DESIGN_THREAD)
                .where(DESIGN_THREAD.ISSUE_NUMBER.eq(number))
                .fetchOptional(r -> new DesignThread(
                        r.getIssueNumber(),
                        r.getChannelId(),
                        Optional.ofNullable(r.getThreadId()),
                        r.getLeadershipPingedAt() != null)));
    }

    /** True when this call claimed the one leadership ping of the issue's (made) design thread. */
    boolean claimLeadershipPing(int number, Instant now) {
        return db.write(ctx -> ctx.update(DESIGN_THREAD)
                        .set(DESIGN_THREAD.LEADERSHIP_PINGED_AT, now.toEpochMilli())
                        .where(DESIGN_THREAD.ISSUE_NUMBER.eq(number))
                        .and(DESIGN_THREAD.THREAD_ID.isNotNull())
                        .and(DESIGN_THREAD.LEADERSHIP_PINGED_AT.isNull())
                        .execute())
                == 1;
    }

    /** The ping could not be sent: a later Fix it now may try again. */
    void leadershipPingFailed(int number) {
        db.write(ctx -> ctx.update(DESIGN_THREAD)
                .setNull(DESIGN_THREAD.LEADERSHIP_PINGED_AT)
                .where(DESIGN_THREAD.ISSUE_NUMBER.eq(number))
                .execute());
    }
}
