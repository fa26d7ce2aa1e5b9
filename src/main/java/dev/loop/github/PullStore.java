package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_ISSUE;
import static dev.loop.db.Tables.GITHUB_PULL;

import dev.loop.core.Database;
import dev.loop.db.tables.records.GithubPullRecord;
import dev.loop.issue.IssueStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code github_pull} table (its one writer): which pull request closes which Loop issue, how far Loop has
 * followed it, and whether the requesters heard that work started. Every step is keyed by (pull request, issue), so a
 * pull request edited, reopened or read again after a restart changes nothing twice.
 */
final class PullStore {

    enum State {
        WORKING,
        MERGED,
        CLOSED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** One (pull request, Loop issue) pair. {@code toldAt} is null while the requesters still wait to hear. */
    record Row(
            int pull,
            int issue,
            State state,
            String url,
            String author,
            IssueStatus statusBefore,
            Instant toldAt,
            String mergeSha,
            Instant mergedAt) {}

    private final Database db;

    PullStore(Database db) {
        this.db = db;
    }

    Optional<Row> row(int pull, int issue) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_PULL)
                .where(GITHUB_PULL.PULL_NUMBER.eq(pull).and(GITHUB_PULL.ISSUE_NUMBER.eq(issue)))
                .fetchOptional(PullStore::toRow));
    }

    /** The pull requests of a Loop issue, oldest first. */
    List<Row> ofIssue(int issue) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_PULL)
                .where(GITHUB_PULL.ISSUE_NUMBER.eq(issue))
                .orderBy(GITHUB_PULL.PULL_NUMBER)
                .fetch(PullStore::toRow));
    }

    /** The Loop issues a pull request works on or worked on, by issue number. */
    List<Row> ofPull(int pull) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_PULL)
                .where(GITHUB_PULL.PULL_NUMBER.eq(pull))
                .orderBy(GITHUB_PULL.ISSUE_NUMBER)
                .fetch(PullStore::toRow));
    }

    /** Merged pull requests with their merge commit, oldest first. */
    List<Row> merged() {
        return db.read(ctx -> ctx.selectFrom(GITHUB_PULL)
                .where(GITHUB_PULL.STATE.eq(State.MERGED.code()).and(GITHUB_PULL.MERGE_SHA.isNotNull()))
                .orderBy(GITHUB_PULL.PULL_NUMBER)
                .fetch(PullStore::toRow));
    }

    /** Working pull requests whose requesters were not told yet (a restart between the change and the notice). */
    List<Row> untold() {
        return db.read(ctx -> ctx.selectFrom(GITHUB_PULL)
                .where(GITHUB_PULL.TOLD_AT.isNull())
                .orderBy(GITHUB_PULL.PULL_NUMBER)
                .fetch(PullStore::toRow));
    }

    /** The Loop issue whose GitHub issue has this number, if Loop created or linked it. */
    Optional<Integer> loopIssueOf(int githubNumber) {
        return db.read(ctx -> ctx.select(GITHUB_ISSUE.ISSUE_NUMBER)
                .from(GITHUB_ISSUE)
                .where(GITHUB_ISSUE.GITHUB_NUMBER.eq(githubNumber))
                .fetchOptional(GITHUB_ISSUE.ISSUE_NUMBER));
    }

    /** Records the pair the first time it is seen; {@code told} false leaves it waiting for the notice. */
    void insert(
            int pull,
            int issue,
            State state,
            String url,
            String author,
            IssueStatus before,
            boolean told,
            String mergeSha,
            Instant now) {
        db.transaction(ctx -> ctx.insertInto(GITHUB_PULL)
                .set(GITHUB_PULL.PULL_NUMBER, pull)
                .set(GITHUB_PULL.ISSUE_NUMBER, issue)
                .set(GITHUB_PULL.STATE, state.code())
                .set(GITHUB_PULL.URL, url)
                .set(GITHUB_PULL.AUTHOR_LOGIN, author)
                .set(GITHUB_PULL.STATUS_BEFORE, before.code())
                .set(GITHUB_PULL.TOLD_AT, told ? now.toEpochMilli() : null)
                .set(GITHUB_PULL.MERGE_SHA, mergeSha)
                .set(GITHUB_PULL.MERGED_AT, mergeSha == null ? null : now.toEpochMilli())
                .set(GITHUB_PULL.UPDATED_AT, now.toEpochMilli())
                .execute());
    }

    void moveTo(int pull, int issue, State state, String mergeSha, Instant now) {
        db.transaction(ctx -> {
            var u = ctx.update(GITHUB_PULL)
                    .set(GITHUB_PULL.STATE, state.code())
                    .set(GITHUB_PULL.UPDATED_AT, now.toEpochMilli());
            if (mergeSha != null)
                u = u.set(GITHUB_PULL.MERGE_SHA, mergeSha).set(GITHUB_PULL.MERGED_AT, now.toEpochMilli());
            u.where(GITHUB_PULL.PULL_NUMBER.eq(pull).and(GITHUB_PULL.ISSUE_NUMBER.eq(issue)))
                    .execute();
        });
    }

    void told(int pull, int issue, Instant now) {
        db.transaction(ctx -> ctx.update(GITHUB_PULL)
                .set(GITHUB_PULL.TOLD_AT, now.toEpochMilli())
                .where(GITHUB_PULL.PULL_NUMBER.eq(pull).and(GITHUB_PULL.ISSUE_NUMBER.eq(issue)))
                .execute());
    }

    private static Row toRow(GithubPullRecord r) {
        return new Row(
                r.getPullNumber(),
                r.getIssueNumber(),
                State.of(r.getState()),
                r.getUrl(),
                r.getAuthorLogin(),
                IssueStatus.fromCode(r.getStatusBefore()),
                r.getToldAt() == null ? null : Instant.ofEpochMilli(r.getToldAt()),
                r.getMergeSha(),
                r.getMergedAt() == null ? null : Instant.ofEpochMilli(r.getMergedAt()));
    }
}
