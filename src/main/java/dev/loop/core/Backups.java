package dev.loop.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Consistent copies of the database while Loop runs. {@code VACUUM INTO} on a connection of its own reads one
 * snapshot of the file (WAL readers never block the writer, nor are blocked by it) and writes a compact, complete
 * database; it is written under a temporary name and renamed, so a file named like a backup is always whole. Used by
 * {@code ./run.sh backup} from another process and by the daily backup routine.
 */
public final class Backups {

    /** Backups are named by the UTC time they were taken: loop-YYYYMMDD-HHMMSS.db, so names sort by age. */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Pattern OURS = Pattern.compile("loop-\\d{8}-\\d{6}(-\\d+)?\\.db");

    private Backups() {}

    /** The backups folder beside the database file: data/loop.db keeps its backups in data/backups. */
    public static Path defaultDir(Path databaseFile) {
        Path parent = databaseFile.getParent();
        return parent == null ? Path.of("backups") : parent.resolve("backups");
    }

    /** A file in {@code dir} for a backup taken at {@code now} that does not exist yet. */
    public static Path newFile(Path dir, Instant now) {
        String stamp = STAMP.format(now);
        Path candidate = dir.resolve("loop-" + stamp + ".db");
        for (int n = 1; Files.exists(candidate); n++) candidate = dir.resolve("loop-" + stamp + "-" + n + ".db");
        return candidate;
    }

    /** Copies {@code database} to {@code target} consistently; returns the copy's size in bytes. */
    public static long copy(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new DatabaseException(database + " does not exist, so there is nothing to back up");
        }
        if (Files.exists(target)) throw new DatabaseException(target + " already exists; name a new file");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.deleteIfExists(partial);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 30000");
                }
                try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                    vacuum.setString(1, partial.toAbsolutePath().toString());
                    vacuum.execute();
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file keeps its .partial name, so nobody mistakes it for a backup
            }
            if (StorageUnavailable.reason(e).isPresent()) {
                throw new StorageUnavailable("backup of " + database + " not saved: " + e.getMessage(), e);
            }
            throw new DatabaseException("backup of " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes all but the {@code keep} newest backups Loop named in {@code dir}; returns the deleted files. */
    public static List<Path> rotate(Path dir, int keep) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) return deleted;
        List<Path> ours;
        try (Stream<Path> files = Files.list(dir)) {
            ours = files.filter(p -> OURS.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new DatabaseException("cannot list the backups in " + dir + ": " + e.getMessage(), e);
        }
        for (Path old : ours.subList(Math.min(keep, ours.size()), ours.size())) {
            try {
                if (Files.deleteIfExists(old)) deleted.add(old);
            } catch (IOException e) {
                throw new DatabaseException("cannot delete the old backup " + old + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    /** {@code ./run.sh backup [file]}: one line with the copy's path and size, or one line saying why not. */
    public static int command(
            Path database, Path dir, List<String> args, Instant now, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("usage: ./run.sh backup [file]  (default " + dir + "/loop-YYYYMMDD-HHMMSS.db)");
            return 2;
        }
        Path target = args.isEmpty() ? newFile(dir, now) : Path.of(args.getFirst());
        try {
            long size = copy(database, target);
            out.println("Backed up " + database + " to " + target + " (" + humanSize(size) + ")");
            return 0;
        } catch (DatabaseException e) {
            err.println("backup: " + e.getMessage());
            return 1;
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
