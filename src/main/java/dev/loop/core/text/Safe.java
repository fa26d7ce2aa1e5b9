package dev.loop.core.text;

/** Making user text safe to echo: length limits that never split a character, and no accidental pings. */
public final class Safe {
    private static final String ELLIPSIS = "…";

    private Safe() {
    }

    /** Cuts to at most {@code max} UTF-16 units, ending with an ellipsis, never in the middle of a surrogate pair. */
    public static String truncate(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        int cut = max - ELLIPSIS.length();
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        return text.substring(0, Math.max(cut, 0)) + ELLIPSIS;
    }

    /** Collapses line breaks and runs of whitespace, for titles and list rows. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Breaks every mention syntax with a zero-width space so echoed text cannot ping even where allowed_mentions
     * would permit it.
     */
    public static String noPings(String text) {
        if (text == null) return "";
        return text.replace("@everyone", "@\u200beveryone")
                .replace("@here", "@\u200bhere")
                .replaceAll("<@([!&]?\\d+)>", "<@\u200b$1>");
    }
}
