package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * The birth of an issue, behind {@link IssueStore#create}: the next number, the issue row, its first place,
 * requesters and transcript, the history lines that say how it came, and the full-text index, in one transaction.
 */
final class IssueCreation {

    private final Database db;

    IssueCreation(Database db) {
        this.db = db;
    }

    /**
     * Creates an issue with its first place, requesters and transcript in one transaction. A Discord source (thread or
     * message) becomes one issue only: capturing it again throws {@link AlreadyCaptured} and stores nothing.
     */
    Issue create(
            NewIssue n,
            NewPlace place,
            List<Long> requesterIds,
            Requester.How how,
            List<NewTranscriptLine> transcript,
            boolean transcriptCapped,
            long actor,
            Instant now) {
        return db.write(ctx -> {
            Integer max = ctx.select(DSL.max(ISSUE.NUMBER)).from(ISSUE).fetchOne(0, Integer.class);
            int number = max == null ? 1 : max + 1;
            ctx.insertInto(ISSUE)
                    .set(ISSUE.NUMBER, number)
                    .set(ISSUE.TITLE, n.title())
                    .set(ISSUE.KIND, n.kind().code())
                    .set(ISSUE.SUMMARY, n.summary() == null ? "" : n.summary())
                    .set(ISSUE.STATUS, IssueStatus.OPEN.code())
                    .set(ISSUE.PRIORITY, Priority.UNTRIAGED.code())
                    .set(ISSUE.NEEDS_DOCS, n.needsDocs())
                    .set(ISSUE.AREA, n.area())
                    .set(ISSUE.OWNER_ID, n.ownerId())
                    .set(ISSUE.TRANSCRIPT_CAPPED, transcriptCapped)
                    .set(ISSUE.CREATED_BY, actor)
                    .set(ISSUE.CREATED_AT, now.toEpochMilli())
                    .set(ISSUE.UPDATED_AT, now.toEpochMilli())
                    .execute();
            IssueTables.addHistory(
                    ctx, number, actor, "capture", "captured as " + n.kind().code() + ": " + n.title(), now);
            IssueTables.claimSource(ctx, place, number);
            long placeId = IssueTables.insertPlace(ctx, number, place, actor, now);
            for (Long user : requesterIds) IssueTables.insertRequester(ctx, number, user, how, placeId, actor, now);
            IssueTables.insertTranscript(ctx, number, placeId, transcript);
            if (transcriptCapped) {
                IssueTables.addHistory(
                        ctx,
                        number,
                        null,
                        "transcript_capped",
                        "only the first " + transcript.size() + " messages were copied (capture.transcript-limit)",
                        now);
            }
            if (n.ownerId() != null) {
                IssueTables.addHistory(
                        ctx,
                        number,
                        actor,
                        "assign",
                        "owner <@" + n.ownerId() + ">" + (n.area() == null ? "" : " (area " + n.area() + ")"),
                        now);
            }
            IssueTables.refreshIndex(ctx, number);
            return IssueTables.load(ctx, number).orElseThrow();
        });
    }
}
