package dev.loop.github;

/**
 * Makes text people wrote safe to show in a GitHub issue: no @mention (a zero-width joiner after every {@code @}
 * keeps GitHub from linking and notifying anyone), no HTML (so a comment marker or a {@code </details>} in a
 * message cannot break Loop's section), and no stray line structure where one line is expected.
 */
public final class GitHubText {

    /** U+200D ZERO WIDTH JOINER: invisible, but "@\u200Dname" is not a mention. */
    static final char JOINER = '\u200D';

    private GitHubText() {}

    /** Text as Markdown with mentions and HTML neutralised; line breaks kept. */
    public static String neutral(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '@' -> out.append('@').append(JOINER);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #neutral} on one line, shortened to {@code max} characters. */
    public static String line(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() > max) flat = flat.substring(0, Math.max(0, max - 1)) + "…";
        return neutral(flat);
    }

    /** A GitHub login shown as code: never a mention, never a link. */
    public static String login(String login) {
        String safe = login == null ? "" : login.replaceAll("[^A-Za-z0-9-]", "");
        return "`" + safe + "`";
    }
}
