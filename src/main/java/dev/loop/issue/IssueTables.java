package dev.loop.issue;

import static dev.loop.db.Tables.CAPTURE_SOURCE;
import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.db.tables.records.IssueHistoryRecord;
import dev.loop.db.tables.records.IssuePlaceRecord;
import dev.loop.db.tables.records.IssueRecord;
import dev.loop.db.tables.records.RequesterRecord;
import dev.loop.db.tables.records.TranscriptMessageRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The issue tables at the SQL level, shared by the issue store's parts ({@link IssueStore}, {@link IssueSearchStore},
 * {@link IssueMerges}): inserting rows, the history line and revision every change writes, the full-text index, and
 * mapping rows to domain records. Nothing outside the issue kernel sees it.
 */
final class IssueTables {

    private IssueTables() {}

    /** Text indexed per issue is capped so one giant thread cannot bloat the index. */
    private static final int FTS_TRANSCRIPT_CAP = 200_000;

    // ---------------------------------------------------------------- internals

    static long insertPlace(DSLContext ctx, int number, NewPlace p, long actor, Instant now) {
        IssuePlaceRecord r = ctx.newRecord(ISSUE_PLACE);
        r.setIssueNumber(number);
        r.setOriginIssue(number);
        r.setKind(p.kind().code());
        r.setGuildId(p.guildId());
        r.setParentChannelId(p.parentChannelId());
        r.setChannelId(p.channelId());
        r.setMessageId(p.messageId());
        r.setUrl(p.url());
        r.setTitle(
                p.title() == null ? null : p.title().length() > 200 ? p.title().substring(0, 200) : p.title());
        r.setAddedBy(actor);
        r.setAddedAt(now.toEpochMilli());
        r.store();
        return r.getId();
    }

    /**
     * Claims a capture's Discord source for {@code number}; throws {@link AlreadyCaptured} (rolling the capture back)
     * when another issue was made from it. Places without a Discord channel (GitHub) claim nothing.
     */
    static void claimSource(DSLContext ctx, NewPlace place, int number) {
        if (place.channelId() == null) return;
        String source = place.messageId() == null ? "thread:" + place.channelId() : "message:" + place.messageId();
        int claimed = ctx.insertInto(CAPTURE_SOURCE)
                .set(CAPTURE_SOURCE.SOURCE, source)
                .set(CAPTURE_SOURCE.ISSUE_NUMBER, number)
                .onConflictDoNothing()
                .execute();
        if (claimed == 0) {
            Integer first = ctx.select(CAPTURE_SOURCE.ISSUE_NUMBER)
                    .from(CAPTURE_SOURCE)
                    .where(CAPTURE_SOURCE.SOURCE.eq(source))
                    .fetchOne(CAPTURE_SOURCE.ISSUE_NUMBER);
            throw new AlreadyCaptured(source, first == null ? 0 : first);
        }
    }

    /** Adds a requester unless the person already is one (the unique key decides); returns the rows inserted. */
    static int insertRequester(
            DSLContext ctx, int number, long user, Requester.How how, Long placeId, long actor, Instant now) {
        return ctx.insertInto(REQUESTER)
                .set(REQUESTER.ISSUE_NUMBER, number)
                .set(REQUESTER.ORIGIN_ISSUE, number)
                .set(REQUESTER.USER_ID, user)
                .set(REQUESTER.HOW, how.code())
                .set(REQUESTER.PLACE_ID, placeId == null ? null : placeId.intValue())
                .set(REQUESTER.ADDED_BY, actor)
                .set(REQUESTER.ADDED_AT, now.toEpochMilli())
                .onConflictDoNothing()
                .execute();
    }

    static int insertTranscript(DSLContext ctx, int number, Long placeId, List<NewTranscriptLine> lines) {
        int added = 0;
        for (NewTranscriptLine l : lines) {
            added += ctx.insertInto(TRANSCRIPT_MESSAGE)
                    .set(TRANSCRIPT_MESSAGE.ISSUE_NUMBER, number)
                    .set(TRANSCRIPT_MESSAGE.ORIGIN_ISSUE, number)
                    .set(TRANSCRIPT_MESSAGE.PLACE_ID, placeId == null ? null : placeId.intValue())
                    .set(TRANSCRIPT_MESSAGE.MESSAGE_ID, l.messageId())
                    .set(TRANSCRIPT_MESSAGE.AUTHOR_ID, l.authorId())
                    .set(TRANSCRIPT_MESSAGE.AUTHOR_NAME, l.authorName())
                    .set(TRANSCRIPT_MESSAGE.POSTED_AT, l.postedAt().toEpochMilli())
                    .set(TRANSCRIPT_MESSAGE.CONTENT, l.content())
                    .set(
                            TRANSCRIPT_MESSAGE.EDITED_AT,
                            l.editedAt() == null ? null : l.editedAt().toEpochMilli())
                    .set(
                            TRANSCRIPT_MESSAGE.ATTACHMENT_URLS,
                            l.attachmentUrls().isEmpty() ? null : String.join("\n", l.attachmentUrls()))
                    .onConflictDoNothing()
                    .execute();
        }
        return added;
    }

    static void addHistory(DSLContext ctx, int number, Long actor, String type, String detail, Instant now) {
        ctx.insertInto(ISSUE_HISTORY)
                .set(ISSUE_HISTORY.ISSUE_NUMBER, number)
                .set(ISSUE_HISTORY.ORIGIN_ISSUE, number)
                .set(ISSUE_HISTORY.AT, now.toEpochMilli())
                .set(ISSUE_HISTORY.ACTOR_ID, actor)
                .set(ISSUE_HISTORY.TYPE, type)
                .set(ISSUE_HISTORY.DETAIL, detail)
                .execute();
    }

