package dev.loop.release;

import static dev.loop.db.Tables.DOCS_REVIEW_ITEM;
import static dev.loop.db.Tables.NOTICE;
import static dev.loop.db.Tables.RELEASE;
import static dev.loop.db.Tables.RELEASE_ISSUE;

import dev.loop.core.Database;
import dev.loop.db.tables.records.ReleaseRecord;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueFilter;
import dev.loop.issue.IssueStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * Storage of releases: the publish transaction (issues shipped, release row, notice outbox, review checklist, all
 * or nothing; written by {@link PublishTransaction}), the outbox queries the delivery worker resumes from after a
 * restart, the recorded outcome of every notice ({@link NoticeOutbox}), and the docs/copy review items
 * ({@link ReleaseReviews}). Returns domain records only.
 */
public final class ReleaseStore {

    private final Database db;
    private final IssueStore issues;
    private final NoticeOutbox outbox;
    private final ReleaseReviews reviews;
    private final PublishTransaction publishing;

    public ReleaseStore(Database db, IssueStore issues) {
        this.db = db;
        this.issues = issues;
        this.outbox = new NoticeOutbox(db);
        this.reviews = new ReleaseReviews(db, issues);
        this.publishing = new PublishTransaction(db, issues, this::issues);
    }

    // ---------------------------------------------------------------- releases

    public Optional<Release> find(long releaseId) {
        return db.read(ctx ->
                ctx.selectFrom(RELEASE).where(RELEASE.ID.eq((int) releaseId)).fetchOptional(ReleaseStore::toRelease));
    }

    public Optional<Release> findByVersion(String version) {
        return db.read(ctx ->
                ctx.selectFrom(RELEASE).where(RELEASE.VERSION.eq(version)).fetchOptional(ReleaseStore::toRelease));
    }

    /** Versions for autocomplete, newest first. */
    public List<String> suggestVersions(String typed, int limit) {
        String t = typed == null ? "" : typed.strip();
        return db.read(ctx -> ctx.select(RELEASE.VERSION)
                .from(RELEASE)
                .where(
                        t.isEmpty()
                                ? DSL.noCondition()
                                : RELEASE.VERSION.likeIgnoreCase("%" + escapeLike(t) + "%", '\\'))
                .orderBy(RELEASE.ID.desc())
                .limit(limit)
                .fetch(RELEASE.VERSION));
    }

    /** The issues with these numbers that exist. */
    public Map<Integer, Issue> issues(Collection<Integer> numbers) {
        Map<Integer, Issue> found = new LinkedHashMap<>();
        for (int n : numbers) issues.find(n).ifPresent(i -> found.put(n, i));
        return found;
    }

    /** Open and in-progress issues, most urgent first, at most {@code limit}; and how many there are in all. */
    public List<Issue> releasable(int limit) {
        return issues.list(IssueFilter.ACTIVE, 0, limit).items();
    }

    public int countReleasable() {
        return issues.list(IssueFilter.ACTIVE, 0, 1).total();
    }

