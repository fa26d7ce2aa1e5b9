package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import dev.loop.db.tables.records.IssueHistoryRecord;
import dev.loop.db.tables.records.IssuePlaceRecord;
import dev.loop.db.tables.records.IssueRecord;
import dev.loop.db.tables.records.RequesterRecord;
import dev.loop.db.tables.records.TranscriptMessageRecord;
import dev.loop.issue.merge.IssueRows;
import dev.loop.issue.merge.MergePlan;
import dev.loop.issue.merge.UnmergePlan;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.TermFrequencies;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Storage of the issue record: issues, places, requesters, transcript and history, plus the full-text index.
 * Returns domain records only. Every change bumps the issue's revision so stale buttons can be recognised.
 */
public final class IssueStore {

    /** Text indexed per issue is capped so one giant thread cannot bloat the index. */
    private static final int FTS_TRANSCRIPT_CAP = 200_000;

    private final Database db;
    private final IssueSearchStore search;
    private final IssueMerges merges;

    public IssueStore(Database db) {
        this.db = db;
        this.search = new IssueSearchStore(db);
        this.merges = new IssueMerges(db);
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- create

    /** Creates an issue with its first place, requesters and transcript in one transaction. */
    public Issue create(
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
            addHistory(ctx, number, actor, "capture", "captured as " + n.kind().code() + ": " + n.title(), now);
            long placeId = insertPlace(ctx, number, place, actor, now);
            for (Long user : requesterIds) insertRequester(ctx, number, user, how, placeId, actor, now);
            insertTranscript(ctx, number, placeId, transcript);
            if (transcriptCapped) {
                addHistory(
                        ctx,
                        number,
                        null,
                        "transcript_capped",
                        "only the first " + transcript.size() + " messages were copied (capture.transcript-limit)",
                        now);
            }
            if (n.ownerId() != null) {
                addHistory(
                        ctx,
                        number,
                        actor,
                        "assign",
                        "owner <@" + n.ownerId() + ">" + (n.area() == null ? "" : " (area " + n.area() + ")"),
                        now);
            }
            refreshIndex(ctx, number);
            return load(ctx, number).orElseThrow();
        });
    }

    // ---------------------------------------------------------------- read

    public Optional<Issue> find(int number) {
        return db.read(ctx -> load(ctx, number));
    }

    public Optional<IssueRecordView> view(int number) {
        return db.read(ctx -> load(ctx, number)
                .map(issue -> new IssueRecordView(
                        issue,
                        places(ctx, number),
                        requesters(ctx, number),
                        ctx.fetchCount(TRANSCRIPT_MESSAGE, TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number)),
                        history(ctx, number),
                        latestProposal(ctx, number))));
    }

    /** The latest proposed solution's answers, for the card; the proposals themselves belong to triage. */
    private static Optional<ProposalTally> latestProposal(DSLContext ctx, int number) {
        return ctx.select(PROPOSAL.ID)
                .from(PROPOSAL)
                .where(PROPOSAL.ISSUE_NUMBER.eq(number))
                .orderBy(PROPOSAL.ID.desc())
                .limit(1)
                .fetchOptional(PROPOSAL.ID)
                .map(id -> new ProposalTally(
                        id,
                        ctx.fetchCount(
                                PROPOSAL_ANSWER,
                                PROPOSAL_ANSWER.PROPOSAL_ID.eq(id).and(PROPOSAL_ANSWER.SOLVES.isTrue())),
                        ctx.fetchCount(
                                PROPOSAL_ANSWER,
                                PROPOSAL_ANSWER.PROPOSAL_ID.eq(id).and(PROPOSAL_ANSWER.SOLVES.isFalse()))));
    }

    public List<Place> places(int number) {
        return db.read(ctx -> places(ctx, number));
    }

    /** How many places and requesters the issue has, in one read: {places, requesters}. */
    public int[] placeAndRequesterCounts(int number) {
        return db.read(ctx -> new int[] {
            ctx.fetchCount(ISSUE_PLACE, ISSUE_PLACE.ISSUE_NUMBER.eq(number)),
            ctx.fetchCount(REQUESTER, REQUESTER.ISSUE_NUMBER.eq(number))
        });
    }

    public List<Requester> requesters(int number) {
        return db.read(ctx -> requesters(ctx, number));
    }

    public List<HistoryEntry> history(int number) {
        return db.read(ctx -> history(ctx, number));
    }

    public List<TranscriptLine> transcript(int number) {
        return db.read(ctx -> ctx.selectFrom(TRANSCRIPT_MESSAGE)
                .where(TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(number))
                .orderBy(TRANSCRIPT_MESSAGE.POSTED_AT, TRANSCRIPT_MESSAGE.MESSAGE_ID)
                .fetch(IssueStore::toLine));
    }

    /** The issue a thread (or forum post, or message's channel) was captured into or linked to, if any. */
    public Optional<Issue> findByChannel(long channelId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.CHANNEL_ID.eq(channelId))
                .and(ISSUE_PLACE.KIND.ne(Place.PlaceKind.MESSAGE.code()))
                .orderBy(ISSUE_PLACE.ID)
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> load(ctx, n)));
    }

    /** The issue a single message was captured into, if any. */
    public Optional<Issue> findByMessage(long messageId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> load(ctx, n)));
    }

    /** The issue whose card is this message. */
    public Optional<Issue> findByCard(long messageId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                .from(ISSUE_PLACE)
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(ISSUE_PLACE.ISSUE_NUMBER)
                .flatMap(n -> load(ctx, n)));
    }

    /** The place whose issue card is this message. */
    public Optional<Place> placeOfCard(long messageId) {
        return db.read(ctx -> ctx.selectFrom(ISSUE_PLACE)
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.eq(messageId))
                .limit(1)
                .fetchOptional(IssueStore::toPlace));
    }

    /** The newest place's id, 0 when there is none: places added after this moment have higher ids. */
    public long lastPlaceId() {
        Long last = db.read(
                ctx -> ctx.select(DSL.max(ISSUE_PLACE.ID)).from(ISSUE_PLACE).fetchOne(0, Long.class));
        return last == null ? 0 : last;
    }

    /**
     * Places of open and in-progress issues that never got their issue card (Loop stopped between storing them and
     * posting it), up to place {@code upToId}, oldest first. GitHub places hold no card and are left out.
     */
    public List<Place> placesWithoutCard(long upToId) {
        return db.read(ctx -> ctx.select(ISSUE_PLACE.fields())
                .from(ISSUE_PLACE)
                .join(ISSUE)
                .on(ISSUE.NUMBER.eq(ISSUE_PLACE.ISSUE_NUMBER))
                .where(ISSUE_PLACE.CARD_MESSAGE_ID.isNull())
                .and(ISSUE_PLACE.CHANNEL_ID.isNotNull())
                .and(ISSUE_PLACE.KIND.ne(Place.PlaceKind.GITHUB.code()))
                .and(ISSUE_PLACE.ID.le(Math.toIntExact(upToId)))
                .and(ISSUE.STATUS.in(IssueStatus.OPEN.code(), IssueStatus.IN_PROGRESS.code()))
                .orderBy(ISSUE_PLACE.ID)
                .fetch(r -> toPlace(r.into(ISSUE_PLACE))));
    }

    public Page<Issue> list(IssueFilter filter, int page, int pageSize) {
        return db.read(ctx -> {
            Condition c = filter.status() == null
                    ? ISSUE.STATUS.in(IssueStatus.OPEN.code(), IssueStatus.IN_PROGRESS.code())
                    : ISSUE.STATUS.eq(filter.status().code());
            if (filter.priority() != null)
                c = c.and(ISSUE.PRIORITY.eq(filter.priority().code()));
            if (filter.ownerId() != null) c = c.and(ISSUE.OWNER_ID.eq(filter.ownerId()));
            int total = ctx.fetchCount(ISSUE, c);
            int safePage = Math.max(0, Math.min(page, Math.max(0, (total - 1) / pageSize)));
            List<Issue> items = ctx.selectFrom(ISSUE)
                    .where(c)
                    .orderBy(priorityOrder(), ISSUE.NUMBER.desc())
                    .limit(pageSize)
                    .offset(safePage * pageSize)
                    .fetch(IssueStore::toIssue);
            return new Page<>(items, safePage, pageSize, total);
        });
    }

    /** An engineer's open issues, most urgent first. */
    public List<Issue> ownedBy(long ownerId) {
        return db.read(ctx -> ctx.selectFrom(ISSUE)
                .where(ISSUE.OWNER_ID.eq(ownerId))
                .and(ISSUE.STATUS.in(IssueStatus.OPEN.code(), IssueStatus.IN_PROGRESS.code()))
                .orderBy(priorityOrder(), ISSUE.NUMBER)
                .fetch(IssueStore::toIssue));
    }

    /** Active issues whose promise deadline has passed. */
    public List<Issue> promisesPastDue(Instant now) {
        return db.read(ctx -> ctx.selectFrom(ISSUE)
                .where(ISSUE.PROMISE_DUE_AT.lt(now.toEpochMilli()))
                .and(ISSUE.STATUS.in(IssueStatus.OPEN.code(), IssueStatus.IN_PROGRESS.code()))
                .orderBy(ISSUE.PROMISE_DUE_AT)
                .fetch(IssueStore::toIssue));
    }

    /** Autocomplete: active issues whose number or title matches what was typed so far (title order, newest first). */
    public List<Issue> suggest(String typed, boolean activeOnly, int limit) {
        return search.suggest(typed, activeOnly, limit);
    }

    /** Full-text search; see {@link IssueSearchStore#search}. */
    public List<SearchHit> search(String match, boolean activeOnly, int limit) {
        return search.search(match, activeOnly, limit);
    }

    /** How many issues each indexed word is in; see {@link IssueSearchStore#termFrequencies}. */
    public TermFrequencies termFrequencies() {
        return search.termFrequencies();
    }

    // ---------------------------------------------------------------- change

    /** Adds a place unless the issue already has one with the same URL. Returns the place id, new or existing. */
    public PlaceAdded addPlace(int number, NewPlace place, long actor, Instant now) {
        return db.write(ctx -> {
            Optional<Long> existing = ctx.select(ISSUE_PLACE.ID)
                    .from(ISSUE_PLACE)
                    .where(ISSUE_PLACE.ISSUE_NUMBER.eq(number))
                    .and(ISSUE_PLACE.URL.eq(place.url()))
                    .fetchOptional(ISSUE_PLACE.ID)
                    .map(Integer::longValue);
            if (existing.isPresent()) return new PlaceAdded(existing.get(), false);
            long id = insertPlace(ctx, number, place, actor, now);
            addHistory(ctx, number, actor, "link", "brought up again in " + place.url(), now);
            touch(ctx, number, now);
            return new PlaceAdded(id, true);
        });
    }

    public record PlaceAdded(long placeId, boolean added) {}

    /** Adds a requester unless already one. Returns whether they were new. */
    public boolean addRequester(int number, long userId, Requester.How how, Long placeId, long actor, Instant now) {
        return db.write(ctx -> {
            boolean exists =
                    ctx.fetchExists(REQUESTER, REQUESTER.ISSUE_NUMBER.eq(number).and(REQUESTER.USER_ID.eq(userId)));
            if (exists) return false;
            insertRequester(ctx, number, userId, how, placeId, actor, now);
            addHistory(ctx, number, actor, "requester", "<@" + userId + "> added (" + how.code() + ")", now);
            touch(ctx, number, now);
            return true;
        });
    }

    /** Appends messages not yet in the transcript; returns how many were new. */
    public int appendTranscript(int number, Long placeId, List<NewTranscriptLine> lines) {
        return db.write(ctx -> {
            int added = insertTranscript(ctx, number, placeId, lines);
            if (added > 0) refreshIndex(ctx, number);
            return added;
        });
    }

    public void setCard(long placeId, long cardMessageId) {
        db.transaction(ctx -> ctx.update(ISSUE_PLACE)
                .set(ISSUE_PLACE.CARD_MESSAGE_ID, cardMessageId)
                .where(ISSUE_PLACE.ID.eq((int) placeId))
                .execute());
    }

    public void addHistory(int number, Long actor, String type, String detail, Instant now) {
        db.transaction(ctx -> addHistory(ctx, number, actor, type, detail, now));
    }

    /**
     * What a priority change asks for: the reason and answers that produced it ({@code answers} null keeps the earlier
     * answers), the caveat that raised it ({@code caveatCode} null clears it), the promise deadline the priority
     * implies, and an optional {@code triageSummary} written to the history before the change.
     */
    public record PriorityUpdate(
            Priority priority,
            String reason,
            String answers,
            String caveatCode,
            Instant promiseDue,
            String triageSummary) {}

    /** A recorded priority change: the issue as it was and as it is now. */
    public record PriorityChanged(Issue before, Issue after) {
        public boolean priorityChanged() {
            return before.priority() != after.priority();
        }

        public boolean becameFixNow() {
            return after.priority() == Priority.FIX_NOW && before.priority() != Priority.FIX_NOW;
        }
    }

    /**
     * The one way a priority changes (triage, a reaction, "This blocks me", the automatic bump): records the priority
     * with its reason, answers, caveat and promise and a history entry, in one transaction, and returns the issue as
     * written. A promise already running for the same priority is kept, so re-triaging never extends what the
     * requesters were promised.
     */
    public PriorityChanged changePriority(int number, PriorityUpdate update, Long actor, Instant now) {
        return db.write(ctx -> {
            IssueRecord r = ctx.selectFrom(ISSUE)
                    .where(ISSUE.NUMBER.eq(number))
                    .fetchOptional()
                    .orElseThrow();
            Issue before = toIssue(r);
            if (update.triageSummary() != null) addHistory(ctx, number, actor, "triage", update.triageSummary(), now);
            Priority priority = update.priority();
            Instant promise = before.priority() == priority && before.promiseDueAt() != null
                    ? before.promiseDueAt()
                    : update.promiseDue();
            r.setPriority(priority.code());
            r.setPriorityReason(update.reason());
            if (update.answers() != null) r.setTriageAnswers(update.answers());
            r.setPromiseDueAt(promise == null ? null : promise.toEpochMilli());
            if (r.getTriagedAt() == null) r.setTriagedAt(now.toEpochMilli());
            r.setCaveat(update.caveatCode());
            r.setRevision(r.getRevision() + 1);
            r.setUpdatedAt(now.toEpochMilli());
            r.store();
            addHistory(
                    ctx,
                    number,
                    actor,
                    "priority",
                    before.priority().label() + " → " + priority.label()
                            + (update.reason() == null || update.reason().isBlank() ? "" : ": " + update.reason()),
                    now);
            return new PriorityChanged(before, toIssue(r));
        });
    }

    /** A priority change with no caveat and no triage summary; returns the updated issue. */
    public Issue setPriority(
            int number, Priority priority, String reason, String answers, Instant promiseDue, Long actor, Instant now) {
        return changePriority(number, new PriorityUpdate(priority, reason, answers, null, promiseDue, null), actor, now)
                .after();
    }

    /** The code of the caveat recorded with the issue's current priority, if any. */
    public Optional<String> caveatCode(int number) {
        return db.read(ctx -> ctx.select(ISSUE.CAVEAT)
                .from(ISSUE)
                .where(ISSUE.NUMBER.eq(number))
                .fetchOptional(ISSUE.CAVEAT)
                .flatMap(Optional::ofNullable));
    }

    public Issue setOwner(int number, Long ownerId, String area, long actor, Instant now) {
        return db.write(ctx -> {
            ctx.update(ISSUE)
                    .set(ISSUE.OWNER_ID, ownerId)
                    .set(ISSUE.AREA, area)
                    .where(ISSUE.NUMBER.eq(number))
                    .execute();
            addHistory(
                    ctx,
                    number,
                    actor,
                    "assign",
                    ownerId == null
                            ? "owner removed"
                            : "owner <@" + ownerId + ">" + (area == null ? "" : " (area " + area + ")"),
                    now);
            touch(ctx, number, now);
            return load(ctx, number).orElseThrow();
        });
    }

    public Issue setStatus(int number, IssueStatus status, String detail, long actor, Instant now) {
        return db.write(ctx -> {
            var update = ctx.update(ISSUE).set(ISSUE.STATUS, status.code());
            if (status == IssueStatus.CLOSED) {
                update = update.set(ISSUE.CLOSED_AT, now.toEpochMilli()).set(ISSUE.CLOSE_REASON, detail);
            }
            update.where(ISSUE.NUMBER.eq(number)).execute();
            addHistory(ctx, number, actor, "status", status.label() + (detail == null ? "" : ": " + detail), now);
            touch(ctx, number, now);
            return load(ctx, number).orElseThrow();
        });
    }

    /** Marks an issue shipped in a release; runs inside the caller's release transaction when there is one. */
    public void markShipped(int number, String version, long actor, Instant now) {
        db.transaction(ctx -> {
            ctx.update(ISSUE)
                    .set(ISSUE.STATUS, IssueStatus.SHIPPED.code())
                    .set(ISSUE.SHIPPED_VERSION, version)
                    .set(ISSUE.SHIPPED_AT, now.toEpochMilli())
                    .where(ISSUE.NUMBER.eq(number))
                    .execute();
            addHistory(ctx, number, actor, "shipped", "shipped in " + version, now);
            touch(ctx, number, now);
        });
    }

    /** The rows attached to an issue, as merge planning needs them. */
    public IssueRows rows(int number) {
        return merges.rows(number);
    }

    /** Issues marked duplicates of this one. */
    public List<Integer> duplicatesOf(int number) {
        return merges.duplicatesOf(number);
    }

    /** Applies a merge plan; see {@link IssueMerges#merge}. */
    public void merge(MergePlan plan, long actor, Instant now) {
        merges.merge(plan, actor, now);
    }

    /** Applies an unmerge plan; see {@link IssueMerges#unmerge}. */
    public void unmerge(UnmergePlan plan, long actor, Instant now) {
        merges.unmerge(plan, actor, now);
    }

    // ---------------------------------------------------------------- internals

    private static long insertPlace(DSLContext ctx, int number, NewPlace p, long actor, Instant now) {
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

    private static void insertRequester(
            DSLContext ctx, int number, long user, Requester.How how, Long placeId, long actor, Instant now) {
        ctx.insertInto(REQUESTER)
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

    private static int insertTranscript(DSLContext ctx, int number, Long placeId, List<NewTranscriptLine> lines) {
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

    private static org.jooq.Field<Integer> priorityOrder() {
        return DSL.when(ISSUE.PRIORITY.eq(Priority.FIX_NOW.code()), 0)
                .when(ISSUE.PRIORITY.eq(Priority.HIGH.code()), 1)
                .when(ISSUE.PRIORITY.eq(Priority.LOW.code()), 2)
                .otherwise(3);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Optional<Issue> load(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE).where(ISSUE.NUMBER.eq(number)).fetchOptional(IssueStore::toIssue);
    }

    static List<Place> places(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE_PLACE)
                .where(ISSUE_PLACE.ISSUE_NUMBER.eq(number))
                .orderBy(ISSUE_PLACE.ID)
                .fetch(IssueStore::toPlace);
    }

    static List<Requester> requesters(DSLContext ctx, int number) {
        return ctx.selectFrom(REQUESTER)
                .where(REQUESTER.ISSUE_NUMBER.eq(number))
                .orderBy(REQUESTER.ID)
                .fetch(IssueStore::toRequester);
    }

    private static List<HistoryEntry> history(DSLContext ctx, int number) {
        return ctx.selectFrom(ISSUE_HISTORY)
                .where(ISSUE_HISTORY.ISSUE_NUMBER.eq(number))
                .orderBy(ISSUE_HISTORY.AT, ISSUE_HISTORY.ID)
                .fetch(IssueStore::toHistory);
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
                instant(r.getClosedAt()));
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

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
