package dev.loop.core;

import static dev.loop.db.Tables.ISSUE;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Rows written straight with jOOQ, below every store: for tests of the database itself (upgrades, faults), where a
 * store would hide what is being checked.
 */
final class RawRows {

    private RawRows() {}

    /** An open, untriaged bug created by user 42 at 1 s after the epoch. */
    static void insertIssue(DSLContext ctx, int number, String title, String summary) {
        ctx.insertInto(ISSUE)
                .set(ISSUE.NUMBER, number)
                .set(ISSUE.TITLE, title)
                .set(ISSUE.KIND, "bug")
                .set(ISSUE.SUMMARY, summary)
                .set(ISSUE.STATUS, "open")
                .set(ISSUE.PRIORITY, "untriaged")
                .set(ISSUE.CREATED_BY, 42L)
                .set(ISSUE.CREATED_AT, 1_000L)
                .set(ISSUE.UPDATED_AT, 1_000L)
                .execute();
    }

    static int count(Database db, Table<?> table) {
        return db.read(ctx -> ctx.fetchCount(table));
    }

    static int count(Database db, Table<?> table, Condition where) {
        return db.read(ctx -> ctx.fetchCount(table, where));
    }
}