    static void touch(DSLContext ctx, int number, Instant now) {
        ctx.update(ISSUE)
                .set(ISSUE.REVISION, ISSUE.REVISION.plus(1))
                .set(ISSUE.UPDATED_AT, now.toEpochMilli())
                .where(ISSUE.NUMBER.eq(number))
                .execute();
    }

    /** Rewrites the issue's row in the full-text index from its current title, summary and transcript. */
    static void refreshIndex(DSLContext ctx, int number) {
        IssueRecord issue = ctx.selectFrom(ISSUE).where(ISSUE.NUMBER.eq(number)).fetchOne();
        if (issue == null) return;
        StringBuilder transcript = new StringBuilder();
        for (String content : ctx.select(TRANSCRIPT_MESSAGE.CONTENT)
                .from(TRANSCRIPT_MESSAGE)
                .where(TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number))
                .orderBy(TRANSCRIPT_MESSAGE.POSTED_AT)
                .fetch(TRANSCRIPT_MESSAGE.CONTENT)) {
            if (transcript.length() + content.length() > FTS_TRANSCRIPT_CAP) break;
            transcript.append(content).append('\n');
        }
        ctx.execute("DELETE FROM issue_fts WHERE rowid = ?", number);
        ctx.execute(
                "INSERT INTO issue_fts(rowid, title, summary, transcript) VALUES (?, ?, ?, ?)",
                number,
                issue.getTitle(),
                issue.getSummary(),
                transcript.toString());
    }

    static org.jooq.Field<Integer> priorityOrder() {
        return DSL.when(ISSUE.PRIORITY.eq(Priority.FIX_NOW.code()), 0)
                .when(ISSUE.PRIORITY.eq(Priority.HIGH.code()), 1)
                .when(ISSUE.PRIORITY.eq(Priority.LOW.code()), 2)
                .otherwise(3);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Optional<Issue> load(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE).where(ISSUE.NUMBER.eq(number)).fetchOptional(IssueTables::toIssue);
    }

    static List<Place> places(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE_PLACE)
                .where(ISSUE_PLACE.ISSUE_NUMBER.eq(number))
                .orderBy(ISSUE_PLACE.ID)
                .fetch(IssueTables::toPlace);
    }

    static List<Requester> requesters(DSLContext ctx, int number) {
        return ctx.selectFrom(REQUESTER)
                .where(REQUESTER.ISSUE_NUMBER.eq(number))
                .orderBy(REQUESTER.ID)
                .fetch(IssueTables::toRequester);
    }

    static List<HistoryEntry> history(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE_HISTORY)
                .where(ISSUE_HISTORY.ISSUE_NUMBER.eq(number))
                .orderBy(ISSUE_HISTORY.AT, ISSUE_HISTORY.ID)
                .fetch(IssueTables::toHistory);
    }

    static Issue toIssue(IssueRecord r) {
        return new Issue(
                r.getNumber(),
                r.getTitle(),
                IssueKind.fromCode(r.getKind()),
                r.getSummary(),
                IssueStatus.fromCode(r.getStatus()),
                Priority.fromCode(r.getPriority()),
                r.getPriorityReason(),
                r.getTriageAnswers(),
                r.getArea(),
                r.getOwnerId(),
                Boolean.TRUE.equals(r.getNeedsDocs()),
                instant(r.getPromiseDueAt()),
                r.getShippedVersion(),
                r.getDuplicateOf(),
                r.getCloseReason(),
                Boolean.TRUE.equals(r.getTranscriptCapped()),
                r.getRevision(),
                r.getCreatedBy(),
                instant(r.getCreatedAt()),
                instant(r.getUpdatedAt()),
                instant(r.getTriagedAt()),
                instant(r.getShippedAt()),
                instant(r.getClosedAt()),
                PrioritySource.fromCode(r.getPrioritySource()));
    }

    static Place toPlace(IssuePlaceRecord r) {
        return new Place(
                r.getId(),
                r.getIssueNumber(),
                r.getOriginIssue(),
                Place.PlaceKind.fromCode(r.getKind()),
                r.getGuildId(),
                r.getParentChannelId(),
                r.getChannelId(),
                r.getMessageId(),
                r.getCardMessageId(),
                r.getUrl(),
                r.getTitle(),
                r.getAddedBy(),
                instant(r.getAddedAt()));
    }

    static Requester toRequester(RequesterRecord r) {
        return new Requester(
                r.getId(),
                r.getIssueNumber(),
                r.getOriginIssue(),
                r.getUserId(),
                Requester.How.fromCode(r.getHow()),
                r.getPlaceId() == null ? null : r.getPlaceId().longValue(),
                r.getAddedBy(),
                instant(r.getAddedAt()));
    }

    static HistoryEntry toHistory(IssueHistoryRecord r) {
        return new HistoryEntry(
                r.getId(), r.getIssueNumber(), instant(r.getAt()), r.getActorId(), r.getType(), r.getDetail());
    }

    static TranscriptLine toLine(TranscriptMessageRecord r) {
        return new TranscriptLine(
                r.getId(),
                r.getIssueNumber(),
                r.getPlaceId() == null ? null : r.getPlaceId().longValue(),
                r.getMessageId(),
                r.getAuthorId(),
                r.getAuthorName(),
                instant(r.getPostedAt()),
                r.getContent(),
                r.getAttachmentUrls() == null
                        ? List.of()
                        : Arrays.asList(r.getAttachmentUrls().split("\n")));
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
