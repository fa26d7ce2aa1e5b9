package dev.loop.core;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database does when the disk or the file lets it down: a full disk and a lock held by another process
 * roll the write back whole and say "try again" ({@link StorageUnavailable}), and the next write works once the
 * trouble passed; a damaged file, or one that is not a database at all, is refused at start with one line saying
 * how to restore ({@link DamagedDatabase}).
 */
class StorageFaultsTest {

    @TempDir
    Path dir;

    static void insertIssue(DSLContext ctx, int number, String summary) {
        RawRows.insertIssue(ctx, number, "Issue " + number, summary);
    }

    static void history(DSLContext ctx, int number, String text) {
        ctx.insertInto(ISSUE_HISTORY)
                .set(ISSUE_HISTORY.ISSUE_NUMBER, number)
                .set(ISSUE_HISTORY.ORIGIN_ISSUE, number)
                .set(ISSUE_HISTORY.TYPE, "note")
                .set(ISSUE_HISTORY.DETAIL, text)
                .set(ISSUE_HISTORY.AT, 2_000L)
                .execute();
    }

    static int count(Database db, org.jooq.Table<?> table) {
        return db.read(ctx -> ctx.fetchCount(table));
    }

    @Test
    void aFullDiskRollsTheWholeWriteBackAndTheNextWriteWorksOnceSpaceReturns() {
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            db.transaction(ctx -> insertIssue(ctx, 1, "before"));
            int pages = db.read(ctx -> ctx.resultQuery("PRAGMA page_count").fetchOne(0, Integer.class));
            // the disk is full: the file may not grow by a single page
            db.transaction(ctx -> ctx.fetch("PRAGMA max_page_count = " + pages));

            String big = "x".repeat(200_000);
            assertThatThrownBy(() -> db.transaction(ctx -> {
                        history(ctx, 1, "a small first statement that fits");
                        insertIssue(ctx, 2, big);
                    }))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("the disk is full");
            // nothing half-written: not the issue, not the history line before it
            assertThat(count(db, ISSUE)).isEqualTo(1);
            assertThat(count(db, ISSUE_HISTORY)).isZero();

            db.transaction(ctx -> ctx.fetch("PRAGMA max_page_count = 1073741823"));
            db.transaction(ctx -> {
                history(ctx, 1, "a small first statement that fits");
                insertIssue(ctx, 2, big);
            });
            assertThat(count(db, ISSUE)).isEqualTo(2);
        }
    }

    @Test
    void aLockHeldByAnotherProcessBeyondTheBusyTimeoutRollsBackAndRecovers() throws Exception {
        Path file = dir.resolve("loop.db");
        try (Database db = Database.open(file)) {
            db.transaction(ctx -> insertIssue(ctx, 1, "before"));
            db.transaction(ctx -> ctx.fetch("PRAGMA busy_timeout = 200"));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // another program holds the write lock
                assertThatThrownBy(() -> db.transaction(ctx -> insertIssue(ctx, 2, "while locked")))
                        .isInstanceOf(StorageUnavailable.class)
                        .hasMessageContaining("locked");
                s.execute("ROLLBACK");
            }
            assertThat(count(db, ISSUE)).isEqualTo(1);
            db.transaction(ctx -> insertIssue(ctx, 2, "after the lock is gone"));
            assertThat(count(db, ISSUE)).isEqualTo(2);
        }
    }

    @Test
    void otherFailuresStayWhatTheyWere() {
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            db.transaction(ctx -> insertIssue(ctx, 1, "before"));
            assertThatThrownBy(() -> db.transaction(ctx -> insertIssue(ctx, 1, "twice")))
                    .isExactlyInstanceOf(DatabaseException.class);
            assertThatThrownBy(() -> db.transaction(ctx -> {
                        throw new IllegalStateException("a rule said no");
                    }))
                    .isExactlyInstanceOf(IllegalStateException.class);
        }
    }

    /** A real database with enough rows to span many pages, closed (checkpointed) so everything is in the file. */
    Path realDatabase() {
        Path file = dir.resolve("loop.db");
        try (Database db = Database.open(file)) {
            db.transaction(ctx -> {
                for (int i = 1; i <= 400; i++) insertIssue(ctx, i, "summary " + i + " " + "words ".repeat(60));
            });
        }
        return file;
    }

    @Test
    void garbageInTheMiddleOfTheFileIsRefusedWithHowToRestore() throws Exception {
        Path file = realDatabase();
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Backups.copy(file, backups.resolve("loop-20261201-030000.db"));
        Path newest = Backups.copy(file, backups.resolve("loop-20261202-030000.db")) > 0
                ? backups.resolve("loop-20261202-030000.db")
                : null;
        long size = Files.size(file);
        assertThat(size).isGreaterThan(20 * 4096);
        byte[] garbage = new byte[8 * 4096];
        new Random(7).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size / 2 / 4096 * 4096);
            raf.write(garbage);
        }

        assertThatThrownBy(() -> Database.open(file, backups))
                .isInstanceOf(DamagedDatabase.class)
                .hasMessageStartingWith(file + " is damaged (")
                .hasMessageEndingWith(
                        "; restore the newest backup: stop Loop, cp " + newest + " " + file + ", start again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        // the advice works: the backup opens and holds every issue
        Files.copy(newest, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(file, backups)) {
            assertThat(count(db, ISSUE)).isEqualTo(400);
        }
    }

    @Test
    void aDamagedHeaderIsRefusedToo() throws Exception {
        Path file = realDatabase();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write("Not SQLite at all".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DamagedDatabase.class)
                .hasMessageStartingWith(file + " is damaged (")
                .hasMessageContaining("restore your newest backup: stop Loop, copy it over " + file)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFileThatIsNotADatabaseAtAllIsRefused() throws Exception {
        Path file = dir.resolve("loop.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(300));
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DamagedDatabase.class)
                .hasMessageStartingWith(file + " is damaged (");
        assertThat(Files.readString(file)).startsWith("these are my notes"); // left as it was
    }
}
