package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_ISSUE;
import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import dev.loop.db.tables.records.GithubIssueRecord;
import dev.loop.issue.IssueStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * The {@code github_issue} state table (its one writer) and the reads the sync needs beside the issue kernel's.
 * A row in state {@code creating} means a create request may have reached GitHub: the hidden marker is looked for
 * before creating again.
 */
final class GitHubStore {

    enum State {
        CREATING,
        CREATED
    }

    /** One Loop issue's GitHub side. */
    record Row(
            int issueNumber,
            State state,
            Integer githubNumber,
            String url,
            Stamp exported,
            Instant exportedAt,
            int attempts,
            Instant nextAttemptAt,
            String shippedVersion) {}

    /**
     * Where an issue's record stands: its revision and its newest history and transcript rows. Every change moves at
     * least one of them (a proposal or an answer writes history; /link's transcript adds transcript rows).
     */
    record Stamp(int revision, long history, long transcript) {
        static final Stamp NONE = new Stamp(-1, 0, 0);

        boolean behind(Stamp now) {
            return revision < now.revision() || history < now.history() || transcript < now.transcript();
        }
    }

    /** An issue that has GitHub work to do. */
    record Candidate(int number, Stamp stamp, Instant updatedAt, Optional<Row> row) {}

    /** How far the export has come: issues with a GitHub issue, of all issues. */
    record Progress(int onGitHub, int total) {}

    /** A proposal and its answers, for the body. */
    record ProposalSummary(String solution, String snippet, int solves, int doesNotSolve) {}

    private final Database db;

    GitHubStore(Database db) {
        this.db = db;
    }

