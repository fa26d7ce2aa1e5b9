package dev.loop.core.discord;

/**
 * Something the person did that Loop refuses, with the exact sentence to show them (ephemerally). Thrown anywhere in
 * a handler; the central error path in {@link InteractionRouter} turns it into the reply. Never logged as an error.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
