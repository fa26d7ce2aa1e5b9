package dev.loop.issue;

import static dev.loop.db.Tables.CAPTURE_SOURCE;
import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import java.util.List;

/**
 * The issues made by a capture that nobody has triaged yet: where triage looks at start for a prompt a capture still
 * owes its engineer (a stop can come between storing a capture and sending its prompt). A capture holds its Discord
 * source in {@code capture_source}; an issue imported from GitHub holds none, so it is never among them, as it never
 * got a prompt. Read-only; kept beside {@link IssueStore} rather than in it.
 */
public final class UntriagedCaptures {

    private final Database db;

    public UntriagedCaptures(Database db) {
        this.db = db;
    }

    /** The newest issue's number (0 when there is none): what a start takes before Discord can send a capture. */
    public int lastNumber() {
        return db.read(ctx -> {
            Integer max =
                    ctx.select(org.jooq.impl.DSL.max(ISSUE.NUMBER)).from(ISSUE).fetchOne(0, Integer.class);
            return max == null ? 0 : max;
        });
    }

    /** Active, untriaged issues made by a capture, numbered up to {@code upTo}, oldest first. */
    public List<Issue> upTo(int upTo) {
        return db.read(ctx -> ctx.selectFrom(ISSUE)
                .where(ISSUE.NUMBER.le(upTo))
                .and(ISSUE.PRIORITY.eq(Priority.UNTRIAGED.code()))
                .and(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .andExists(ctx.selectOne().from(CAPTURE_SOURCE).where(CAPTURE_SOURCE.ISSUE_NUMBER.eq(ISSUE.NUMBER)))
                .orderBy(ISSUE.NUMBER)
                .fetch(IssueTables::toIssue));
    }
}
