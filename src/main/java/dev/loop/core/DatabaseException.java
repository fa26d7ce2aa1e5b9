package dev.loop.core;

/** Anything that went wrong talking to the database; unchecked so storage code stays readable. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
