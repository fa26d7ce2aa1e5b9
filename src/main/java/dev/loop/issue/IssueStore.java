package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_PLACE;

import dev.loop.core.Database;
import dev.loop.issue.merge.IssueRows;
import dev.loop.issue.merge.MergePlan;
import dev.loop.issue.merge.UnmergePlan;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.TermFrequencies;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of the issue record: issues, places, requesters, transcript and history, plus the full-text index.
 * Returns domain records only. Every change bumps the issue's revision so stale buttons can be recognised.
 */
public final class IssueStore {

    private final Database db;
    private final IssueReads reads;
    private final IssueSearchStore search;
    private final IssueMerges merges;
    private final IssuePriorities priorities;
    private final IssueRequesters requesters;
    private final IssueCreation creation;

    public IssueStore(Database db) {
        this.db = db;
        this.reads = new IssueReads(db);
        this.search = new IssueSearchStore(db);
        this.merges = new IssueMerges(db);
        this.priorities = new IssuePriorities(db);
        this.requesters = new IssueRequesters(db);
        this.creation = new IssueCreation(db);
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- create

    /**
     * Creates an issue with its first place, requesters and transcript in one transaction. A Discord source (thread or
     * message) becomes one issue only: capturing it again throws {@link AlreadyCaptured} and stores nothing.
     */
    public Issue create(
            NewIssue n,
            NewPlace place,
            List<Long> requesterIds,
            Requester.How how,
            List<NewTranscriptLine> transcript,
            boolean transcriptCapped,
            long actor,
            Instant now) {
        return creation.create(n, place, requesterIds, how, transcript, transcriptCapped, actor, now);
    }

    // ---------------------------------------------------------------- read

    public Optional<Issue> find(int number) {
        return reads.find(number);
    }

    /** The issue a control or form names, or that it is gone: see {@link IssueLookup}. */
    public IssueLookup lookup(int number) {
        return reads.find(number)
                .<IssueLookup>map(IssueLookup.Found::new)
                .orElseGet(() -> new IssueLookup.Gone(number));
    }

    public Optional<IssueRecordView> view(int number) {
        return reads.view(number);
    }

    /** What the issue's card shows, read without loading its requesters or history. */
    public Optional<IssueCard> card(int number) {
        return reads.card(number);
    }

    /** The numbers of the issues in design (needs design, no proposal yet), for the roadmap. */
    public java.util.Set<Integer> inDesign() {
        return reads.inDesign();
    }

    public List<Place> places(int number) {
        return reads.places(number);
    }

    /** How many places and requesters the issue has, in one read: {places, requesters}. */
    public int[] placeAndRequesterCounts(int number) {
        return reads.placeAndRequesterCounts(number);
    }

    public List<Requester> requesters(int number) {
        return reads.requesters(number);
    }

    public List<HistoryEntry> history(int number) {
        return reads.history(number);
    }

    public List<TranscriptLine> transcript(int number) {
        return reads.transcript(number);
    }

    /** The issue a thread (or forum post, or message's channel) was captured into or linked to, if any. */
    public Optional<Issue> findByChannel(long channelId) {
        return reads.findByChannel(channelId);
    }

    /** The issue a single message was captured into, if any. */
    public Optional<Issue> findByMessage(long messageId) {
        return reads.findByMessage(messageId);
    }

    /** The issue whose card is this message. */
    public Optional<Issue> findByCard(long messageId) {
        return reads.findByCard(messageId);
    }

    /** The place whose issue card is this message. */
    public Optional<Place> placeOfCard(long messageId) {
        return reads.placeOfCard(messageId);
    }

    /** The newest place's id, 0 when there is none: places added after this moment have higher ids. */
    public long lastPlaceId() {
        return reads.lastPlaceId();
    }

    /**
     * Places of open and in-progress issues that never got their issue card (Loop stopped between storing them and
     * posting it), up to place {@code upToId}, oldest first. GitHub places hold no card and are left out.
     */
    public List<Place> placesWithoutCard(long upToId) {
        return reads.placesWithoutCard(upToId);
    }

    public Page<Issue> list(IssueFilter filter, int page, int pageSize) {
        return reads.list(filter, page, pageSize);
    }

    /** An engineer's open issues, most urgent first. */
    public List<Issue> ownedBy(long ownerId) {
        return reads.ownedBy(ownerId);
    }

    /** Active issues whose promise deadline has passed. */
    public List<Issue> promisesPastDue(Instant now) {
        return reads.promisesPastDue(now);
    }

    /** Autocomplete: active issues whose number or title matches what was typed so far (title order, newest first). */
    public List<Issue> suggest(String typed, boolean activeOnly, int limit) {
        return search.suggest(typed, activeOnly, limit);
    }

    /** Full-text search; see {@link IssueSearchStore#search}. */
    public List<SearchHit> search(String match, boolean activeOnly, int limit) {
        return search.search(match, activeOnly, limit);
    }

    /** What a person typed, searched; see {@link IssueSearchStore#searchWords}. */
    public List<SearchHit> searchWords(FtsQuery query, boolean activeOnly, int limit) {
        return search.searchWords(query, activeOnly, limit);
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
            long id = IssueTables.insertPlace(ctx, number, place, actor, now);
            IssueTables.addHistory(ctx, number, actor, "link", "brought up again in " + place.url(), now);
            IssueTables.touch(ctx, number, now);
            return new PlaceAdded(id, true);
        });
    }

    public record PlaceAdded(long placeId, boolean added) {}

    /** Adds a requester unless already one. Returns whether they were new. */
    public boolean addRequester(int number, long userId, Requester.How how, Long placeId, long actor, Instant now) {
        return requesters.addRequester(number, userId, how, placeId, actor, now);
    }

    /** Appends messages not yet in the transcript; returns how many were new. */
    public int appendTranscript(int number, Long placeId, List<NewTranscriptLine> lines) {
        return db.write(ctx -> {
            int added = IssueTables.insertTranscript(ctx, number, placeId, lines);
            if (added > 0) IssueTables.refreshIndex(ctx, number);
            return added;
        });
    }

    /**
     * Adds a GitHub account as a requester unless it already is one. Its user id is the negative of the GitHub
     * account id, so each account counts once per issue next to the Discord requesters.
     */
    public boolean addGitHubRequester(int number, long githubId, String login, Long placeId, Instant now) {
        return requesters.addGitHubRequester(number, githubId, login, placeId, now);
    }

    /** The GitHub logins of the issue's GitHub requesters, by their (negative) user id. */
    public java.util.Map<Long, String> githubLogins(int number) {
        return requesters.githubLogins(number);
    }

    /**
     * The card owed to this place is given up: its thread is deleted or hidden from Loop, so no later start asks
     * Discord about it again.
     */
    public void giveUpCard(long placeId, Instant at) {
        db.transaction(ctx -> ctx.update(ISSUE_PLACE)
                .set(ISSUE_PLACE.CARD_GIVEN_UP_AT, at.toEpochMilli())
                .where(ISSUE_PLACE.ID.eq((int) placeId))
                .and(ISSUE_PLACE.CARD_MESSAGE_ID.isNull())
                .execute());
    }

    public void setCard(long placeId, long cardMessageId) {
        db.transaction(ctx -> ctx.update(ISSUE_PLACE)
                .set(ISSUE_PLACE.CARD_MESSAGE_ID, cardMessageId)
                .where(ISSUE_PLACE.ID.eq((int) placeId))
                .execute());
    }

    /** The history entry type of a naming vote's result on the issue it was tied to. */
    public static final String NAMING_HISTORY = "naming";

    /**
     * Records what a naming vote tied to the issue decided. A history row is a record change: the cards' History view
     * shows it, and GitHub sync exports it to the GitHub issue's body, as it does every record change.
     */
    public void recordNamingVote(int number, String decision, Instant now) {
        addHistory(number, null, NAMING_HISTORY, decision, now);
    }

    public void addHistory(int number, Long actor, String type, String detail, Instant now) {
        db.transaction(ctx -> IssueTables.addHistory(ctx, number, actor, type, detail, now));
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
            String triageSummary,
            PrioritySource source) {}

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
        return priorities.changePriority(number, update, actor, now);
    }

    /** A priority change with no caveat and no triage summary; returns the updated issue. */
    public Issue setPriority(
            int number, Priority priority, String reason, String answers, Instant promiseDue, Long actor, Instant now) {
        return changePriority(
                        number,
                        new PriorityUpdate(
                                priority,
                                reason,
                                answers,
                                null,
                                promiseDue,
                                null,
                                // nobody set it: the rules did, as the flowchart would have
                                actor == null ? PrioritySource.FLOWCHART : PrioritySource.ENGINEER),
                        actor,
                        now)
                .after();
    }

    /** The code of the caveat recorded with the issue's current priority, if any. */
    public Optional<String> caveatCode(int number) {
        return priorities.caveatCode(number);
    }

    public Issue setOwner(int number, Long ownerId, String area, long actor, Instant now) {
        return db.write(ctx -> {
            ctx.update(ISSUE)
                    .set(ISSUE.OWNER_ID, ownerId)
                    .set(ISSUE.AREA, area)
                    .where(ISSUE.NUMBER.eq(number))
                    .execute();
            IssueTables.addHistory(
                    ctx,
                    number,
                    actor,
                    "assign",
                    ownerId == null
                            ? "owner removed"
                            : "owner <@" + ownerId + ">" + (area == null ? "" : " (area " + area + ")"),
                    now);
            IssueTables.touch(ctx, number, now);
            return IssueTables.load(ctx, number).orElseThrow();
        });
    }

    public Issue setStatus(int number, IssueStatus status, String detail, long actor, Instant now) {
        return db.write(ctx -> {
            var update = ctx.update(ISSUE).set(ISSUE.STATUS, status.code());
            if (status == IssueStatus.CLOSED) {
                update = update.set(ISSUE.CLOSED_AT, now.toEpochMilli()).set(ISSUE.CLOSE_REASON, detail);
            }
            if (status == IssueStatus.FIXED) update = update.set(ISSUE.FIXED_AT, now.toEpochMilli());
            // reopened: no longer closed, so no close time or reason
            if (status == IssueStatus.OPEN)
                update = update.setNull(ISSUE.CLOSED_AT).setNull(ISSUE.CLOSE_REASON);
            update.where(ISSUE.NUMBER.eq(number)).execute();
            IssueTables.addHistory(
                    ctx, number, actor, "status", status.label() + (detail == null ? "" : ": " + detail), now);
            IssueTables.touch(ctx, number, now);
            return IssueTables.load(ctx, number).orElseThrow();
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
            IssueTables.addHistory(ctx, number, actor, "shipped", "shipped in " + version, now);
            IssueTables.touch(ctx, number, now);
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
}
