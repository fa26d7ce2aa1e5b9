package dev.loop.core;

import static dev.loop.db.Tables.ISSUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run.sh backup} and the daily backup: a consistent copy while Loop keeps writing, one line of output,
 * rotation that keeps the newest, and one backup a day however often Loop restarts.
 */
class BackupsTest {

    @TempDir
    Path dir;

    static int issues(Database db) {
        return db.read(ctx -> ctx.fetchCount(ISSUE));
    }

    static int issuesIn(Path file) {
        try (Database copy = Database.open(file)) {
            return issues(copy);
        }
    }

    @Test
    void aBackupWhileLoopWritesIsAConsistentDatabase() throws Exception {
        Path file = dir.resolve("data/loop.db");
        try (Database db = Database.open(file)) {
            db.transaction(ctx -> {
                for (int i = 1; i <= 50; i++) StorageFaultsTest.insertIssue(ctx, i, "before " + i);
            });
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger(51);
            try (var writer = Executors.newSingleThreadExecutor()) {
                Future<?> busy = writer.submit(() -> {
                    while (writing.get()) {
                        int n = next.getAndIncrement();
                        db.transaction(ctx -> StorageFaultsTest.insertIssue(ctx, n, "during " + n));
                    }
                });
                Path copy = dir.resolve("data/backups/manual.db");
                long size = Backups.copy(file, copy);
                writing.set(false);
                busy.get();
                assertThat(size).isEqualTo(Files.size(copy)).isPositive();
                int copied = issuesIn(copy);
                assertThat(copied).isBetween(50, next.get() - 1);
                assertThat(Files.list(copy.getParent())).containsExactly(copy); // no partial file left behind
            }
        }
    }

    @Test
    void theCommandPrintsOneLineWithThePathAndSize() {
        Path file = dir.resolve("data/loop.db");
        try (Database db = Database.open(file)) {
            db.transaction(ctx -> StorageFaultsTest.insertIssue(ctx, 1, "one"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path backups = dir.resolve("data/backups");
            int code = Backups.command(
                    file,
                    backups,
                    List.of(),
                    Instant.parse("2026-12-02T00:35:07Z"),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isZero();
            Path made = backups.resolve("loop-20261202-003507.db");
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .matches("Backed up " + java.util.regex.Pattern.quote(file + " to " + made)
                            + " \\(\\d+\\.\\d KB\\)\\n");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(issuesIn(made)).isEqualTo(1);

            // a named file that exists is never overwritten
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            int refused = Backups.command(
                    file,
                    backups,
                    List.of(made.toString()),
                    Instant.now(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(again, true, StandardCharsets.UTF_8));
            assertThat(refused).isEqualTo(1);
            assertThat(again.toString(StandardCharsets.UTF_8))
                    .isEqualTo("backup: " + made + " already exists; name a new file\n");
        }
    }

    @Test
    void aMissingDatabaseIsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Backups.command(
                dir.resolve("nothing.db"),
                dir,
                List.of(),
                Instant.now(),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "backup: " + dir.resolve("nothing.db") + " does not exist, so there is nothing to back up\n");
    }

    @Test
    void rotationKeepsTheNewestOfLoopsOwnBackupsOnly() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        for (String name : List.of(
                "loop-20261125-030000.db",
                "loop-20261126-030000.db",
                "loop-20261127-030000.db",
                "loop-20261127-030000-1.db",
                "before-upgrade.db")) {
            Files.writeString(backups.resolve(name), name);
        }
        List<Path> deleted = Backups.rotate(backups, 2);
        assertThat(deleted)
                .containsExactlyInAnyOrder(
                        backups.resolve("loop-20261125-030000.db"), backups.resolve("loop-20261126-030000.db"));
        assertThat(backups.resolve("before-upgrade.db")).exists(); // a copy someone made by hand stays
    }

    @Test
    void theDailyBackupRunsOnceADayAcrossRestartsAndKeepsTheNewest() {
        Path file = dir.resolve("loop.db");
        Path backups = dir.resolve("backups");
        Config.DailyBackups settings =
                new Config.DailyBackups(true, LocalTime.of(3, 0), ZoneId.of("Europe/Berlin"), 2, backups);
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        try {
            Instant day1Early = Instant.parse("2026-12-01T01:30:00Z"); // 02:30 in Berlin
            Instant day1 = Instant.parse("2026-12-01T02:05:00Z");
            try (Database db = Database.open(file)) {
                db.transaction(ctx -> StorageFaultsTest.insertIssue(ctx, 1, "one"));
                MovableClock clock = MovableClock.stoppedAt(day1Early);
                BackupRoutine routine = new BackupRoutine(settings, db, clock, unused);
                assertThat(routine.runIfDue(day1Early)).isInstanceOf(BackupRoutine.NotDue.class);
                assertThat(routine.runIfDue(day1)).isInstanceOf(BackupRoutine.Taken.class);
                assertThat(routine.runIfDue(day1.plusSeconds(60)))
                        .isEqualTo(new BackupRoutine.AlreadyTaken("2026-12-01"));
            }
            // Loop restarts later that day: no second backup
            try (Database db = Database.open(file)) {
                BackupRoutine routine = new BackupRoutine(settings, db, MovableClock.stoppedAt(day1), unused);
                assertThat(routine.runIfDue(day1.plus(Duration.ofHours(5))))
                        .isEqualTo(new BackupRoutine.AlreadyTaken("2026-12-01"));
                for (int day = 1; day <= 3; day++) {
                    assertThat(routine.runIfDue(day1.plus(Duration.ofDays(day))))
                            .isInstanceOf(BackupRoutine.Taken.class);
                }
            }
            assertThat(backups.toFile().list())
                    .containsExactlyInAnyOrder("loop-20261203-020500.db", "loop-20261204-020500.db");
            assertThat(issuesIn(backups.resolve("loop-20261204-020500.db"))).isEqualTo(1);
        } finally {
            unused.shutdownNow();
        }
    }

    @Test
    void aBackupThatFailsGivesTheDayBackSoTheNextTickTriesAgain() throws Exception {
        Path file = dir.resolve("loop.db");
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the backups folder should be");
        Config.DailyBackups settings = new Config.DailyBackups(true, LocalTime.of(3, 0), ZoneId.of("UTC"), 7, blocked);
        try (Database db = Database.open(file)) {
            BackupRoutine routine = new BackupRoutine(settings, db, MovableClock.stoppedAt(Instant.EPOCH), null);
            Instant now = Instant.parse("2026-12-01T03:01:00Z");
            assertThat(routine.runIfDue(now)).isInstanceOf(BackupRoutine.Failed.class);
            assertThat(new RoutineRuns(db).ran(BackupRoutine.NAME, "2026-12-01"))
                    .isFalse();
        }
    }
}
