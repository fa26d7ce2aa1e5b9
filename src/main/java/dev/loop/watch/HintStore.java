package dev.loop.watch;

import static dev.loop.db.Tables.SIMILARITY_HINT;

import dev.loop.core.Database;
import dev.loop.db.tables.records.SimilarityHintRecord;
import java.time.Instant;
import java.util.Optional;

/** Storage of {@code similarity_hint}: one hint per (thread, issue), decided once. */
public final class HintStore {

    private final Database db;

    public HintStore(Database db) {
        this.db = db;
    }

    /** Creates an open hint; empty when this thread was already hinted at this issue. */
    public Optional<Hint> create(long threadId, int issueNumber, Instant now) {
        return db.write(ctx -> {
            int inserted = ctx.insertInto(SIMILARITY_HINT)
                    .set(SIMILARITY_HINT.THREAD_ID, threadId)
                    .set(SIMILARITY_HINT.ISSUE_NUMBER, issueNumber)
                    .set(SIMILARITY_HINT.STATE, Hint.State.OPEN.code())
                    .set(SIMILARITY_HINT.CREATED_AT, now.toEpochMilli())
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) return Optional.empty();
            return ctx.selectFrom(SIMILARITY_HINT)
                    .where(SIMILARITY_HINT.THREAD_ID.eq(threadId))
                    .and(SIMILARITY_HINT.ISSUE_NUMBER.eq(issueNumber))
                    .fetchOptional(HintStore::toHint);
        });
    }

    /** The hints about a thread still waiting for a decision. */
    public java.util.List<Hint> openFor(long threadId) {
        return db.read(ctx -> ctx.selectFrom(SIMILARITY_HINT)
                .where(SIMILARITY_HINT.THREAD_ID.eq(threadId))
                .and(SIMILARITY_HINT.STATE.eq(Hint.State.OPEN.code()))
                .fetch(HintStore::toHint));
    }

    /** Whether the thread was ever hinted (at any issue). */
    public boolean hinted(long threadId) {
        return db.read(ctx -> ctx.fetchExists(SIMILARITY_HINT, SIMILARITY_HINT.THREAD_ID.eq(threadId)));
    }

    public void setMessage(long id, long messageId) {
        db.transaction(ctx -> ctx.update(SIMILARITY_HINT)
                .set(SIMILARITY_HINT.MESSAGE_ID, messageId)
                .where(SIMILARITY_HINT.ID.eq((int) id))
                .execute());
    }

    /** A hint whose message could not be posted is forgotten so that it does not block a later one. */
    public void delete(long id) {
        db.transaction(ctx -> ctx.deleteFrom(SIMILARITY_HINT)
                .where(SIMILARITY_HINT.ID.eq((int) id))
                .execute());
    }

    public Optional<Hint> find(long id) {
        return db.read(ctx -> ctx.selectFrom(SIMILARITY_HINT)
                .where(SIMILARITY_HINT.ID.eq((int) id))
                .fetchOptional(HintStore::toHint));
    }

    /**
     * Decides an open hint. Only the first decision counts: returns false (and changes nothing) when somebody already
     * decided it.
     */
    public boolean decide(long id, Hint.State state, long engineerId, Instant now) {
        if (state == Hint.State.OPEN) throw new IllegalArgumentException("a decision is linked, captured or ignored");
        return db.write(ctx -> ctx.update(SIMILARITY_HINT)
                        .set(SIMILARITY_HINT.STATE, state.code())
                        .set(SIMILARITY_HINT.DECIDED_BY, engineerId)
                        .set(SIMILARITY_HINT.DECIDED_AT, now.toEpochMilli())
                        .where(SIMILARITY_HINT.ID.eq((int) id))
                        .and(SIMILARITY_HINT.STATE.eq(Hint.State.OPEN.code()))
                        .execute()
                > 0);
    }

    /** Puts a decided hint back to open (the link it stood for failed). */
    public void reopen(long id) {
        db.transaction(ctx -> ctx.update(SIMILARITY_HINT)
                .set(SIMILARITY_HINT.STATE, Hint.State.OPEN.code())
                .setNull(SIMILARITY_HINT.DECIDED_BY)
                .setNull(SIMILARITY_HINT.DECIDED_AT)
                .where(SIMILARITY_HINT.ID.eq((int) id))
                .execute());
    }

    static Hint toHint(SimilarityHintRecord r) {
        return new Hint(
                r.getId(),
                r.getThreadId(),
                r.getIssueNumber(),
                r.getMessageId(),
                Hint.State.fromCode(r.getState()),
                r.getDecidedBy(),
                r.getDecidedAt() == null ? null : Instant.ofEpochMilli(r.getDecidedAt()),
                Instant.ofEpochMilli(r.getCreatedAt()));
    }
}
