package dev.loop.release;

import static dev.loop.db.Tables.DOCS_REVIEW_ITEM;
import static dev.loop.db.Tables.NOTICE;
import static dev.loop.db.Tables.RELEASE;
import static dev.loop.db.Tables.RELEASE_ISSUE;

import dev.loop.core.Database;
import dev.loop.core.text.Safe;
import dev.loop.db.tables.records.ReleaseRecord;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Requester;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The publish transaction of {@link ReleaseStore}: all or nothing, the version and issues re-checked, every issue
 * shipped, the release row, one outbox row per planned notice and the review checklist; and the snapshot of a
 * release's issues and requesters that planning the notices reads, at publish and again after a restart.
 */
final class PublishTransaction {

    private final Database db;
    private final IssueStore issues;
    private final Function<Collection<Integer>, Map<Integer, Issue>> existing;

    PublishTransaction(Database db, IssueStore issues, Function<Collection<Integer>, Map<Integer, Issue>> existing) {
        this.db = db;
        this.issues = issues;
        this.existing = existing;
    }

    /**
     * Publishes a release in one transaction (see {@link ReleaseStore#publish(NewRelease, DeliveryMode, Instant)});
     * with {@code reviewOnGitHub} the review items are for the GitHub review issue, and the team-channel checklist
     * is not posted.
     *
     * @throws ReleaseRefused when the version is taken or an issue can no longer ship
     */
    ReleaseStore.Publication publish(NewRelease n, DeliveryMode mode, Instant now, boolean reviewOnGitHub) {
        return db.write(ctx -> {
            List<String> problems = new ArrayList<>();
            if (ctx.fetchExists(RELEASE, RELEASE.VERSION.eq(n.version()))) {
                problems.add("Version " + Safe.inline(n.version(), ReleaseRules.MAX_VERSION)
                        + " was already released; pick a new version.");
            }
            ReleaseRules.ParsedNumbers parsed = new ReleaseRules.ParsedNumbers(n.issueNumbers(), List.of());
            problems.addAll(ReleaseRules.issueProblems(parsed, existing.apply(n.issueNumbers())));
            if (!problems.isEmpty()) throw new ReleaseRefused(problems);

            ReleaseRecord r = ctx.newRecord(RELEASE);
            r.setVersion(n.version());
            r.setNotes(n.notes());
            r.setSnippet(n.snippet() == null || n.snippet().isBlank() ? null : n.snippet());
            r.setPublishedBy(n.publishedBy());
            r.setPublishedAt(now.toEpochMilli());
            r.setAnnouncementState(AnnouncementState.PENDING.code());
            r.setAnnouncementNonce("-");
            r.setReviewOnGithub(reviewOnGitHub ? 1 : 0);
            r.store();
            long id = r.getId();
            r.setAnnouncementNonce(Nonces.announcement(id));
            r.store();

            for (int number : n.issueNumbers()) {
                ctx.insertInto(RELEASE_ISSUE)
                        .set(RELEASE_ISSUE.RELEASE_ID, (int) id)
                        .set(RELEASE_ISSUE.ISSUE_NUMBER, number)
                        .execute();
                issues.markShipped(number, n.version(), n.publishedBy(), now);
            }

            List<ShippedIssue> shipped = snapshot(issues, ctx, id, now, null);
            // The link is not known until the announcement is posted; the recipients and nonces don't depend on it.
            NoticePlan plan = NoticePlan.plan(id, n.version(), "", mode, shipped);
            for (NoticePlan.Recipient rc : plan.recipients()) {
                ctx.insertInto(NOTICE)
                        .set(NOTICE.RELEASE_ID, (int) id)
                        .set(NOTICE.USER_ID, rc.userId())
                        .set(NOTICE.ROUTE, rc.route().code())
                        .set(NOTICE.TARGET_CHANNEL_ID, rc.targetChannelId())
                        .set(NOTICE.STATE, NoticeState.PENDING.code())
                        .set(NOTICE.ATTEMPTS, 0)
                        .set(NOTICE.NONCE, rc.nonce())
                        .set(NOTICE.NEXT_ATTEMPT_AT, now.toEpochMilli())
                        .set(NOTICE.UPDATED_AT, now.toEpochMilli())
                        .execute();
            }

            int reviewItems = 1;
            ctx.insertInto(DOCS_REVIEW_ITEM)
                    .set(DOCS_REVIEW_ITEM.RELEASE_ID, (int) id)
                    .execute();
            for (int number : n.issueNumbers()) {
                Issue issue = issues.find(number).orElseThrow();
                if (!issue.needsDocs()) continue;
                ctx.insertInto(DOCS_REVIEW_ITEM)
                        .set(DOCS_REVIEW_ITEM.RELEASE_ID, (int) id)
                        .set(DOCS_REVIEW_ITEM.ISSUE_NUMBER, number)
                        .execute();
                reviewItems++;
            }
            return new ReleaseStore.Publication(ReleaseStore.toRelease(r), shipped, plan.recipients(), reviewItems);
        });
    }

    static List<ShippedIssue> snapshot(
            IssueStore issues, DSLContext ctx, long releaseId, Instant publishedAt, Set<Long> told) {
        List<Integer> numbers = ctx.select(RELEASE_ISSUE.ISSUE_NUMBER)
                .from(RELEASE_ISSUE)
                .where(RELEASE_ISSUE.RELEASE_ID.eq((int) releaseId))
                .orderBy(RELEASE_ISSUE.ISSUE_NUMBER)
                .fetch(RELEASE_ISSUE.ISSUE_NUMBER);
        List<ShippedIssue> shipped = new ArrayList<>();
        for (int number : numbers) {
            Issue issue = issues.find(number).orElseThrow();
            List<Requester> requesters = issues.requesters(number).stream()
                    .filter(q -> !q.addedAt().isAfter(publishedAt))
                    .filter(q -> told == null || told.contains(q.userId()))
                    .toList();
            shipped.add(new ShippedIssue(number, issue.title(), issues.places(number), requesters));
        }
        return shipped;
    }
}
