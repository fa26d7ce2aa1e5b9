package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import dev.loop.issue.merge.IssueRows;
import dev.loop.issue.merge.MergePlan;
import dev.loop.issue.merge.TranscriptRef;
import dev.loop.issue.merge.UnmergePlan;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The issue store's merges and unmerges: carries out a {@link MergePlan} or {@link UnmergePlan} in one transaction.
 * Part of the one writer of the issue tables; reached through {@link IssueStore}.
 */
final class IssueMerges {

    private final Database db;

    IssueMerges(Database db) {
        this.db = db;
    }

    /** The rows attached to an issue, as merge planning needs them. */
    IssueRows rows(int number) {
        return db.read(ctx -> new IssueRows(
                IssueTables.places(ctx, number),
                IssueTables.requesters(ctx, number),
                ctx.select(
                                TRANSCRIPT_MESSAGE.ID,
                                TRANSCRIPT_MESSAGE.ISSUE_NUMBER,
                                TRANSCRIPT_MESSAGE.ORIGIN_ISSUE,
                                TRANSCRIPT_MESSAGE.MESSAGE_ID)
                        .from(TRANSCRIPT_MESSAGE)
                        .where(TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number))
                        .fetch(r -> new TranscriptRef(r.value1(), r.value2(), r.value3(), r.value4()))));
    }

    /** Issues marked duplicates of this one. */
    List<Integer> duplicatesOf(int number) {
        return db.read(ctx -> ctx.select(ISSUE.NUMBER)
                .from(ISSUE)
                .where(ISSUE.DUPLICATE_OF.eq(number))
                .fetch(ISSUE.NUMBER));
    }

    /**
     * Applies a merge plan: the rows it lists move to {@code into}, {@code from}'s own history follows them, issues
     * that were duplicates of {@code from} now point at {@code into}, and {@code from} becomes a duplicate. Moved
     * rows keep their origin, so {@link #unmerge} can move back exactly what moved.
     */
    void merge(MergePlan plan, long actor, Instant now) {
        db.transaction(ctx -> {
            int from = plan.from();
            int into = plan.into();
            moveRows(ctx, from, from, into, plan.placesToMove(), plan.requestersToMove(), plan.transcriptToMove());
            ctx.update(ISSUE)
                    .set(ISSUE.DUPLICATE_OF, into)
                    .where(ISSUE.NUMBER.in(plan.duplicatesToRedirect()))
                    .execute();
            ctx.update(ISSUE)
                    .set(ISSUE.STATUS, IssueStatus.DUPLICATE.code())
                    .set(ISSUE.DUPLICATE_OF, into)
                    .where(ISSUE.NUMBER.eq(from))
                    .execute();
            recordMove(ctx, from, "merged_into", into, "merged_from", plan.summary(), actor, now);
        });
    }

    /** Applies an unmerge plan: the rows that came from {@code from} go back, and it is open again. */
    void unmerge(UnmergePlan plan, long actor, Instant now) {
        db.transaction(ctx -> {
            int from = plan.from();
            int into = plan.into();
            moveRows(
                    ctx,
                    from,
                    into,
                    from,
                    plan.placesToMoveBack(),
                    plan.requestersToMoveBack(),
                    plan.transcriptToMoveBack());
            ctx.update(ISSUE)
                    .set(ISSUE.STATUS, plan.restoredStatus().code())
                    .setNull(ISSUE.DUPLICATE_OF)
                    .where(ISSUE.NUMBER.eq(from))
                    .execute();
            recordMove(ctx, from, "unmerged", into, "unmerged", plan.summary(), actor, now);
        });
    }

    /**
     * Moves the listed places, requesters and transcript lines, and the history that originated on {@code origin},
     * from issue {@code holder} to issue {@code to}: one way for a merge, the other way for an unmerge.
     */
    private static void moveRows(
            DSLContext ctx,
            int origin,
            int holder,
            int to,
            List<Long> places,
            List<Long> requesters,
            List<Long> transcript) {
        ctx.update(ISSUE_PLACE)
                .set(ISSUE_PLACE.ISSUE_NUMBER, to)
                .where(ISSUE_PLACE.ID.in(ids(places)))
                .execute();
        ctx.update(REQUESTER)
                .set(REQUESTER.ISSUE_NUMBER, to)
                .where(REQUESTER.ID.in(ids(requesters)))
                .execute();
        ctx.update(TRANSCRIPT_MESSAGE)
                .set(TRANSCRIPT_MESSAGE.ISSUE_NUMBER, to)
                .where(TRANSCRIPT_MESSAGE.ID.in(ids(transcript)))
                .execute();
        ctx.update(ISSUE_HISTORY)
                .set(ISSUE_HISTORY.ISSUE_NUMBER, to)
                .where(ISSUE_HISTORY.ISSUE_NUMBER.eq(holder))
                .and(ISSUE_HISTORY.ORIGIN_ISSUE.eq(origin))
                .execute();
    }

    /** Both issues of a merge or unmerge get a history line, a new revision and a fresh search index. */
    private static void recordMove(
            DSLContext ctx,
            int from,
            String fromType,
            int into,
            String intoType,
            String summary,
            long actor,
            Instant now) {
        IssueTables.addHistory(ctx, from, actor, fromType, summary, now);
        IssueTables.addHistory(ctx, into, actor, intoType, summary, now);
        for (int number : new int[] {from, into}) {
            IssueTables.touch(ctx, number, now);
            IssueTables.refreshIndex(ctx, number);
        }
    }

    private static List<Integer> ids(List<Long> ids) {
        return ids.stream().map(Long::intValue).toList();
    }
}
