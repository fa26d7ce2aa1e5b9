package dev.loop.core.text;

import java.text.BreakIterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes user text inert before Loop echoes it: the one place that does so, for every message and embed Loop posts.
 * Inert means no live mention of any kind ({@code @everyone}, {@code @here}, users, roles, channels, slash commands,
 * server guide links), no masked link ({@code [text](url)} shows as {@code text (<url>)}: the URL in plain sight,
 * without an embed), and — for passages — no heading, block quote, list or code-fence markup that would change the
 * layout of Loop's own message. Loop always sends an explicit {@code allowed_mentions} too, so a mistake in one
 * place can never turn a quoted message into a ping, but a neutralised mention also stops the text from looking like
 * one, and a masked link in Loop's own card would look as if Loop vouched for it.
 *
 * <p>Lengths are counted in UTF-16 units ({@link String#length()}), which is what JDA checks and never less than
 * what Discord counts, so anything that fits here fits there.
 */
public final class Safe {

    /** One character: keeps truncated text as long as the budget allows. */
    public static final String ELLIPSIS = "…";
    /** Zero-width space: breaks mention, link and fence syntax without changing how the text reads. */
    public static final String ZWSP = "\u200B";

    private static final int MAX_CLUSTER = 64;
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_OR_ROLE = Pattern.compile("<@([!&]?\\d+)>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    /** {@code </name:id>} and {@code </name sub:id>}: a clickable slash command. */
    private static final Pattern SLASH_COMMAND = Pattern.compile("</([^<>\\n]{1,100}:\\d+)>");
    /** {@code <id:customize>}, {@code <id:browse>}, {@code <id:guide>}…: server navigation links. */
    private static final Pattern GUILD_NAVIGATION = Pattern.compile("<(id:[\\w-]{1,40})>");
    /** {@code [text](url)}, {@code [text](<url>)}, {@code [text](url "tooltip")}. */
    private static final Pattern MASKED_LINK = Pattern.compile(
            "\\[([^\\[\\]\\n]{0,500})\\]\\(\\s*<?([a-zA-Z][a-zA-Z0-9+.-]{0,20}:[^\\s()<>]{1,2000})>?(?:\\s+\"[^\"\\n]{0,200}\")?\\s*\\)");

    private static final Pattern URL = Pattern.compile("<?https?://\\S+");
    private static final Pattern LINE_START_MARKUP = Pattern.compile(
            "(?m)^([ \\t]*)(#{1,3}(?=[ \\t])|-#(?=[ \\t])|>{1,3}(?=[ \\t]|$)|[-*+](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))");
    private static final String INLINE_MARKUP = "\\*_~`|[]";

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
     * Breaks every mention: {@code @everyone}, {@code @here}, {@code <@id>}, {@code <@!id>} and {@code <@&id>} get
     * a zero-width space after the {@code @}; channel mentions {@code <#id>}, slash-command mentions
     * {@code </name:id>} and server navigation links {@code <id:browse>} one after the {@code <}. Idempotent.
     * Timestamps and custom emoji are left alone: they neither ping nor link.
     */
    public static String neutraliseMentions(String text) {
        if (text == null) return "";
        String s = EVERYONE.matcher(text).replaceAll(m -> "@" + ZWSP + Matcher.quoteReplacement(m.group(1)));
        s = USER_OR_ROLE.matcher(s).replaceAll(m -> "<@" + ZWSP + Matcher.quoteReplacement(m.group(1)) + ">");
        s = CHANNEL.matcher(s).replaceAll(m -> "<#" + ZWSP + m.group(1) + ">");
        s = SLASH_COMMAND.matcher(s).replaceAll(m -> "<" + ZWSP + "/" + Matcher.quoteReplacement(m.group(1)) + ">");
        return GUILD_NAVIGATION.matcher(s).replaceAll(m -> "<" + ZWSP + Matcher.quoteReplacement(m.group(1)) + ">");
    }

    /**
     * Shows every masked link's target: {@code [text](https://x)} becomes {@code text (<https://x>)} (the angle
     * brackets keep Discord from embedding a preview), so the reader sees where a link goes before clicking it.
     * Whatever still reads {@code ](} afterwards (nested or odd brackets) is broken with a zero-width space, so no
     * masked link survives in any form.
     */
    public static String unmaskLinks(String text) {
        if (text == null) return "";
        String s = text;
        // nested brackets unwrap from the inside out; a few rounds cover anything a person writes by hand
        for (int round = 0; round < 4; round++) {
            String next = MASKED_LINK.matcher(s).replaceAll(m -> {
                String label = m.group(1).strip();
                String target = "<" + m.group(2) + ">";
                return Matcher.quoteReplacement(label.isEmpty() ? target : label + " (" + target + ")");
            });
            if (next.equals(s)) break;
            s = next;
        }
        return s.replace("](", "]" + ZWSP + "(");
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
        return escapeLineStarts(out.toString());
    }

    /** A backslash before every heading, subtext, quote and list marker that starts a line, so none renders. */
    static String escapeLineStarts(String text) {
        return LINE_START_MARKUP.matcher(text).replaceAll(m -> {
            String marker = m.group(2);
            // A backslash before a digit is not an escape in Discord; escape the dot of "1. " instead.
            String escaped = Character.isDigit(marker.charAt(0))
                    ? marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1)
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
     * For a title or name shown inside Loop's own formatting: one line, mentions neutralised, masked links shown
     * as their URL, markdown escaped, at most {@code maxChars}.
     */
    public static String inline(String text, int maxChars) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return truncate(escapeMarkdown(unmaskLinks(neutraliseMentions(oneLine))), maxChars);
    }

    /**
     * For quoting a longer passage (a summary, a transcript line, release notes): line breaks and inline emphasis
     * kept as the author wrote them, but mentions neutralised, masked links shown as their URL, code fences broken
     * and heading, subtext, quote and list markers at the start of a line escaped — the passage reads as typed and
     * cannot reshape the message around it. At most {@code maxChars}.
     */
    public static String block(String text, int maxChars) {
        String s = unmaskLinks(neutraliseMentions(text == null ? "" : text.strip()));
        return truncate(escapeLineStarts(breakFences(s)), maxChars);
    }

    /** No two backticks stay adjacent, so no ``` can open or close a code block. */
    static String breakFences(String text) {
        return text.replace("``", "`" + ZWSP + "`").replace("``", "`" + ZWSP + "`");
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
        String body = breakFences(code == null ? "" : code);
        return open + truncate(body, budget) + close;
    }
}
