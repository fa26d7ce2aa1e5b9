package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_REVIEW;

import dev.loop.core.Database;
import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docs and copy review of a release as one GitHub issue, for the sync worker: created once per release through
 * the {@code github_review} table (its one writer), as the GitHub issues themselves are. The row is written as
 * {@code creating} before the create, so after a stop between creating and recording, the next round looks for the
 * hidden {@link ReviewIssueBody#marker marker} among the account's newest issues and adopts what it finds instead of
 * creating a second one. The team channel is then told the issue's link once ({@code told_at}).
 */
final class ReviewIssues {

    private static final Logger log = LoggerFactory.getLogger(ReviewIssues.class);
    /** How long the review waits for the announcement's link before it is created without it. */
    static final Duration WAIT_FOR_ANNOUNCEMENT = Duration.ofMinutes(10);

    /** Tells the team channel the review issue's link; true once it is told. */
    @FunctionalInterface
    interface TeamNotice {
        boolean tell(long releaseId, String version, int githubNumber, String url);
    }

    /** Spaces a content-creating request as the sync's pacer does. */
    @FunctionalInterface
    interface Pace {
        void pace() throws InterruptedException;
    }

    private record Row(
            long releaseId,
            String state,
            Integer githubNumber,
            String url,
            int attempts,
            Instant next,
            Instant toldAt) {}

    private final Database db;
    private final IssueStore issues;
    private final GitHubStore links;
    private final ReviewSource source;
    private final GitHubSettings settings;
    private final TeamNotice team;
    private final Clock clock;

    ReviewIssues(
            Database db,
            IssueStore issues,
            GitHubStore links,
            ReviewSource source,
            GitHubSettings settings,
            TeamNotice team,
            Clock clock) {
        this.db = db;
        this.issues = issues;
        this.links = links;
        this.source = source;
        this.settings = settings;
        this.team = team;
        this.clock = clock;
    }

    /** One pass: creates the review issues that are due and tells the team channel of the new ones. */
    void run(GitHubGateway gateway, Pace pace) throws InterruptedException {
        for (long releaseId : source.releases()) {
            Optional<Row> row = row(releaseId);
            if (row.isPresent() && row.get().toldAt() != null) continue;
            Instant now = clock.instant();
            if (row.isPresent() && row.get().next().isAfter(now)) continue;
            try {
                if (row.isEmpty() || !row.get().state().equals("created")) {
                    if (!create(gateway, pace, releaseId, row)) continue;
                    row = row(releaseId);
                }
                Row r = row.orElseThrow();
                if (team.tell(releaseId, versionOf(releaseId), r.githubNumber(), r.url())) told(releaseId);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next =
                        Backoff.decide(f.answer(), row.map(Row::attempts).orElse(0), clock.instant());
                Instant at = switch (next) {
                    case NextStep.PauseAllUntil p -> p.until();
                    case NextStep.RetryAt r -> r.at();
                    case NextStep.Proceed p -> clock.instant();
                };
                retryLater(releaseId, at);
                log.info("The review issue of release {} waits until {}: {}", releaseId, at, f.getMessage());
                if (next instanceof NextStep.PauseAllUntil) throw f;
            }
        }
    }

    /** Creates (or, after a stop, finds) the review issue; false when it waits for the announcement's link. */
    private boolean create(GitHubGateway gateway, Pace pace, long releaseId, Optional<Row> row)
            throws InterruptedException {
        ReviewSource.Review review = source.review(releaseId).orElse(null);
        if (review == null) return false;
        Instant now = clock.instant();
        if (review.announcementUrl() == null
                && review.publishedAt().plus(WAIT_FOR_ANNOUNCEMENT).isAfter(now)) return false;
        String marker = ReviewIssueBody.marker(releaseId);
        if (row.isPresent()) {
            Optional<GitHubGateway.RemoteIssue> found =
                    gateway.findCreatedWithMarker(marker, GitHubSync.MARKER_LOOK_BACK);
            if (found.isPresent()) {
                created(releaseId, found.get().number(), found.get().url());
                log.info(
                        "Found the review issue of {} (GitHub #{}) by its marker",
                        review.version(),
                        found.get().number());
                return true;
            }
        } else {
            creating(releaseId, review.version());
        }
        List<String> labels = settings.reviewLabelName().map(List::of).orElse(List.of());
        if (!labels.isEmpty()) gateway.ensureLabels(labels);
        String body = ReviewIssueBody.render(releaseId, review.version(), review.announcementUrl(), items(review));
        pace.pace();
        GitHubGateway.RemoteIssue issue = gateway.create(ReviewIssueBody.title(review.version()), body, labels);
        created(releaseId, issue.number(), issue.url());
        log.info("Docs and copy review of {} is GitHub #{}", review.version(), issue.number());
        return true;
    }

    private List<ReviewIssueBody.Item> items(ReviewSource.Review review) {
        List<ReviewIssueBody.Item> items = new ArrayList<>();
        for (int number : review.issues()) {
            Issue issue = issues.find(number).orElse(null);
            if (issue == null) continue;
            String discord = issues.places(number).stream()
                    .map(ReviewIssues::discordUrl)
                    .filter(u -> u != null)
                    .findFirst()
                    .orElse(null);
            items.add(new ReviewIssueBody.Item(issue, links.url(number).orElse(null), discord));
        }
        return items;
    }

    private static String discordUrl(Place p) {
        return p.url();
    }

    private String versionOf(long releaseId) {
        return db.read(ctx -> ctx.select(GITHUB_REVIEW.VERSION)
                .from(GITHUB_REVIEW)
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .fetchOne(GITHUB_REVIEW.VERSION));
    }

    /** The review issue's address, once created (for tests and /release-status). */
    Optional<String> url(long releaseId) {
        return row(releaseId).map(Row::url);
    }

    private Optional<Row> row(long releaseId) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_REVIEW)
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .fetchOptional(r -> new Row(
                        r.getReleaseId(),
                        r.getState(),
                        r.getGithubNumber(),
                        r.getUrl(),
                        r.getAttempts(),
                        Instant.ofEpochMilli(r.getNextAttemptAt()),
                        r.getToldAt() == null ? null : Instant.ofEpochMilli(r.getToldAt()))));
    }

    private void creating(long releaseId, String version) {
        long now = clock.millis();
        db.transaction(ctx -> ctx.insertInto(GITHUB_REVIEW)
                .set(GITHUB_REVIEW.RELEASE_ID, (int) releaseId)
                .set(GITHUB_REVIEW.VERSION, version)
                .set(GITHUB_REVIEW.STATE, "creating")
                .set(GITHUB_REVIEW.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute());
    }

    private void created(long releaseId, int number, String url) {
        db.transaction(ctx -> ctx.update(GITHUB_REVIEW)
                .set(GITHUB_REVIEW.STATE, "created")
                .set(GITHUB_REVIEW.GITHUB_NUMBER, number)
                .set(GITHUB_REVIEW.URL, url)
                .set(GITHUB_REVIEW.ATTEMPTS, 0)
                .set(GITHUB_REVIEW.UPDATED_AT, clock.millis())
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .execute());
    }

    private void told(long releaseId) {
        db.transaction(ctx -> ctx.update(GITHUB_REVIEW)
                .set(GITHUB_REVIEW.TOLD_AT, clock.millis())
                .set(GITHUB_REVIEW.UPDATED_AT, clock.millis())
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .execute());
    }

    private void retryLater(long releaseId, Instant at) {
        db.transaction(ctx -> ctx.update(GITHUB_REVIEW)
                .set(GITHUB_REVIEW.ATTEMPTS, GITHUB_REVIEW.ATTEMPTS.plus(1))
                .set(GITHUB_REVIEW.NEXT_ATTEMPT_AT, at.toEpochMilli())
                .set(GITHUB_REVIEW.UPDATED_AT, clock.millis())
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .execute());
    }
}
