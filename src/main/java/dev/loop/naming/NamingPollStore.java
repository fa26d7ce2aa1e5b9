package dev.loop.naming;

import static dev.loop.db.Tables.NAMING_POLL;

import dev.loop.core.Database;
import dev.loop.db.tables.records.NamingPollRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of {@code naming_poll}. The result is claimed with a conditional update so it is posted once. */
public final class NamingPollStore {

    private final Database db;

    public NamingPollStore(Database db) {
        this.db = db;
    }

    public NamingPoll create(long channelId, NameProposal p, long createdBy, Instant now, Instant closesAt) {
        return create(channelId, p, null, createdBy, now, closesAt);
    }

    public NamingPoll create(
            long channelId, NameProposal p, Integer issueNumber, long createdBy, Instant now, Instant closesAt) {
        return db.write(ctx -> {
            NamingPollRecord r = ctx.newRecord(NAMING_POLL);
            r.setChannelId(channelId);
            r.setProposal(p.proposal());
            r.setAlternative1(p.alternative1());
            r.setAlternative2(p.alternative2());
            r.setReason(p.reason());
            r.setLike1(p.like1());
            r.setLike2(p.like2());
            r.setIssueNumber(issueNumber);
            r.setCreatedBy(createdBy);
            r.setCreatedAt(now.toEpochMilli());
            r.setClosesAt(closesAt.toEpochMilli());
            r.store();
            return toPoll(r);
        });
    }

    public void setMessage(long id, long messageId, Instant closesAt) {
        db.transaction(ctx -> ctx.update(NAMING_POLL)
                .set(NAMING_POLL.MESSAGE_ID, messageId)
                .set(NAMING_POLL.CLOSES_AT, closesAt.toEpochMilli())
                .where(NAMING_POLL.ID.eq((int) id))
                .execute());
    }

    /** Forgets a poll whose message could not be posted. */
    public void delete(long id) {
        db.transaction(ctx ->
                ctx.deleteFrom(NAMING_POLL).where(NAMING_POLL.ID.eq((int) id)).execute());
    }

    public Optional<NamingPoll> find(long id) {
        return db.read(ctx ->
                ctx.selectFrom(NAMING_POLL).where(NAMING_POLL.ID.eq((int) id)).fetchOptional(NamingPollStore::toPoll));
    }

    public Optional<NamingPoll> findByMessage(long messageId) {
        return db.read(ctx -> ctx.selectFrom(NAMING_POLL)
                .where(NAMING_POLL.MESSAGE_ID.eq(messageId))
                .fetchOptional(NamingPollStore::toPoll));
    }

    /** Posted polls past their closing time whose result is not posted yet, oldest first. */
    public List<NamingPoll> due(Instant now) {
        return db.read(ctx -> ctx.selectFrom(NAMING_POLL)
                .where(NAMING_POLL.RESULT_POSTED_AT.isNull())
                .and(NAMING_POLL.MESSAGE_ID.isNotNull())
                .and(NAMING_POLL.CLOSES_AT.le(now.toEpochMilli()))
                .orderBy(NAMING_POLL.CLOSES_AT)
                .fetch(NamingPollStore::toPoll));
    }

    /** Records the result unless it already was; true when this call recorded it (and so must post it). */
    public boolean claimResult(long id, String result, Instant now) {
        return db.write(ctx -> ctx.update(NAMING_POLL)
                        .set(NAMING_POLL.RESULT_POSTED_AT, now.toEpochMilli())
                        .set(NAMING_POLL.RESULT, result)
                        .where(NAMING_POLL.ID.eq((int) id))
                        .and(NAMING_POLL.RESULT_POSTED_AT.isNull())
                        .execute()
                > 0);
    }

    /** Undoes a claim whose message could not be posted, so the next check retries. */
    public void releaseResult(long id) {
        db.transaction(ctx -> ctx.update(NAMING_POLL)
                .setNull(NAMING_POLL.RESULT_POSTED_AT)
                .setNull(NAMING_POLL.RESULT)
                .where(NAMING_POLL.ID.eq((int) id))
                .execute());
    }

    static NamingPoll toPoll(NamingPollRecord r) {
        return new NamingPoll(
                r.getId(),
                r.getChannelId(),
                r.getMessageId(),
                r.getProposal(),
                r.getAlternative1(),
                r.getAlternative2(),
                r.getReason(),
                r.getCreatedBy(),
                Instant.ofEpochMilli(r.getCreatedAt()),
                Instant.ofEpochMilli(r.getClosesAt()),
                r.getResultPostedAt() == null ? null : Instant.ofEpochMilli(r.getResultPostedAt()),
                r.getResult(),
                r.getLike1(),
                r.getLike2(),
                r.getIssueNumber());
    }
}
