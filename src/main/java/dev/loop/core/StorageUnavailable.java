package dev.loop.core;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A write that could not be saved for a reason that passes by itself: the disk is full (SQLITE_FULL), the database
 * stayed locked by another process beyond the busy timeout (SQLITE_BUSY, SQLITE_LOCKED) or the disk reported an I/O
 * error. The transaction was rolled back, so nothing of it was kept; the next write tries again, so Loop recovers
 * without a restart once space returns or the lock is released. The interaction router answers it with
 * {@link #SENTENCE}; background workers log it and retry on their next round.
 */
public final class StorageUnavailable extends DatabaseException {

    /** What a person sees when their action could not be saved. */
    public static final String SENTENCE =
            "Loop can't save that right now, nothing was changed — try again in a minute.";

    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_IOERR = 10;
    static final int SQLITE_FULL = 13;

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The primary SQLite result code of the first SQL exception in {@code e}'s causes, if any. */
    static Optional<Integer> sqliteCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) return Optional.of(sql.getErrorCode() & 0xff);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    /** The passing trouble behind {@code e}, named for the log, or empty when {@code e} is something else. */
    static Optional<String> reason(Throwable e) {
        return sqliteCode(e).flatMap(code -> switch (code) {
            case SQLITE_FULL -> Optional.of("the disk is full");
            case SQLITE_BUSY, SQLITE_LOCKED -> Optional.of("the database is locked by another process");
            case SQLITE_IOERR -> Optional.of("the disk reported an I/O error");
            default -> Optional.<String>empty();
        });
    }

    /** {@code e} itself or one of its causes, when it is a {@link StorageUnavailable}. */
    public static Optional<StorageUnavailable> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailable s) return Optional.of(s);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }
}
