package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import dev.loop.db.tables.records.IssueRecord;
import java.time.Instant;
import java.util.Optional;

/** Writes an issue's priority with its reason, answers, caveat and promise, and reads the recorded caveat. */
final class IssuePriorities {

    private final Database db;

    IssuePriorities(Database db) {
        this.db = db;
    }

    /** See {@link IssueStore#changePriority}: a promise already running for the same priority is kept. */
    IssueStore.PriorityChanged changePriority(int number, IssueStore.PriorityUpdate update, Long actor, Instant now) {
        return db.write(ctx -> {
            IssueRecord r = ctx.selectFrom(ISSUE)
                    .where(ISSUE.NUMBER.eq(number))
                    .fetchOptional()
                    .orElseThrow();
            Issue before = IssueTables.toIssue(r);
            if (update.triageSummary() != null)
                IssueTables.addHistory(ctx, number, actor, "triage", update.triageSummary(), now);
            Priority priority = update.priority();
            Instant promise = before.priority() == priority && before.promiseDueAt() != null
                    ? before.promiseDueAt()
                    : update.promiseDue();
            r.setPriority(priority.code());
            r.setPriorityReason(update.reason());
            r.setPrioritySource(update.source() == null ? null : update.source().code());
            if (update.answers() != null) r.setTriageAnswers(update.answers());
            r.setPromiseDueAt(promise == null ? null : promise.toEpochMilli());
            if (r.getTriagedAt() == null) r.setTriagedAt(now.toEpochMilli());
            r.setCaveat(update.caveatCode());
            r.setRevision(r.getRevision() + 1);
            r.setUpdatedAt(now.toEpochMilli());
            r.store();
            IssueTables.addHistory(
                    ctx,
                    number,
                    actor,
                    "priority",
                    before.priority().label() + " → " + priority.label()
                            + (update.reason() == null || update.reason().isBlank() ? "" : ": " + update.reason()),
                    now);
            return new IssueStore.PriorityChanged(before, IssueTables.toIssue(r));
        });
    }

    Optional<String> caveatCode(int number) {
        return db.read(ctx -> ctx.select(ISSUE.CAVEAT)
                .from(ISSUE)
                .where(ISSUE.NUMBER.eq(number))
                .fetchOptional(ISSUE.CAVEAT)
                .flatMap(Optional::ofNullable));
    }
}
