package dev.loop.release;

import java.time.Duration;
import java.util.Optional;

/**
 * Discord refused or never answered a request. {@code httpStatus} 0 means no response (network error, timeout);
 * {@code code} is Discord's JSON error code, 0 when there was none.
 */
public final class SendFailure extends Exception {
    private final int httpStatus;
    private final int code;
    private final Duration retryAfter;

    public SendFailure(int httpStatus, int code, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public SendFailure(int httpStatus, int code, String message) {
        this(httpStatus, code, null, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Fallback.Failure failure() {
        return Fallback.Failure.classify(httpStatus, code);
    }

    /** For the outbox's last_error: short and free of anything a user typed. */
    public String describe() {
        return (httpStatus == 0 ? "no response" : "HTTP " + httpStatus)
                + (code == 0 ? "" : " code " + code)
                + (getMessage() == null ? "" : ": " + getMessage());
    }
}