    /** What one publish wrote. */
    public record Publication(
            Release release, List<ShippedIssue> shipped, List<NoticePlan.Recipient> recipients, int reviewItems) {
        public Publication {
            shipped = List.copyOf(shipped);
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * Publishes a release in one transaction: re-checks the version and issues (they may have changed since the
     * preview), marks every issue shipped with the version (recorded in its history), writes the release row, one
     * outbox row per (person, target) planned for {@code mode}, and the review checklist (the announcement text
     * plus every issue flagged needs-docs). Nothing is sent here; the delivery worker reads the outbox.
     *
     * @throws ReleaseRefused when the version is taken or an issue can no longer ship
     */
    public Publication publish(NewRelease n, DeliveryMode mode, Instant now) {
        return publish(n, mode, now, false);
    }

    /**
     * As {@link #publish(NewRelease, DeliveryMode, Instant)}; with {@code reviewOnGitHub} the review items are for
     * the GitHub review issue, and the team-channel checklist is not posted.
     */
    public Publication publish(NewRelease n, DeliveryMode mode, Instant now, boolean reviewOnGitHub) {
        return publishing.publish(n, mode, now, reviewOnGitHub);
    }

    /**
     * The release's issues with their places and the requesters it was published to. Requesters added after
     * publishing (a late "Me too" on a shipped issue's card, a merge) are left out, so that planning the notices
     * again after a restart gives the same messages and nonces as at publish time.
     */
    public List<ShippedIssue> shipped(long releaseId) {
        return db.read(ctx -> {
            Release release = ctx.selectFrom(RELEASE)
                    .where(RELEASE.ID.eq((int) releaseId))
                    .fetchOptional(ReleaseStore::toRelease)
                    .orElseThrow(() -> new IllegalArgumentException("no release " + releaseId));
            Set<Long> told = Set.copyOf(ctx.selectDistinct(NOTICE.USER_ID)
                    .from(NOTICE)
                    .where(NOTICE.RELEASE_ID.eq((int) releaseId))
                    .fetch(NOTICE.USER_ID));
            return PublishTransaction.snapshot(issues, ctx, releaseId, release.publishedAt(), told);
        });
    }

    /** The issues as they stand now, with their places and requesters: what a preview plans from. */
    public List<ShippedIssue> preview(List<Integer> numbers) {
        return db.read(ctx -> {
            List<ShippedIssue> out = new ArrayList<>();
            for (int n : numbers) {
                issues.find(n)
                        .ifPresent(
                                i -> out.add(new ShippedIssue(n, i.title(), issues.places(n), issues.requesters(n))));
            }
            return out;
        });
    }

    /** The issue numbers a release shipped, in order. */
    public List<Integer> issueNumbers(long releaseId) {
        return db.read(ctx -> ctx.select(RELEASE_ISSUE.ISSUE_NUMBER)
                .from(RELEASE_ISSUE)
                .where(RELEASE_ISSUE.RELEASE_ID.eq((int) releaseId))
                .orderBy(RELEASE_ISSUE.ISSUE_NUMBER)
                .fetch(RELEASE_ISSUE.ISSUE_NUMBER));
    }

    public void announced(long releaseId, long channelId, long messageId) {
        db.transaction(ctx -> ctx.update(RELEASE)
                .set(RELEASE.ANNOUNCEMENT_STATE, AnnouncementState.DELIVERED.code())
                .set(RELEASE.ANNOUNCEMENT_CHANNEL_ID, channelId)
                .set(RELEASE.ANNOUNCEMENT_MESSAGE_ID, messageId)
                .where(RELEASE.ID.eq((int) releaseId))
                .execute());
    }

    public void announcementFailed(long releaseId) {
        db.transaction(ctx -> ctx.update(RELEASE)
                .set(RELEASE.ANNOUNCEMENT_STATE, AnnouncementState.FAILED.code())
                .where(RELEASE.ID.eq((int) releaseId))
                .execute());
    }

    // ---------------------------------------------------------------- outbox

    /**
     * Releases with something left to deliver (the announcement, a pending notice, an unposted review item),
     * oldest first. This is where the delivery worker resumes after a restart.
     */
    public List<Long> releasesWithWork() {
        return db.read(ctx -> ctx.select(RELEASE.ID)
                .from(RELEASE)
                .where(RELEASE.ANNOUNCEMENT_STATE
                        .eq(AnnouncementState.PENDING.code())
                        .or(DSL.exists(DSL.selectOne()
                                .from(NOTICE)
                                .where(NOTICE.RELEASE_ID.eq(RELEASE.ID))
                                .and(NOTICE.STATE.eq(NoticeState.PENDING.code()))))
                        .or(DSL.exists(DSL.selectOne()
                                .from(DOCS_REVIEW_ITEM)
                                .where(DOCS_REVIEW_ITEM.RELEASE_ID.eq(RELEASE.ID))
                                .and(DOCS_REVIEW_ITEM.MESSAGE_ID.isNull())
                                .and(RELEASE.REVIEW_ON_GITHUB.eq(0)))))
                .orderBy(RELEASE.ID)
                .fetch(r -> r.value1().longValue()));
    }

    /** Notes in every shipped issue's history how the release's notices went (once they are all sent or given up). */
    public void recordNoticesSent(long releaseId, String detail, Instant now) {
        db.transaction(ctx -> {
            for (int number : issueNumbers(releaseId)) issues.addHistory(number, null, "notices", detail, now);
        });
    }

    public ReleaseStatus status(Release release) {
        return db.read(ctx -> {
            Map<String, Integer> counts = ctx.select(NOTICE.STATE, DSL.count())
                    .from(NOTICE)
                    .where(NOTICE.RELEASE_ID.eq((int) release.id()))
                    .groupBy(NOTICE.STATE)
                    .fetchMap(NOTICE.STATE, DSL.count());
            List<ReleaseStatus.Failure> failures = ctx.selectFrom(NOTICE)
                    .where(NOTICE.RELEASE_ID.eq((int) release.id()))
                    .and(NOTICE.STATE.eq(NoticeState.FAILED.code()))
                    .orderBy(NOTICE.ID)
                    .fetch(r -> new ReleaseStatus.Failure(
                            r.getUserId(), Route.fromCode(r.getRoute()), r.getTargetChannelId(), r.getLastError()));
            int reviewTotal = ctx.fetchCount(DOCS_REVIEW_ITEM, DOCS_REVIEW_ITEM.RELEASE_ID.eq((int) release.id()));
            int reviewed = ctx.fetchCount(
                    DOCS_REVIEW_ITEM,
                    DOCS_REVIEW_ITEM.RELEASE_ID.eq((int) release.id()).and(DOCS_REVIEW_ITEM.REVIEWED_AT.isNotNull()));
            return new ReleaseStatus(
                    release,
                    counts.getOrDefault(NoticeState.DELIVERED.code(), 0),
                    counts.getOrDefault(NoticeState.FELL_BACK.code(), 0),
                    counts.getOrDefault(NoticeState.FAILED.code(), 0),
                    counts.getOrDefault(NoticeState.PENDING.code(), 0),
                    failures,
                    reviewed,
                    reviewTotal);
        });
    }

    // ---------------------------------------------------------------- notice outcomes (see NoticeOutbox)

    /** Pending notices of a release that are due at {@code now}, in outbox order. */
    public List<OutboxNotice> due(long releaseId, Instant now) {
        return outbox.due(releaseId, now);
    }

    /** How many distinct requesters the release's notices have told so far, and of how many. */
    public PublishProgress.Reach reach(long releaseId) {
        return outbox.reach(releaseId);
    }

    /** Every notice of a release, in outbox order. */
    public List<OutboxNotice> notices(long releaseId) {
        return outbox.notices(releaseId);
    }

    /** When the release's earliest pending notice is due; empty when none is pending. */
    public Optional<Instant> nextDue(long releaseId) {
        return outbox.nextDue(releaseId);
    }

    /** Records that these rows' message went out (delivered on the planned route, or fell back). */
    public void delivered(Collection<Long> ids, Route outcome, Long messageId, Long dmChannelId, Instant now) {
        outbox.delivered(ids, outcome, messageId, dmChannelId, now);
    }

    /** A failed attempt that will be tried again on the same route at {@code next}. */
    public void retryLater(Collection<Long> ids, Instant next, String error, Instant now) {
        outbox.retryLater(ids, next, error, now);
    }

    /** Moves rows to their fallback route; they are due again at once. */
    public void fallBack(Collection<Long> ids, Route to, String why, Instant now) {
        outbox.fallBack(ids, to, why, now);
    }

    public void fail(Collection<Long> ids, String error, Instant now) {
        outbox.fail(ids, error, now);
    }

    // ---------------------------------------------------------------- docs/copy review (see ReleaseReviews)

    /** Whether the release's docs/copy review goes to GitHub (set at publish) rather than the team channel. */
    public boolean reviewOnGitHub(long releaseId) {
        return db.read(
                ctx -> ctx.fetchExists(RELEASE, RELEASE.ID.eq((int) releaseId).and(RELEASE.REVIEW_ON_GITHUB.eq(1))));
    }

    /** The releases whose docs/copy review goes to GitHub, oldest first. */
    public List<Long> reviewsOnGitHub() {
        return db.read(ctx -> ctx.select(RELEASE.ID)
                .from(RELEASE)
                .where(RELEASE.REVIEW_ON_GITHUB.eq(1))
                .orderBy(RELEASE.ID)
                .fetch(r -> r.value1().longValue()));
    }

    public List<ReviewItem> reviewItems(long releaseId) {
        return reviews.reviewItems(releaseId);
    }

    public Optional<ReviewItem> reviewItem(long id) {
        return reviews.reviewItem(id);
    }

    public void reviewPosted(long id, long channelId, long messageId) {
        reviews.reviewPosted(id, channelId, messageId);
    }

    /** Records which boxes of the release's review issue are ticked on GitHub (see {@link ReleaseReviews}). */
    public void reviewTicked(long releaseId, List<ReviewTick> ticks, Instant seenAt) {
        reviews.reviewTicked(releaseId, ticks, seenAt);
    }

    /** Records the review unless someone already did; returns the item as it now stands. */
    public Optional<ReviewItem> markReviewed(long id, long userId, Instant now) {
        return reviews.markReviewed(id, userId, now);
    }

    // ---------------------------------------------------------------- mapping

    static Release toRelease(ReleaseRecord r) {
        return new Release(
                r.getId(),
                r.getVersion(),
                r.getNotes(),
                r.getSnippet(),
                r.getPublishedBy(),
                Instant.ofEpochMilli(r.getPublishedAt()),
                AnnouncementState.fromCode(r.getAnnouncementState()),
                r.getAnnouncementNonce(),
                r.getAnnouncementChannelId(),
                r.getAnnouncementMessageId());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
