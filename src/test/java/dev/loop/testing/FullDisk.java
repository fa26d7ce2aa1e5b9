package dev.loop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.Database;

/**
 * A full disk, made with SQLite's own limit on the file's size ({@code PRAGMA max_page_count} on the writer
 * connection): every write that needs a new page then fails with SQLITE_FULL, exactly as on a full disk.
 */
public final class FullDisk {

    private FullDisk() {}

    /**
     * The file may not grow by a single page from now on; the file must have (almost) no free pages left, or the
     * write a test expects to fail would fit in them.
     */
    public static void fill(Database db) {
        int free = db.read(ctx -> ctx.resultQuery("PRAGMA freelist_count").fetchOne(0, Integer.class));
        assertThat(free).as("free pages").isLessThan(4);
        int pages = db.read(ctx -> ctx.resultQuery("PRAGMA page_count").fetchOne(0, Integer.class));
        db.transaction(ctx -> ctx.fetch("PRAGMA max_page_count = " + pages));
    }

    /** Space returns: the file may grow again. */
    public static void spaceReturns(Database db) {
        db.transaction(ctx -> ctx.fetch("PRAGMA max_page_count = 1073741823"));
    }
}
