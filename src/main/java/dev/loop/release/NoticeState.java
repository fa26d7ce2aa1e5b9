package dev.loop.release;

/** Where one outbox row stands; the stored value matches the notice table's {@code state} column. */
public enum NoticeState {
    /** Not sent yet, or waiting for a retry (possibly on the fallback route). */
    PENDING("pending"),
    /** Sent where it was planned. */
    DELIVERED("delivered"),
    /** Sent, but on the other route (a refused DM went to the thread, a locked thread to a DM). */
    FELL_BACK("fell_back"),
    /** Given up; {@code last_error} says why. */
    FAILED("failed");

    private final String code;

    NoticeState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isFinal() {
        return this != PENDING;
    }

    public static NoticeState fromCode(String code) {
        for (NoticeState s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown notice state " + code);
    }
}
