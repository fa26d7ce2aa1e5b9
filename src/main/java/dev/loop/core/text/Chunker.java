package dev.loop.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into Discord messages. Lines stay whole whenever they fit; a line too long for one message is split
 * at a space, or failing that at a character boundary, but never inside a mention, channel link, emoji or
 * timestamp ({@code <@1>}, {@code <@&1>}, {@code <#1>}, {@code <:name:1>}, {@code <t:1:R>}), so no chunk ends
 * with half a mention that would render as raw text.
 */
public final class Chunker {

    /** Discord's content limit for a message. */
    public static final int MESSAGE_LIMIT = 2000;

    private static final Pattern TOKEN = Pattern.compile("<(?:@[!&]?|#|a?:\\w{1,32}:|t:)[^<>\\s]{1,40}>");

    private Chunker() {}

    /** {@link #split(List, int)} with {@link #MESSAGE_LIMIT}. */
    public static List<String> split(List<String> lines) {
        return split(lines, MESSAGE_LIMIT);
    }

    /**
     * Joins {@code lines} with newlines into as few chunks as possible, each at most {@code maxChars} UTF-16
     * units. No chunk is empty; an empty input gives no chunks.
     */
    public static List<String> split(List<String> lines, int maxChars) {
        if (maxChars < 50) throw new IllegalArgumentException("maxChars too small to keep mentions whole: " + maxChars);
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            Objects.requireNonNull(line, "line");
            for (String piece : splitLine(line, maxChars)) {
                int needed = current.isEmpty() ? piece.length() : current.length() + 1 + piece.length();
                if (needed > maxChars) {
                    flush(chunks, current);
                }
                if (!current.isEmpty()) current.append('\n');
                current.append(piece);
            }
        }
        flush(chunks, current);
        return chunks;
    }

    private static void flush(List<String> chunks, StringBuilder current) {
        if (!current.toString().isBlank()) chunks.add(current.toString());
        current.setLength(0);
    }

    /** One line cut into pieces that each fit. */
    static List<String> splitLine(String line, int maxChars) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (rest.length() > maxChars) {
            int cut = safeCut(rest, maxChars);
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }

    /** A cut point in (0, maxChars] that is at a space if possible and never inside a token or a character. */
    private static int safeCut(String s, int maxChars) {
        int space = -1;
        for (int i = maxChars; i > maxChars / 2; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                space = i;
                break;
            }
        }
        int cut = space > 0 ? space : Safe.cutPoint(s, maxChars);
        Matcher m = TOKEN.matcher(s);
        while (m.find() && m.start() < cut) {
            if (m.end() > cut && m.start() > 0) return m.start();
        }
        return cut;
    }

    /**
     * Packs {@code items} (each kept whole) into groups for messages made of a fixed part plus the items joined by
     * {@code separator}: each group's rendered items plus {@code overhead} characters fit in {@code maxChars}, and
     * no group has more than {@code maxItems} items. Used for mention lists, where Discord also caps the number of
     * users a message may ping.
     */
    public static <T> List<List<T>> pack(
            List<T> items, Function<T, String> render, String separator, int overhead, int maxChars, int maxItems) {
        if (maxItems < 1) throw new IllegalArgumentException("maxItems must be at least 1");
        List<List<T>> groups = new ArrayList<>();
        List<T> group = new ArrayList<>();
        int length = overhead;
        for (T item : items) {
            int itemLength = render.apply(item).length();
            if (overhead + itemLength > maxChars) {
                throw new IllegalArgumentException("item does not fit in a message: " + render.apply(item));
            }
            int added = group.isEmpty() ? itemLength : separator.length() + itemLength;
            if (group.size() == maxItems || length + added > maxChars) {
                groups.add(List.copyOf(group));
                group = new ArrayList<>();
                length = overhead;
                added = itemLength;
            }
            group.add(item);
            length += added;
        }
        if (!group.isEmpty()) groups.add(List.copyOf(group));
        return groups;
    }
}
