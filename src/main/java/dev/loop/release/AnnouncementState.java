package dev.loop.release;

/** Whether a release's announcement is in the releases channel yet; matches {@code release.announcement_state}. */
public enum AnnouncementState {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String code;

    AnnouncementState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AnnouncementState fromCode(String code) {
        for (AnnouncementState s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown announcement state " + code);
    }
}
