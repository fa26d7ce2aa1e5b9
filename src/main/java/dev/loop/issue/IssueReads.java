package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The issue store's reads of one issue and of lists of issues; reached through {@link IssueStore}. */
final class IssueReads {

    private final Database db;

    IssueReads(Database db) {
        this.db = db;
    }

    Optional<Issue> find(int number) {
        return db.read(ctx -> IssueTables.load(ctx, number));
    }

    /** The whole record: what its card shows, with every requester, the transcript's length and the history. */
    Optional<IssueRecordView> view(int number) {
        return db.read(ctx -> card(ctx, number)
                .map(card -> new IssueRecordView(
                        card.issue(),
                        card.places(),
                        IssueTables.requesters(ctx, number),
                        ctx.fetchCount(TRANSCRIPT_MESSAGE, TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number)),
                        IssueTables.history(ctx, number),
                        card.proposal())));
    }

    Optional<IssueCard> card(int number) {
        return db.read(ctx -> card(ctx, number));
    }

    /**
     * The card's read: the issue with its requester count, whether triage said it needs design and its latest
     * proposal in one query, then its places, then that proposal's answers when there is one.
     */
    private static Optional<IssueCard> card(DSLContext ctx, int number) {
        Field<Integer> requesters =
                DSL.field(DSL.selectCount().from(REQUESTER).where(REQUESTER.ISSUE_NUMBER.eq(ISSUE.NUMBER)));
        Field<Boolean> needsDesign = DSL.field(DSL.exists(DSL.selectOne()
                .from(ISSUE_HISTORY)
                .where(ISSUE_HISTORY.ISSUE_NUMBER.eq(ISSUE.NUMBER))
                .and(ISSUE_HISTORY.TYPE.eq(IssueRecordView.NEEDS_DESIGN))));
        Field<Integer> proposal = DSL.field(
                DSL.select(DSL.max(PROPOSAL.ID)).from(PROPOSAL).where(PROPOSAL.ISSUE_NUMBER.eq(ISSUE.NUMBER)));
        var row = ctx.select(ISSUE.fields())
                .select(requesters, needsDesign, proposal)
                .from(ISSUE)
                .where(ISSUE.NUMBER.eq(number))
                .fetchOne();
        if (row == null) return Optional.empty();
        Integer proposalId = row.get(proposal);
        return Optional.of(new IssueCard(
                IssueTables.toIssue(row.into(ISSUE)),
                IssueTables.places(ctx, number),
                row.get(requesters),
                Boolean.TRUE.equals(row.get(needsDesign)),
                Optional.ofNullable(proposalId).map(id -> tally(ctx, id))));
    }

    /** The answers to one proposal, solves and doesn't, counted in one query; the proposals belong to triage. */
    private static ProposalTally tally(DSLContext ctx, int proposalId) {
        var counts = ctx.select(
                        DSL.count().filterWhere(PROPOSAL_ANSWER.SOLVES.isTrue()),
                        DSL.count().filterWhere(PROPOSAL_ANSWER.SOLVES.isFalse()))
                .from(PROPOSAL_ANSWER)
                .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq(proposalId))
                .fetchOne();
        return new ProposalTally(proposalId, counts.value1(), counts.value2());
    }

    /** The issues in design: triage said they need design, and no proposal has been recorded yet. */
    java.util.Set<Integer> inDesign() {
        return db.read(ctx -> java.util.Set.copyOf(ctx.selectDistinct(ISSUE_HISTORY.ISSUE_NUMBER)
                .from(ISSUE_HISTORY)
                .where(ISSUE_HISTORY.TYPE.eq(IssueRecordView.NEEDS_DESIGN))
                .andNotExists(
                        ctx.selectOne().from(PROPOSAL).where(PROPOSAL.ISSUE_NUMBER.eq(ISSUE_HISTORY.ISSUE_NUMBER)))
                .fetch(ISSUE_HISTORY.ISSUE_NUMBER)));
    }

    List<Place> places(int number) {
        return db.read(ctx -> IssueTables.places(ctx, number));
    }

    /** How many places and requesters the issue has, in one read: {places, requesters}. */
    int[] placeAndRequesterCounts(int number) {
        return db.read(ctx -> new int[] {
            ctx.fetchCount(ISSUE_PLACE, ISSUE_PLACE.ISSUE_NUMBER.eq(number)),
            ctx.fetchCount(REQUESTER, REQUESTER.ISSUE_NUMBER.eq(number))
        });
    }

    List<Requester> requesters(int number) {
        return db.read(ctx -> IssueTables.requesters(ctx, number));
    }

    List<HistoryEntry> history(int number) {
        return db.read(ctx -> IssueTables.history(ctx, number));
    }

    List<TranscriptLine> transcript(int number) {
        return db.read(ctx -> ctx.selectFrom(TRANSCRIPT_MESSAGE)
                .where(TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number))
                .orderBy(TRANSCRIPT_MESSAGE.POSTED_AT, TRANSCRIPT_MESSAGE.MESSAGE_ID)
                .fetch(IssueTables::toLine));
    }

    /** The issue a thread (or forum post, or message's channel) was captured into or linked to, if any. */
    Optional<Issue> findByChannel(long channelId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.CHANNEL_ID.eq(channelId))
                .and(ISSUE_PLACE.KIND.ne(Place.PlaceKind.MESSAGE.code()))
                .orderBy(ISSUE_PLACE.ID)
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> IssueTables.load(ctx, n)));
    }

    /** The issue a single message was captured into, if any. */
    Optional<Issue> findByMessage(long messageId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> IssueTables.load(ctx, n)));
    }

    /** The issue whose card is this message. */
    Optional<Issue> findByCard(long messageId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> IssueTables.load(ctx, n)));
    }

    /** The place whose issue card is this message. */
    Optional<Place> placeOfCard(long messageId) {
        return db.read(ctx -> ctx.selectFrom(ISSUE_PLACE)
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(IssueTables::toPlace));
    }

    /** The newest place's id, 0 when there is none: places added after this moment have higher ids. */
    long lastPlaceId() {
        Long last = db.read(
                ctx -> ctx.select(DSL.max(ISSUE_PLACE.ID)).from(ISSUE_PLACE).fetchOne(0, Long.class));
        return last == null ? 0 : last;
    }

    /**
     * Places of open and in-progress issues that never got their issue card (Loop stopped between storing them and
     * posting it), up to place {@code upToId}, oldest first. GitHub places hold no card and are left out, and so are
     * places whose card an earlier start gave up on (their thread was gone).
     */
    List<Place> placesWithoutCard(long upToId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.fields())
                .from(ISSUE_PLACE)
                .join(ISSUE)
                .on(ISSUE.NUMBER.eq(ISSUE_PLACE.ISSUE_NUMBER))
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.isNull())
                .and(ISSUE_PLACE.CARD_GIVEN_UP_AT.isNull())
                .and(ISSUE_PLACE.CHANNEL_ID.isNotNull())
                .and(ISSUE_PLACE.KIND.ne(Place.PlaceKind.GITHUB.code()))
                .and(ISSUE_PLACE.ID.le(Math.toIntExact(upToId)))
                .and(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .orderBy(ISSUE_PLACE.ID)
                .fetch(r -> IssueTables.toPlace(r.into(ISSUE_PLACE))));
    }

    Page<Issue> list(IssueFilter filter, int page, int pageSize) {
        return db.read(ctx -> {
            Condition c = filter.status() == null
                    ? ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES)
                    : ISSUE.STATUS.eq(filter.status().code());
            if (filter.priority() != null)
                c = c.and(ISSUE.PRIORITY.eq(filter.priority().code()));
            if (filter.ownerId() != null) c = c.and(ISSUE.OWNER_ID.eq(filter.ownerId()));
            if (filter.area() != null) c = c.and(ISSUE.AREA.eq(filter.area()));
            int total = ctx.fetchCount(ISSUE, c);
            int safePage = Math.max(0, Math.min(page, Math.max(0, (total - 1) / pageSize)));
            List<Issue> items = ctx.selectFrom(ISSUE)
                    .where(c)
                    .orderBy(IssueTables.priorityOrder(), ISSUE.NUMBER.desc())
                    .limit(pageSize)
                    .offset(safePage * pageSize)
                    .fetch(IssueTables::toIssue);
            return new Page<>(items, safePage, pageSize, total);
        });
    }

    /** An engineer's open issues, most urgent first. */
    List<Issue> ownedBy(long ownerId) {
        return db.read(ctx -> ctx.selectFrom(ISSUE)
                .where(ISSUE.OWNER_ID.eq(ownerId))
                .and(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .orderBy(IssueTables.priorityOrder(), ISSUE.NUMBER)
                .fetch(IssueTables::toIssue));
    }

    /** Active issues whose promise deadline has passed. */
    List<Issue> promisesPastDue(Instant now) {
        return db.read(ctx -> ctx.selectFrom(ISSUE)
                .where(ISSUE.PROMISE_DUE_AT.lt(now.toEpochMilli()))
                .and(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .orderBy(ISSUE.PROMISE_DUE_AT)
                .fetch(IssueTables::toIssue));
    }
}
