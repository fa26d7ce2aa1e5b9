package dev.loop.triage;

import static dev.loop.db.Tables.BLOCKER_PRESS;
import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;

import dev.loop.core.Database;
import dev.loop.db.tables.records.ProposalAnswerRecord;
import dev.loop.db.tables.records.ProposalRecord;
import dev.loop.issue.IssueStore;
import dev.loop.issue.ProposalTally;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of what triage adds to the record: "This blocks me" presses, proposed solutions and their answers.
 * Priorities and their caveat are written by the issue store ({@link IssueStore#changePriority}). Returns domain
 * records only.
 */
public final class TriageStore {

    private final Database db;
    private final IssueStore issues;

    public TriageStore(Database db, IssueStore issues) {
        this.db = db;
        this.issues = issues;
    }

    /** The caveat recorded with the issue's current priority, if any (the issue store writes it). */
    public Optional<Caveat> caveat(int number) {
        return issues.caveatCode(number).flatMap(Caveat::parse);
    }

    // ---------------------------------------------------------------- This blocks me

    /** Records a press of "This blocks me"; false when this person already pressed it for this issue. */
    public boolean pressBlocker(int number, long userId, Instant now) {
        return db.write(ctx -> ctx.insertInto(BLOCKER_PRESS)
                        .set(BLOCKER_PRESS.ISSUE_NUMBER, number)
                        .set(BLOCKER_PRESS.USER_ID, userId)
                        .set(BLOCKER_PRESS.AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                == 1);
    }

    /** When this person pressed "This blocks me" for the issue, if they did. */
    public Optional<Instant> blockerPressedAt(int number, long userId) {
        return db.read(ctx -> ctx.select(BLOCKER_PRESS.AT)
                .from(BLOCKER_PRESS)
                .where(BLOCKER_PRESS.ISSUE_NUMBER.eq(number))
                .and(BLOCKER_PRESS.USER_ID.eq(userId))
                .fetchOptional(BLOCKER_PRESS.AT)
                .map(Instant::ofEpochMilli));
    }

    public int blockerPresses(int number) {
        return db.read(ctx -> ctx.fetchCount(BLOCKER_PRESS, BLOCKER_PRESS.ISSUE_NUMBER.eq(number)));
    }

    // ---------------------------------------------------------------- proposals

    /** Stores a proposed solution with a history entry; returns it with its id. */
    public Proposal propose(int number, String solution, String snippet, long actor, Instant now) {
        return db.write(ctx -> {
            ProposalRecord r = ctx.newRecord(PROPOSAL);
            r.setIssueNumber(number);
            r.setSolution(solution);
            r.setSnippet(snippet == null || snippet.isBlank() ? null : snippet);
            r.setProposedBy(actor);
            r.setProposedAt(now.toEpochMilli());
            r.store();
            issues.addHistory(
                    number,
                    actor,
                    "proposal",
                    "solution proposed to the requesters (proposal " + r.getId() + "): " + oneLine(solution, 300),
                    now);
            return toProposal(r);
        });
    }

    public Optional<Proposal> proposal(long id) {
        return db.read(
                ctx -> ctx.selectFrom(PROPOSAL).where(PROPOSAL.ID.eq((int) id)).fetchOptional(TriageStore::toProposal));
    }

    public Optional<Proposal> latestProposal(int number) {
        return db.read(ctx -> ctx.selectFrom(PROPOSAL)
                .where(PROPOSAL.ISSUE_NUMBER.eq(number))
                .orderBy(PROPOSAL.ID.desc())
                .limit(1)
                .fetchOptional(TriageStore::toProposal));
    }

    /** What this answer changed. */
    public enum AnswerOutcome {
        NEW,
        CHANGED,
        SAME
    }

    /**
     * Records a requester's answer (replacing an earlier different one) and, unless it repeats the earlier answer,
     * a history entry.
     */
    public AnswerOutcome answer(Proposal proposal, long userId, boolean solves, Instant now) {
        return db.write(ctx -> {
            Optional<Boolean> before = ctx.select(PROPOSAL_ANSWER.SOLVES)
                    .from(PROPOSAL_ANSWER)
                    .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq((int) proposal.id()))
                    .and(PROPOSAL_ANSWER.USER_ID.eq(userId))
                    .fetchOptional(PROPOSAL_ANSWER.SOLVES);
            if (before.isPresent() && before.get() == solves) return AnswerOutcome.SAME;
            ctx.insertInto(PROPOSAL_ANSWER)
                    .set(PROPOSAL_ANSWER.PROPOSAL_ID, (int) proposal.id())
                    .set(PROPOSAL_ANSWER.USER_ID, userId)
                    .set(PROPOSAL_ANSWER.SOLVES, solves)
                    .set(PROPOSAL_ANSWER.AT, now.toEpochMilli())
                    .onConflict(PROPOSAL_ANSWER.PROPOSAL_ID, PROPOSAL_ANSWER.USER_ID)
                    .doUpdate()
                    .set(PROPOSAL_ANSWER.SOLVES, solves)
                    .set(PROPOSAL_ANSWER.AT, now.toEpochMilli())
                    // what was missing no longer stands once they say it solves their problem
                    .set(
                            PROPOSAL_ANSWER.MISSING,
                            solves ? org.jooq.impl.DSL.inline((String) null) : PROPOSAL_ANSWER.MISSING)
                    .execute();
            issues.addHistory(
                    proposal.issueNumber(),
                    userId,
                    "proposal_answer",
                    "<@" + userId + "> says proposal "
                            + proposal.id() + (solves ? " solves it" : " doesn't solve it")
                            + (before.isPresent() ? " (changed their answer)" : ""),
                    now);
            return before.isPresent() ? AnswerOutcome.CHANGED : AnswerOutcome.NEW;
        });
    }

    /** What {@link #reject} did: how the answer changed, and whether the caller is the one to tell the owner. */
    public record Rejection(AnswerOutcome outcome, boolean tellOwner) {}

    /**
     * Records that a proposal doesn't solve the requester's problem, with what is still missing. The history keeps
     * the missing text; the owner is to be told at most once per requester and proposal (claimed here, in the same
     * transaction, so a double submit or a restart can't tell them twice).
     */
    public Rejection reject(Proposal proposal, long userId, String missing, Instant now) {
        return db.write(ctx -> {
            var before = ctx.select(PROPOSAL_ANSWER.SOLVES, PROPOSAL_ANSWER.MISSING, PROPOSAL_ANSWER.OWNER_TOLD_AT)
                    .from(PROPOSAL_ANSWER)
                    .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq((int) proposal.id()))
                    .and(PROPOSAL_ANSWER.USER_ID.eq(userId))
                    .fetchOptional();
            boolean same = before.isPresent()
                    && !Boolean.TRUE.equals(before.get().value1())
                    && missing.equals(before.get().value2());
            if (same) return new Rejection(AnswerOutcome.SAME, false);
            boolean tell = before.isEmpty() || before.get().value3() == null;
            ctx.insertInto(PROPOSAL_ANSWER)
                    .set(PROPOSAL_ANSWER.PROPOSAL_ID, (int) proposal.id())
                    .set(PROPOSAL_ANSWER.USER_ID, userId)
                    .set(PROPOSAL_ANSWER.SOLVES, false)
                    .set(PROPOSAL_ANSWER.AT, now.toEpochMilli())
                    .set(PROPOSAL_ANSWER.MISSING, missing)
                    .set(
                            PROPOSAL_ANSWER.OWNER_TOLD_AT,
                            tell ? now.toEpochMilli() : before.get().value3())
                    .onConflict(PROPOSAL_ANSWER.PROPOSAL_ID, PROPOSAL_ANSWER.USER_ID)
                    .doUpdate()
                    .set(PROPOSAL_ANSWER.SOLVES, false)
                    .set(PROPOSAL_ANSWER.AT, now.toEpochMilli())
                    .set(PROPOSAL_ANSWER.MISSING, missing)
                    .set(
                            PROPOSAL_ANSWER.OWNER_TOLD_AT,
                            tell ? now.toEpochMilli() : before.get().value3())
                    .execute();
            issues.addHistory(
                    proposal.issueNumber(),
                    userId,
                    "proposal_answer",
                    "<@" + userId + "> says proposal " + proposal.id() + " doesn't solve it"
                            + (before.isPresent() ? " (changed their answer)" : "") + "; still missing: "
                            + oneLine(missing, MISSING_MAX),
                    now);
            return new Rejection(before.isPresent() ? AnswerOutcome.CHANGED : AnswerOutcome.NEW, tell);
        });
    }

    /** The longest "what is still missing" answer kept (the form allows no more). */
    public static final int MISSING_MAX = 500;

    public List<ProposalAnswer> answers(long proposalId) {
        return db.read(ctx -> ctx.selectFrom(PROPOSAL_ANSWER)
                .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq((int) proposalId))
                .orderBy(PROPOSAL_ANSWER.AT)
                .fetch(TriageStore::toAnswer));
    }

    public ProposalTally tally(long proposalId) {
        List<ProposalAnswer> answers = answers(proposalId);
        int yes = (int) answers.stream().filter(ProposalAnswer::solves).count();
        return new ProposalTally(proposalId, yes, answers.size() - yes);
    }

    // ---------------------------------------------------------------- mapping

    private static Proposal toProposal(ProposalRecord r) {
        return new Proposal(
                r.getId(),
                r.getIssueNumber(),
                r.getSolution(),
                r.getSnippet(),
                r.getProposedBy(),
                Instant.ofEpochMilli(r.getProposedAt()));
    }

    private static ProposalAnswer toAnswer(ProposalAnswerRecord r) {
        return new ProposalAnswer(
                r.getProposalId(),
                r.getUserId(),
                Boolean.TRUE.equals(r.getSolves()),
                Instant.ofEpochMilli(r.getAt()),
                r.getMissing());
    }

    private static String oneLine(String s, int max) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
