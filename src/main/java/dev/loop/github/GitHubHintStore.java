package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_HINT;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code github_hint} table (its one writer): each new GitHub issue offered to the team once, and what became of
 * it. The row numbered 0 holds the watermark: the newest GitHub issue that existed when hints started.
 */
final class GitHubHintStore {

    enum State {
        OFFERED,
        CAPTURED,
        LINKED,
        IGNORED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One offered GitHub issue. */
    record Hint(
            int githubNumber,
            String title,
            String url,
            Integer suggested,
            Long messageId,
            State state,
            Integer issueNumber,
            Long resolvedBy) {}

    private static final int WATERMARK = 0;

    private final Database db;

    GitHubHintStore(Database db) {
        this.db = db;
    }

    /** The newest GitHub issue number that is not new, once recorded. */
    Optional<Integer> watermark() {
        return db.read(ctx -> ctx.select(GITHUB_HINT.SUGGESTED)
                .from(GITHUB_HINT)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(WATERMARK))
                .fetchOptional(GITHUB_HINT.SUGGESTED));
    }

    void setWatermark(int newestExisting, Instant now) {
        db.transaction(ctx -> ctx.insertInto(GITHUB_HINT)
                .set(GITHUB_HINT.GITHUB_NUMBER, WATERMARK)
                .set(GITHUB_HINT.TITLE, "")
                .set(GITHUB_HINT.URL, "")
                .set(GITHUB_HINT.SUGGESTED, newestExisting)
                .set(GITHUB_HINT.STATE, "watermark")
                .set(GITHUB_HINT.CREATED_AT, now.toEpochMilli())
                .onConflictDoNothing()
                .execute());
    }

    boolean known(int githubNumber) {
        return db.read(ctx -> ctx.fetchExists(GITHUB_HINT, GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber)));
    }

    /** Records the offer before it is posted; false when it was offered already. */
    boolean offer(int githubNumber, String title, String url, Integer suggested, Instant now) {
        return db.write(ctx -> ctx.insertInto(GITHUB_HINT)
                        .set(GITHUB_HINT.GITHUB_NUMBER, githubNumber)
                        .set(GITHUB_HINT.TITLE, title.length() > 300 ? title.substring(0, 300) : title)
                        .set(GITHUB_HINT.URL, url.length() > 500 ? url.substring(0, 500) : url)
                        .set(GITHUB_HINT.SUGGESTED, suggested)
                        .set(GITHUB_HINT.STATE, State.OFFERED.code())
                        .set(GITHUB_HINT.CREATED_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
    }

    void posted(int githubNumber, long messageId) {
        db.transaction(ctx -> ctx.update(GITHUB_HINT)
                .set(GITHUB_HINT.MESSAGE_ID, messageId)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                .execute());
    }

    /** Forgets an offer that could not be posted, so the next poll offers it again. */
    void forget(int githubNumber) {
        db.transaction(ctx -> ctx.deleteFrom(GITHUB_HINT)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                .and(GITHUB_HINT.STATE.eq(State.OFFERED.code()))
                .execute());
    }

    Optional<Hint> find(int githubNumber) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_HINT)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                .and(GITHUB_HINT.GITHUB_NUMBER.ne(WATERMARK))
                .fetchOptional(r -> new Hint(
                        r.getGithubNumber(),
                        r.getTitle(),
                        r.getUrl(),
                        r.getSuggested(),
                        r.getMessageId(),
                        State.valueOf(r.getState().toUpperCase(Locale.ROOT)),
                        r.getIssueNumber(),
                        r.getResolvedBy())));
    }

    /** Moves an offered hint to {@code state}; false when someone decided first (a second press never acts). */
    boolean decide(int githubNumber, State state, long engineer, Instant now) {
        return db.write(ctx -> ctx.update(GITHUB_HINT)
                        .set(GITHUB_HINT.STATE, state.code())
                        .set(GITHUB_HINT.RESOLVED_BY, engineer)
                        .set(GITHUB_HINT.RESOLVED_AT, now.toEpochMilli())
                        .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                        .and(GITHUB_HINT.STATE.eq(State.OFFERED.code()))
                        .execute()
                > 0);
    }

    void resolvedAs(int githubNumber, int issueNumber) {
        db.transaction(ctx -> ctx.update(GITHUB_HINT)
                .set(GITHUB_HINT.ISSUE_NUMBER, issueNumber)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                .execute());
    }

    /** Back to offered after a decision failed half-way, so the button may be pressed again. */
    void reopen(int githubNumber) {
        db.transaction(ctx -> ctx.update(GITHUB_HINT)
                .set(GITHUB_HINT.STATE, State.OFFERED.code())
                .setNull(GITHUB_HINT.RESOLVED_BY)
                .setNull(GITHUB_HINT.RESOLVED_AT)
                .where(GITHUB_HINT.GITHUB_NUMBER.eq(githubNumber))
                .execute());
    }
}
