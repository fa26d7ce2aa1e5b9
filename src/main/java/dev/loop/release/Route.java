package dev.loop.release;

/** Where one notice goes; the stored value matches the notice table's {@code route} column. */
public enum Route {
    THREAD("thread"),
    DM("dm");

    private final String code;

    Route(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Route fromCode(String code) {
        for (Route r : values()) if (r.code.equals(code)) return r;
        throw new IllegalArgumentException("unknown route " + code);
    }
}
