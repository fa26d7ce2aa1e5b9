package dev.loop.release;

import static dev.loop.db.Tables.DOCS_REVIEW_ITEM;

import dev.loop.core.Database;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The docs/copy review items of releases: where each was posted and who reviewed it. */
final class ReleaseReviews {

    private final Database db;
    private final IssueStore issues;

    ReleaseReviews(Database db, IssueStore issues) {
        this.db = db;
        this.issues = issues;
    }

    List<ReviewItem> reviewItems(long releaseId) {
        return db.read(ctx -> reviewQuery(ctx)
                .where(DOCS_REVIEW_ITEM.RELEASE_ID.eq((int) releaseId))
                .orderBy(DOCS_REVIEW_ITEM.ID)
                .fetch(this::toReviewItem));
    }

    Optional<ReviewItem> reviewItem(long id) {
        return db.read(
                ctx -> reviewQuery(ctx).where(DOCS_REVIEW_ITEM.ID.eq((int) id)).fetchOptional(this::toReviewItem));
    }

    void reviewPosted(long id, long channelId, long messageId) {
        db.transaction(ctx -> ctx.update(DOCS_REVIEW_ITEM)
                .set(DOCS_REVIEW_ITEM.CHANNEL_ID, channelId)
                .set(DOCS_REVIEW_ITEM.MESSAGE_ID, messageId)
                .where(DOCS_REVIEW_ITEM.ID.eq((int) id))
                .execute());
    }

    /**
     * Records the review unless someone already did; returns the item as it now stands (so a second press shows who
     * was first).
     */
    Optional<ReviewItem> markReviewed(long id, long userId, Instant now) {
        return db.write(ctx -> {
            ctx.update(DOCS_REVIEW_ITEM)
                    .set(DOCS_REVIEW_ITEM.REVIEWED_BY, userId)
                    .set(DOCS_REVIEW_ITEM.REVIEWED_AT, now.toEpochMilli())
                    .where(DOCS_REVIEW_ITEM.ID.eq((int) id))
                    .and(DOCS_REVIEW_ITEM.REVIEWED_AT.isNull())
                    .execute();
            return reviewQuery(ctx).where(DOCS_REVIEW_ITEM.ID.eq((int) id)).fetchOptional(this::toReviewItem);
        });
    }

    /**
     * Records the boxes of the release's review issue as GitHub shows them: a ticked box's item becomes reviewed
     * (at {@code seenAt}, by nobody known) unless it already was; an unticked box's item is not reviewed any more.
     * Boxes that name no item of this release change nothing.
     */
    void reviewTicked(long releaseId, List<ReviewTick> ticks, Instant seenAt) {
        db.transaction(ctx -> {
            for (ReviewTick t : ticks) {
                var item = DOCS_REVIEW_ITEM
                        .RELEASE_ID
                        .eq((int) releaseId)
                        .and(
                                t.issueNumber() == null
                                        ? DOCS_REVIEW_ITEM.ISSUE_NUMBER.isNull()
                                        : DOCS_REVIEW_ITEM.ISSUE_NUMBER.eq(t.issueNumber()));
                if (t.ticked()) {
                    ctx.update(DOCS_REVIEW_ITEM)
                            .set(DOCS_REVIEW_ITEM.REVIEWED_AT, seenAt.toEpochMilli())
                            .where(item)
                            .and(DOCS_REVIEW_ITEM.REVIEWED_AT.isNull())
                            .execute();
                } else {
                    ctx.update(DOCS_REVIEW_ITEM)
                            .setNull(DOCS_REVIEW_ITEM.REVIEWED_AT)
                            .setNull(DOCS_REVIEW_ITEM.REVIEWED_BY)
                            .where(item)
                            .and(DOCS_REVIEW_ITEM.REVIEWED_AT.isNotNull())
                            .execute();
                }
            }
        });
    }

    private static org.jooq.SelectJoinStep<Record> reviewQuery(DSLContext ctx) {
        return ctx.select(DOCS_REVIEW_ITEM.fields()).from(DOCS_REVIEW_ITEM);
    }

    private String title(Integer issueNumber) {
        return issueNumber == null
                ? null
                : issues.find(issueNumber).map(Issue::title).orElse(null);
    }

    /** The issue's title comes from the issue store, the one owner of the issue tables. */
    private ReviewItem toReviewItem(Record r) {
        Long reviewedAt = r.get(DOCS_REVIEW_ITEM.REVIEWED_AT);
        return new ReviewItem(
                r.get(DOCS_REVIEW_ITEM.ID),
                r.get(DOCS_REVIEW_ITEM.RELEASE_ID),
                r.get(DOCS_REVIEW_ITEM.ISSUE_NUMBER),
                title(r.get(DOCS_REVIEW_ITEM.ISSUE_NUMBER)),
                r.get(DOCS_REVIEW_ITEM.CHANNEL_ID),
                r.get(DOCS_REVIEW_ITEM.MESSAGE_ID),
                r.get(DOCS_REVIEW_ITEM.REVIEWED_BY),
                reviewedAt == null ? null : Instant.ofEpochMilli(reviewedAt));
    }
}
