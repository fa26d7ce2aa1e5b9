package dev.loop.issue;

import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;

/**
 * Reads what the record views show beyond the issue store's own reads: every proposed solution with each answer.
 * Proposals are written by triage; this only reads them.
 */
final class RecordReads {

    /** A proposed solution as the Proposals view shows it. */
    record ProposalRecord(
            long id, String solution, String snippet, long proposedBy, Instant proposedAt, List<Answer> answers) {}

    /** One requester's answer to a proposal. */
    record Answer(long userId, boolean solves, Instant at) {}

    private final Database db;

    RecordReads(Database db) {
        this.db = db;
    }

    List<ProposalRecord> proposals(int number) {
        return db.read(ctx -> ctx.selectFrom(PROPOSAL)
                .where(PROPOSAL.ISSUE_NUMBER.eq(number))
                .orderBy(PROPOSAL.ID)
                .fetch(p -> new ProposalRecord(
                        p.getId(),
                        p.getSolution(),
                        p.getSnippet(),
                        p.getProposedBy(),
                        Instant.ofEpochMilli(p.getProposedAt()),
                        ctx.selectFrom(PROPOSAL_ANSWER)
                                .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq(p.getId()))
                                .orderBy(PROPOSAL_ANSWER.AT)
                                .fetch(a ->
                                        new Answer(a.getUserId(), a.getSolves(), Instant.ofEpochMilli(a.getAt()))))));
    }
}
