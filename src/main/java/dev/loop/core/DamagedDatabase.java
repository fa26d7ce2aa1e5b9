package dev.loop.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The database file failed SQLite's integrity check at start, or is not a SQLite database at all. Loop refuses to
 * run on it: its message is the one line that says which file and how to restore the newest backup.
 */
public final class DamagedDatabase extends DatabaseException {

    static final int SQLITE_CORRUPT = 11;
    static final int SQLITE_NOTADB = 26;

    private DamagedDatabase(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal for {@code file}, pointing at the newest backup in {@code backups} when there is one. */
    public static DamagedDatabase of(Path file, Path backups, String problem, Throwable cause) {
        String detail = problem.replaceAll("\\s+", " ").strip();
        if (detail.length() > 160) detail = detail.substring(0, 159) + "…";
        String restore = newestBackup(backups)
                .map(b -> "restore the newest backup: stop Loop, cp " + b + " " + file + ", start again")
                .orElse("restore your newest backup: stop Loop, copy it over " + file + ", start again (no backup in "
                        + backups + ")");
        return new DamagedDatabase(file + " is damaged (" + detail + "); " + restore, cause);
    }

    /** Whether a failed statement says the file is corrupt or not a database. */
    static boolean isDamage(Throwable e) {
        return StorageUnavailable.sqliteCode(e)
                .map(c -> c == SQLITE_CORRUPT || c == SQLITE_NOTADB)
                .orElse(false);
    }

    static Optional<Path> newestBackup(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db"))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing((Path p) -> p.toFile().lastModified())
                            .thenComparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
