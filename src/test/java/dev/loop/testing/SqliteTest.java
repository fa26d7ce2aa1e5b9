package dev.loop.testing;

import dev.loop.core.Database;
import dev.loop.issue.IssueStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage test: every test gets its own SQLite file, with the full schema, in a temporary directory, and the issue
 * store over it.
 */
public abstract class SqliteTest {

    /** A Monday morning: where a storage test's time starts unless its story needs another day. */
    protected static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    /** The engineer a storage test records its changes as. */
    protected static final long ENGINEER = 900L;

    @TempDir
    protected Path dir;

    protected Database db;

    /** The issue store over {@link #db}: the kernel most stores read and write beside. */
    protected IssueStore issues;

    @BeforeEach
    protected final void openDatabase() {
        db = Database.open(dir.resolve("loop.db"));
        issues = new IssueStore(db);
    }

    /** Closes the database and opens the same file again, as after a restart. */
    protected final void reopen() {
        db.close();
        db = Database.open(dir.resolve("loop.db"));
        issues = new IssueStore(db);
        issues = new IssueStore(db);
    }

    @AfterEach
    protected final void closeDatabase() {
        db.close();
    }
}
