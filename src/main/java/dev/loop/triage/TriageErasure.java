package dev.loop.triage;

import static dev.loop.db.Tables.BLOCKER_PRESS;
import static dev.loop.db.Tables.PROPOSAL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;

import dev.loop.core.Database;
import dev.loop.issue.ErasedPeople;
import dev.loop.issue.PersonErased;
import java.util.Map;

/**
 * Erasing a person's data, triage's part: their This blocks me presses and answers to proposals stay counted under
 * the anonymous id their requester entry of that issue became, and what they wrote as still missing is erased.
 */
final class TriageErasure implements PersonErased {

    private final Database db;

    TriageErasure(Database db) {
        this.db = db;
    }

    @Override
    public void erased(long userId, Map<Integer, Long> anonymousIds) {
        db.write(ctx -> {
            for (var press : ctx.selectFrom(BLOCKER_PRESS)
                    .where(BLOCKER_PRESS.USER_ID.eq(userId))
                    .fetch()) {
                ctx.update(BLOCKER_PRESS)
                        .set(BLOCKER_PRESS.USER_ID, anonymous(anonymousIds, press.getIssueNumber()))
                        .where(BLOCKER_PRESS.ISSUE_NUMBER.eq(press.getIssueNumber()))
                        .and(BLOCKER_PRESS.USER_ID.eq(userId))
                        .execute();
            }
            for (var answer : ctx.select(PROPOSAL_ANSWER.PROPOSAL_ID, PROPOSAL.ISSUE_NUMBER)
                    .from(PROPOSAL_ANSWER)
                    .join(PROPOSAL)
                    .on(PROPOSAL.ID.eq(PROPOSAL_ANSWER.PROPOSAL_ID))
                    .where(PROPOSAL_ANSWER.USER_ID.eq(userId))
                    .fetch()) {
                ctx.update(PROPOSAL_ANSWER)
                        .set(PROPOSAL_ANSWER.USER_ID, anonymous(anonymousIds, answer.value2()))
                        .set(
                                PROPOSAL_ANSWER.MISSING,
                                org.jooq
                                        .impl
                                        .DSL
                                        .when(PROPOSAL_ANSWER.MISSING.isNull(), (String) null)
                                        .otherwise(ErasedPeople.ERASED_TEXT))
                        .where(PROPOSAL_ANSWER.PROPOSAL_ID.eq(answer.value1()))
                        .and(PROPOSAL_ANSWER.USER_ID.eq(userId))
                        .execute();
            }
            return null;
        });
    }

    private static long anonymous(Map<Integer, Long> anonymousIds, int issue) {
        Long id = anonymousIds.get(issue);
        return id == null ? ErasedPeople.newAnonymousId() : id;
    }
}
