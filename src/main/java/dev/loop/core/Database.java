package dev.loop.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gateway to SQLite. Writes are serialized through a single connection (SQLite allows one writer; queueing
 * them here instead of in SQLite avoids SQLITE_BUSY entirely), reads use a small pool of WAL readers that never block
 * the writer. Every write runs in a transaction. Pragmas live here, on the connections, not in schema.sql.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    private static final Settings SETTINGS =
            new Settings().withRenderSchema(false).withExecuteLogging(false).withRenderCatalog(false);

    private final Path file;
    private final Connection writer;
    private final DSLContext writeContext;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** A reader connection with its jOOQ context, made once: a context per read costs more than many queries. */
    private record Reader(Connection connection, DSLContext context) {}

    /**
     * Free readers, the one freed last taken first: each connection has its own page cache, and handing out the most
     * recently used one keeps reads on a warm cache (a queue would rotate them through all four, each cache a quarter
     * as warm) and leaves the others' caches small when reads don't overlap.
     */
    private final BlockingDeque<Reader> readers = new LinkedBlockingDeque<>(READERS);

    private volatile boolean closed;

    private Database(Path file) throws SQLException {
        this.file = file;
        this.writer = connect(file, false);
        this.writeContext = DSL.using(writer, SQLDialect.SQLITE, SETTINGS);
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(file, Backups.defaultDir(file));
    }

    /**
     * {@link #open(Path)}, naming {@code backups} as the place to restore from if the file turns out damaged: the
     * integrity check at start refuses a damaged file with a {@link DamagedDatabase}.
     */
    public static Database open(Path file, Path backups) {
        return open(file, SchemaScript.bundled(), backups);
    }

    static Database open(Path file, SchemaScript schema) {
        return open(file, schema, Backups.defaultDir(file));
    }

    static Database open(Path file, SchemaScript schema, Path backups) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Database db;
            try {
                db = new Database(file);
            } catch (SQLException e) {
                if (DamagedDatabase.isDamage(e)) throw DamagedDatabase.of(file, backups, e.getMessage(), e);
                throw e;
            }
            try {
                db.checkIntegrity(backups);
                db.migrate(schema);
                for (int i = 0; i < READERS; i++) {
                    Connection c = connect(file, true);
                    db.readers.add(new Reader(c, DSL.using(c, SQLDialect.SQLITE, SETTINGS)));
                }
            } catch (RuntimeException | SQLException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException | java.io.IOException e) {
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite's quick check before anything else touches the file: Loop would rather refuse to start than read or
     * extend a damaged file, which can lose more.
     */
    private void checkIntegrity(Path backups) {
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA quick_check(3)")) {
            List<String> problems = new ArrayList<>();
            while (rs.next()) problems.add(rs.getString(1));
            if (!problems.equals(List.of("ok"))) {
                throw DamagedDatabase.of(file, backups, "quick_check: " + String.join("; ", problems), null);
            }
        } catch (SQLException e) {
            if (DamagedDatabase.isDamage(e)) throw DamagedDatabase.of(file, backups, e.getMessage(), e);
            throw new DatabaseException("cannot check database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("foreign_keys", "true");
        props.setProperty("busy_timeout", "30000");
        props.setProperty("synchronous", "NORMAL");
        props.setProperty("date_class", "INTEGER");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
        try (Statement s = c.createStatement()) {
            // set explicitly too: the driver only applies some properties on the first connection
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 30000");
            if (!readOnly) s.execute("PRAGMA journal_mode = WAL");
        }
        return c;
    }

    public Path file() {
        return file;
    }

    /** The schema version the file is at (PRAGMA user_version). */
    public int schemaVersion() {
        return read(ctx -> ctx.resultQuery("PRAGMA user_version").fetchOne(0, Integer.class));
    }

    private void migrate(SchemaScript schema) throws SQLException {
        int current;
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        if (current > schema.latestVersion()) {
            throw new DatabaseException("database " + file + " is at schema version " + current
                    + " but this build only knows up to " + schema.latestVersion() + "; use a newer Loop");
        }
        for (SchemaScript.Section section : schema.sections()) {
            if (section.version() <= current) continue;
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                // sqlite-jdbc runs a whole multi-statement script only through executeUpdate
                s.executeUpdate(SchemaScript.executable(section.sql()));
                s.executeUpdate("PRAGMA user_version = " + section.version());
                writer.commit();
                log.info("Database {} upgraded to schema version {}", file.getFileName(), section.version());
            } catch (SQLException e) {
                writer.rollback();
                throw new DatabaseException("schema version " + section.version() + " failed: " + e.getMessage(), e);
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    /** Runs a read on one of the reader connections; sees every committed write. */
    public <T> T read(Function<DSLContext, T> query) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            // inside a write: read through the writer so uncommitted changes of this transaction are visible
            return query.apply(writeContext);
        }
        Reader c;
        try {
            c = readers.pollFirst(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for a database connection", e);
        }
        if (c == null) throw new DatabaseException("no database connection free for 30 s");
        try {
            return query.apply(c.context());
        } catch (org.jooq.exception.DataAccessException e) {
            throw new DatabaseException("read failed: " + e.getMessage(), e);
        } finally {
            readers.addFirst(c);
        }
    }

    /**
     * Runs {@code work} in one transaction, serialized with every other write. Nested calls on the same thread join
     * the outer transaction. Any exception rolls the whole transaction back and is rethrown; a full disk, a lock held
     * by another process beyond the busy timeout or an I/O error becomes {@link StorageUnavailable}, so the caller
     * can say "try again" — the next write tries the disk afresh.
     */
    public <T> T write(Function<DSLContext, T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) return work.apply(writeContext);
        writeLock.lock();
        try {
            ensureOpen();
            writer.setAutoCommit(false);
            T result;
            try {
                result = work.apply(writeContext);
                writer.commit();
            } catch (RuntimeException | Error | SQLException e) {
                rollbackQuietly();
                // After a full disk or an I/O error SQLite has already rolled the transaction back itself, so the
                // driver's closing COMMIT finds none; the driver is back in autocommit either way, and the original
                // failure is the one worth reporting.
                try {
                    writer.setAutoCommit(true);
                } catch (SQLException ignored) {
                    log.debug("Closing a failed transaction: {}", ignored.getMessage());
                }
                throw failure(e);
            }
            writer.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The exception a failed write surfaces as. */
    private static RuntimeException failure(Throwable e) {
        if (e instanceof Error err) throw err;
        if (e instanceof StorageUnavailable su) return su;
        var passing = StorageUnavailable.reason(e);
        if (passing.isPresent()) {
            return new StorageUnavailable("write not saved, " + passing.get() + ": " + e.getMessage(), e);
        }
        if (e instanceof org.jooq.exception.DataAccessException || e instanceof SQLException) {
            return new DatabaseException("write failed: " + e.getMessage(), e);
        }
        return (RuntimeException) e;
    }

    /** {@link #write} for work that returns nothing. */
    public void transaction(Consumer<DSLContext> work) {
        write(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            // "no transaction is active": SQLite rolled back by itself (full disk, I/O error), nothing is left over
            log.debug("Rollback: {}", e.getMessage());
        }
    }

    private void ensureOpen() {
        if (closed) throw new DatabaseException("database " + file + " is closed");
    }

    /** Waits for the write in flight, then closes every connection. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) return;
            closed = true;
            closeQuietly(writer);
            Reader r;
            while ((r = readers.poll()) != null) closeQuietly(r.connection());
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("Closing a database connection failed", e);
        }
    }
}
