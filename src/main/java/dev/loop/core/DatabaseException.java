package dev.loop.core;

/**
 * Anything that went wrong talking to the database; unchecked so storage code stays readable. Two kinds are told
 * apart because people act on them differently: {@link StorageUnavailable} (try again in a minute) and
 * {@link DamagedDatabase} (restore a backup).
 */
public sealed class DatabaseException extends RuntimeException permits StorageUnavailable, DamagedDatabase {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