    Optional<Row> row(int number) {
        return db.read(ctx -> ctx.selectFrom(GITHUB_ISSUE)
                .where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number))
                .fetchOptional(GitHubStore::toRow));
    }

    /**
     * Issues whose GitHub side is missing or behind, due now: active ones first, then by number (oldest first), so
     * turning sync on for a large database exports the open issues first.
     */
    List<Candidate> due(Instant now, int limit) {
        return db.read(ctx -> {
            var history = DSL.coalesce(
                    DSL.select(DSL.max(ISSUE_HISTORY.ID))
                            .from(ISSUE_HISTORY)
                            .where(ISSUE_HISTORY.ISSUE_NUMBER.eq(ISSUE.NUMBER))
                            .<Integer>asField(),
                    0);
            var transcript = DSL.coalesce(
                    DSL.select(DSL.max(TRANSCRIPT_MESSAGE.ID))
                            .from(TRANSCRIPT_MESSAGE)
                            .where(TRANSCRIPT_MESSAGE.ISSUE_NUMBER.eq(ISSUE.NUMBER))
                            .<Integer>asField(),
                    0);
            var shippedBehind = ISSUE.STATUS
                    .eq(IssueStatus.SHIPPED.code())
                    .and(GITHUB_ISSUE.SHIPPED_VERSION.isDistinctFrom(ISSUE.SHIPPED_VERSION));
            var active = DSL.when(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES), DSL.inline(0))
                    .otherwise(DSL.inline(1));
            var behind = GITHUB_ISSUE
                    .EXPORTED_REVISION
                    .lt(ISSUE.REVISION)
                    .or(GITHUB_ISSUE.EXPORTED_HISTORY.lt(history))
                    .or(GITHUB_ISSUE.EXPORTED_TRANSCRIPT.lt(transcript));
            return ctx.select(
                            ISSUE.NUMBER,
                            ISSUE.REVISION,
                            history,
                            transcript,
                            ISSUE.UPDATED_AT,
                            GITHUB_ISSUE.ISSUE_NUMBER)
                    .from(ISSUE)
                    .leftJoin(GITHUB_ISSUE)
                    .on(GITHUB_ISSUE.ISSUE_NUMBER.eq(ISSUE.NUMBER))
                    .where(GITHUB_ISSUE
                            .ISSUE_NUMBER
                            .isNull()
                            .or(GITHUB_ISSUE
                                    .NEXT_ATTEMPT_AT
                                    .le(now.toEpochMilli())
                                    .and(GITHUB_ISSUE
                                            .STATE
                                            .eq(code(State.CREATING))
                                            .or(behind)
                                            .or(shippedBehind))))
                    .orderBy(active, ISSUE.NUMBER)
                    .limit(limit)
                    .fetch(r -> new Candidate(
                            r.value1(),
                            new Stamp(
                                    r.value2(),
                                    r.value3().longValue(),
                                    r.value4().longValue()),
                            Instant.ofEpochMilli(r.value5()),
                            r.value6() == null ? Optional.empty() : row(r.value1())));
        });
    }

    /** Records that a create request is about to be sent (kept if it already exists). */
    void creating(int number, Instant now) {
        db.transaction(ctx -> ctx.insertInto(GITHUB_ISSUE)
                .set(GITHUB_ISSUE.ISSUE_NUMBER, number)
                .set(GITHUB_ISSUE.STATE, code(State.CREATING))
                .set(GITHUB_ISSUE.CREATED_AT, now.toEpochMilli())
                .set(GITHUB_ISSUE.UPDATED_AT, now.toEpochMilli())
                .onConflictDoNothing()
                .execute());
    }

    void created(int number, int githubNumber, String url, Stamp stamp, Instant now) {
        db.transaction(ctx -> ctx.update(GITHUB_ISSUE)
                .set(GITHUB_ISSUE.STATE, code(State.CREATED))
                .set(GITHUB_ISSUE.GITHUB_NUMBER, githubNumber)
                .set(GITHUB_ISSUE.URL, url)
                .set(GITHUB_ISSUE.EXPORTED_REVISION, stamp.revision())
                .set(GITHUB_ISSUE.EXPORTED_HISTORY, (int) stamp.history())
                .set(GITHUB_ISSUE.EXPORTED_TRANSCRIPT, (int) stamp.transcript())
                .set(GITHUB_ISSUE.EXPORTED_AT, now.toEpochMilli())
                .set(GITHUB_ISSUE.ATTEMPTS, 0)
                .setNull(GITHUB_ISSUE.LAST_ERROR)
                .set(GITHUB_ISSUE.UPDATED_AT, now.toEpochMilli())
                .where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number))
                .execute());
    }

    void exported(int number, Stamp stamp, boolean written, Instant now) {
        db.transaction(ctx -> {
            var u = ctx.update(GITHUB_ISSUE)
                    .set(GITHUB_ISSUE.EXPORTED_REVISION, stamp.revision())
                    .set(GITHUB_ISSUE.EXPORTED_HISTORY, (int) stamp.history())
                    .set(GITHUB_ISSUE.EXPORTED_TRANSCRIPT, (int) stamp.transcript())
                    .set(GITHUB_ISSUE.ATTEMPTS, 0)
                    .setNull(GITHUB_ISSUE.LAST_ERROR)
                    .set(GITHUB_ISSUE.UPDATED_AT, now.toEpochMilli());
            if (written) u = u.set(GITHUB_ISSUE.EXPORTED_AT, now.toEpochMilli());
            u.where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number)).execute();
        });
    }

    void shipDone(int number, String version, Instant now) {
        db.transaction(ctx -> ctx.update(GITHUB_ISSUE)
                .set(GITHUB_ISSUE.SHIPPED_VERSION, version)
                .set(GITHUB_ISSUE.ATTEMPTS, 0)
                .set(GITHUB_ISSUE.UPDATED_AT, now.toEpochMilli())
                .where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number))
                .execute());
    }

    /** Keeps the work for later; nothing is dropped. */
    void retryLater(int number, Instant at, String error, Instant now) {
        db.transaction(ctx -> ctx.update(GITHUB_ISSUE)
                .set(GITHUB_ISSUE.ATTEMPTS, GITHUB_ISSUE.ATTEMPTS.plus(1))
                .set(GITHUB_ISSUE.NEXT_ATTEMPT_AT, at.toEpochMilli())
                .set(
                        GITHUB_ISSUE.LAST_ERROR,
                        error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .set(GITHUB_ISSUE.UPDATED_AT, now.toEpochMilli())
                .where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number))
                .execute());
    }

    /** Loop issue → GitHub issue number, for the active issues (whose GitHub requesters still matter). */
    java.util.Map<Integer, Integer> activeLinks() {
        return db.read(ctx -> ctx.select(GITHUB_ISSUE.ISSUE_NUMBER, GITHUB_ISSUE.GITHUB_NUMBER)
                .from(GITHUB_ISSUE)
                .join(ISSUE)
                .on(ISSUE.NUMBER.eq(GITHUB_ISSUE.ISSUE_NUMBER))
                .where(GITHUB_ISSUE.STATE.eq(code(State.CREATED)))
                .and(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .orderBy(GITHUB_ISSUE.ISSUE_NUMBER)
                .fetchMap(GITHUB_ISSUE.ISSUE_NUMBER, GITHUB_ISSUE.GITHUB_NUMBER));
    }

    /** The Loop issue whose GitHub issue is {@code githubNumber}, if any. */
    Optional<Integer> loopIssueOf(int githubNumber) {
        return db.read(ctx -> ctx.select(GITHUB_ISSUE.ISSUE_NUMBER)
                .from(GITHUB_ISSUE)
                .where(GITHUB_ISSUE.GITHUB_NUMBER.eq(githubNumber))
                .fetchOptional(GITHUB_ISSUE.ISSUE_NUMBER));
    }

    /**
     * Makes an existing GitHub issue the Loop issue's own (an import): nothing is exported yet, so the next round
     * adds Loop's section below what the author wrote.
     */
    void adopted(int number, int githubNumber, String url, Instant now) {
        creating(number, now);
        created(number, githubNumber, url, Stamp.NONE, now);
    }

    Optional<String> url(int number) {
        return db.read(ctx -> ctx.select(GITHUB_ISSUE.URL)
                .from(GITHUB_ISSUE)
                .where(GITHUB_ISSUE.ISSUE_NUMBER.eq(number))
                .and(GITHUB_ISSUE.STATE.eq(code(State.CREATED)))
                .fetchOptional(GITHUB_ISSUE.URL));
    }

    Progress progress() {
        return db.read(ctx -> new Progress(
                ctx.fetchCount(GITHUB_ISSUE, GITHUB_ISSUE.STATE.eq(code(State.CREATED))), ctx.fetchCount(ISSUE)));
    }

    /** The issue's proposals, oldest first, with how many said each solves it or not. */
    List<ProposalSummary> proposals(int number) {
        return db.read(ctx -> ctx.select(
                        PROPOSAL.SOLUTION,
                        PROPOSAL.SNIPPET,
                        DSL.count().filterWhere(PROPOSAL_ANSWER.SOLVES.isTrue()),
                        DSL.count().filterWhere(PROPOSAL_ANSWER.SOLVES.isFalse()))
                .from(PROPOSAL)
                .leftJoin(PROPOSAL_ANSWER)
                .on(PROPOSAL_ANSWER.PROPOSAL_ID.eq(PROPOSAL.ID))
                .where(PROPOSAL.ISSUE_NUMBER.eq(number))
                .groupBy(PROPOSAL.ID, PROPOSAL.SOLUTION, PROPOSAL.SNIPPET)
                .orderBy(PROPOSAL.ID)
                .fetch(r -> new ProposalSummary(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    private static String code(State s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Row toRow(GithubIssueRecord r) {
        return new Row(
                r.getIssueNumber(),
                State.valueOf(r.getState().toUpperCase(java.util.Locale.ROOT)),
                r.getGithubNumber(),
                r.getUrl(),
                new Stamp(r.getExportedRevision(), r.getExportedHistory(), r.getExportedTranscript()),
                r.getExportedAt() == null ? null : Instant.ofEpochMilli(r.getExportedAt()),
                r.getAttempts(),
                Instant.ofEpochMilli(r.getNextAttemptAt()),
                r.getShippedVersion());
    }
}
