package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_REVIEW;

import dev.loop.core.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads which boxes of the releases' review issues people ticked on GitHub, on each poll, and hands them to the
 * release feature through {@link ReviewSource#ticked}. Each review issue is read with {@code If-None-Match}, so an
 * untouched one costs no rate limit; the ticks are handed on only when they differ from what this run last saw (the
 * first poll after a start hands them on once, which records nothing new). Only the newest {@value #WATCHED} review
 * issues are read: an older release's review is long settled.
 */
final class ReviewTicks implements GitHubSync.PollStep {

    static final int WATCHED = 10;

    /** A review issue on GitHub: the release it reviews, its number and its address. */
    record Watched(long releaseId, int githubNumber, String url) {}

    private final Database db;
    private final ReviewSource source;
    private final Clock clock;
    private final Map<Long, List<ReviewSource.Tick>> lastSeen = new ConcurrentHashMap<>();

    ReviewTicks(Database db, ReviewSource source, Clock clock) {
        this.db = db;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public void poll(GitHubGateway gateway) {
        for (Watched w : watched(db, WATCHED)) {
            List<ReviewSource.Tick> ticks = ReviewIssueBody.ticks(gateway.watchBody(w.githubNumber()));
            if (ticks.equals(lastSeen.get(w.releaseId()))) continue;
            source.ticked(w.releaseId(), ticks, clock.instant());
            lastSeen.put(w.releaseId(), ticks);
        }
    }

    /** The newest created review issues, newest first. */
    static List<Watched> watched(Database db, int limit) {
        return db.read(ctx -> ctx.select(GITHUB_REVIEW.RELEASE_ID, GITHUB_REVIEW.GITHUB_NUMBER, GITHUB_REVIEW.URL)
                .from(GITHUB_REVIEW)
                .where(GITHUB_REVIEW.STATE.eq("created"))
                .and(GITHUB_REVIEW.GITHUB_NUMBER.isNotNull())
                .orderBy(GITHUB_REVIEW.RELEASE_ID.desc())
                .limit(limit)
                .fetch(r -> new Watched(r.value1(), r.value2(), r.value3())));
    }

    /** The review issue's address of a release, once it is created. */
    static Optional<String> url(Database db, long releaseId) {
        return db.read(ctx -> ctx.select(GITHUB_REVIEW.URL)
                .from(GITHUB_REVIEW)
                .where(GITHUB_REVIEW.RELEASE_ID.eq((int) releaseId))
                .and(GITHUB_REVIEW.STATE.eq("created"))
                .fetchOptional(GITHUB_REVIEW.URL));
    }
}
