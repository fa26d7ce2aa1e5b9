package dev.loop.core.text;

import java.text.BreakIterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes user text safe to echo. Loop always sends an explicit {@code allowed_mentions}, so a stray mention would not
 * ping anyone; neutralising it here as well means a mistake in one place can never turn a quoted message into an
 * {@code @everyone} ping, and keeps the rendered text from looking like a ping.
 *
 * <p>Lengths are counted in UTF-16 units ({@link String#length()}), which is what JDA checks and never less than
 * what Discord counts, so anything that fits here fits there.
 */
public final class Safe {

    /** One character: keeps truncated text as long as the budget allows. */
    public static final String ELLIPSIS = "…";
    /** Zero-width space: breaks mention syntax without changing how the text reads. */
    public static final String ZWSP = "\u200B";

    private static final int MAX_CLUSTER = 64;
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_OR_ROLE = Pattern.compile("<@([!&]?\\d+)>");
    private static final Pattern URL = Pattern.compile("<?https?://\\S+");
    private static final Pattern LINE_START_MARKUP =
            Pattern.compile("(?m)^(\\s*)(#{1,3} |-# |> |>>> |- |\\* |\\d+\\. )");
    private static final String INLINE_MARKUP = "\\*_~`|[]";
    private static final String FENCE = "```";

    private Safe() {}

    /**
     * Cuts {@code text} to at most {@code maxChars} UTF-16 units, ending with {@link #ELLIPSIS} when anything was
     * cut. The cut falls on a user-perceived character boundary (an emoji with modifiers or a flag stays whole, a
     * surrogate pair is never split). Null reads as empty.
     */
    public static String truncate(String text, int maxChars) {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
        if (text == null) return "";
        if (text.length() <= maxChars) return text;
        int budget = maxChars - ELLIPSIS.length();
        return text.substring(0, cutPoint(text, budget)) + ELLIPSIS;
    }

    /** The largest boundary ≤ {@code budget} that does not break a character. */
    static int cutPoint(String text, int budget) {
        if (budget <= 0) return 0;
        BreakIterator graphemes = BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
        graphemes.setText(text);
        int cut = graphemes.preceding(budget + 1);
        // Real characters (flags, emoji families) are a few dozen units at most. A pathological cluster (a letter
        // with thousands of combining marks) would leave almost nothing; for those, falling back to a code point
        // boundary still never produces a broken surrogate pair.
        if (cut == BreakIterator.DONE || budget - cut > MAX_CLUSTER) {
            cut = budget;
            if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        }
        return cut;
    }

    /**
     * Breaks {@code @everyone}, {@code @here}, {@code <@id>}, {@code <@!id>} and {@code <@&id>} with a zero-width
     * space after the {@code @}. Idempotent. Channel mentions and timestamps are left alone: they never ping.
     */
    public static String neutraliseMentions(String text) {
        if (text == null) return "";
        String s = EVERYONE.matcher(text).replaceAll(m -> "@" + ZWSP + Matcher.quoteReplacement(m.group(1)));
        return USER_OR_ROLE.matcher(s).replaceAll(m -> "<@" + ZWSP + Matcher.quoteReplacement(m.group(1)) + ">");
    }

    /**
     * Escapes Discord markdown so text shows as typed: {@code \ * _ ~ ` | [ ]} anywhere, and headings, quotes and
     * list markers at the start of a line. Links are left untouched, since an escape inside a URL changes the URL.
     */
    public static String escapeMarkdown(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = URL.matcher(text);
        int pos = 0;
        while (url.find()) {
            out.append(escapeInline(text.substring(pos, url.start())));
            out.append(url.group());
            pos = url.end();
        }
        out.append(escapeInline(text.substring(pos)));
        return LINE_START_MARKUP.matcher(out).replaceAll(m -> {
            String marker = m.group(2);
            // A backslash before a digit is not an escape in Discord; escape the dot of "1. " instead.
            String escaped = Character.isDigit(marker.charAt(0))
                    ? marker.substring(0, marker.length() - 2) + "\\. "
                    : "\\" + marker;
            return Matcher.quoteReplacement(m.group(1) + escaped);
        });
    }

    private static String escapeInline(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (INLINE_MARKUP.indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /**
     * One line, whitespace collapsed, nothing escaped: for places that show text literally (autocomplete choices,
     * modal values, thread names).
     */
    public static String oneLineRaw(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * For a title or name shown inside Loop's own formatting: one line, mentions neutralised, markdown escaped,
     * at most {@code maxChars}.
     */
    public static String inline(String text, int maxChars) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return truncate(escapeMarkdown(neutraliseMentions(oneLine)), maxChars);
    }

    /**
     * For quoting a longer passage (a summary, a transcript line): mentions neutralised, line breaks kept,
     * markdown kept as the author wrote it, at most {@code maxChars}. A code fence the passage leaves open (typed
     * that way, or cut by the truncation) is closed, so it cannot turn whatever Loop writes after it into code.
     */
    public static String block(String text, int maxChars) {
        String s = neutraliseMentions(text == null ? "" : text.strip());
        String cut = truncate(s, maxChars);
        String close = "\n" + FENCE;
        if (!opensFence(cut) || maxChars <= 2 * close.length()) return cut;
        String shorter = truncate(s, maxChars - close.length());
        return opensFence(shorter) ? shorter + close : shorter;
    }

    /** Whether {@code text} leaves a ``` code block open. */
    static boolean opensFence(String text) {
        int fences = 0;
        for (int i = text.indexOf(FENCE); i >= 0; i = text.indexOf(FENCE, i + FENCE.length())) fences++;
        return fences % 2 == 1;
    }

    /**
     * A fenced code block of at most {@code maxChars} including the fences. Triple backticks inside are broken
     * with a zero-width space so they cannot close the fence; mentions do not render inside code, so they stay.
     */
    public static String codeBlock(String code, String language, int maxChars) {
        String lang = language == null ? "" : language.replaceAll("[^A-Za-z0-9+#-]", "");
        String open = "```" + lang + "\n";
        String close = "\n```";
        int budget = maxChars - open.length() - close.length();
        if (budget < 1) throw new IllegalArgumentException("no room for a code block in " + maxChars);
        String body = (code == null ? "" : code).replace("``", "`" + ZWSP + "`").replace("``", "`" + ZWSP + "`");
        return open + truncate(body, budget) + close;
    }
}
