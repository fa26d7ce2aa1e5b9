package dev.loop.issue.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A safe SQLite FTS5 {@code MATCH} expression built from whatever a person typed.
 *
 * <p>FTS5 has its own query language: quotes, {@code AND}/{@code OR}/{@code NOT}/{@code NEAR}, {@code *}
 * prefixes, {@code ^} anchors, {@code column:} filters and parentheses. Passing user text through would turn a
 * title like {@code "crash: NOT working"} into a syntax error or a different query. So the text is cut into words
 * (runs of letters, digits and combining marks, as FTS5's unicode61 tokenizer sees them), lower-cased, stripped of
 * stop words and duplicates, capped at {@value #MAX_TOKENS} words, and every word is quoted as a string literal and
 * joined with {@code OR}. bm25 then ranks issues that share more, and rarer, words higher. A version number or dotted
 * code ({@code 2.4.1}, {@code v2.0}) becomes one quoted phrase of its parts ({@code "2 4 1"}): the tokenizer indexed
 * those parts side by side, and a lone digit on its own would be dropped as too common.
 *
 * <p>The expression must still be passed as a bound parameter, never concatenated into SQL.
 */
public record FtsQuery(List<String> tokens) {

    public static final int MAX_TOKENS = 32;
    /** Longer "words" are pasted hashes or base64, useless for matching. */
    static final int MAX_TOKEN_LENGTH = 40;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
            "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "get", "gets", "got", "had",
            "has", "have", "having", "he", "her", "here", "hey", "hi", "hello", "him", "his", "how", "i", "if", "im",
            "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "of", "on", "or", "our", "please", "pls",
            "so", "some", "than", "thank", "thanks", "that", "the", "their", "them", "then", "there", "these", "they",
            "this", "those", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "why", "will", "with", "would", "you", "your");

    public FtsQuery {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) throw new IllegalArgumentException("an FTS query needs at least one token");
    }

    /** The words of {@code text} as a query; empty when nothing searchable is left. Null reads as empty text. */
    public static Optional<FtsQuery> fromText(String text) {
        if (text == null) return Optional.empty();
        Set<String> tokens = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i <= text.length() && tokens.size() < MAX_TOKENS) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            int next = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
            } else if (cp == '.' && !word.isEmpty() && next < text.length() && isWordChar(text.codePointAt(next))) {
                // "2.4.1": the tokenizer indexes 2, 4 and 1 side by side; keep the parts to search them as a phrase
                parts.add(word.toString());
                word.setLength(0);
            } else if (!word.isEmpty()) {
                parts.add(word.toString());
                keepParts(parts, tokens);
                parts.clear();
                word.setLength(0);
            }
            i = next;
        }
        return tokens.isEmpty() ? Optional.empty() : Optional.of(new FtsQuery(new ArrayList<>(tokens)));
    }

    /**
     * Words joined by dots: a version number or a dotted code (any part with a digit) is one phrase of its parts, so
     * "2.4.1" finds "2.4.1" and not every text with a 2 in it; other dotted text ("end.next") is separate words.
     */
    private static void keepParts(List<String> parts, Set<String> tokens) {
        boolean dotted =
                parts.size() > 1 && parts.stream().anyMatch(p -> p.chars().anyMatch(Character::isDigit));
        if (!dotted) {
            for (String p : parts) keep(p, tokens);
            return;
        }
        String phrase = String.join(" ", parts).toLowerCase(Locale.ROOT);
        if (phrase.length() <= MAX_TOKEN_LENGTH) tokens.add(phrase);
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.PRIVATE_USE;
    }

    private static void keep(String raw, Set<String> tokens) {
        String w = raw.toLowerCase(Locale.ROOT);
        int length = w.codePointCount(0, w.length());
        if (length > MAX_TOKEN_LENGTH) return;
        // A lone Latin letter or digit matches far too much; a lone CJK character is a real word.
        if (length == 1 && w.codePointAt(0) < 0x80) return;
        if (STOP_WORDS.contains(w)) return;
        tokens.add(w);
    }

    /**
     * At most {@code max} of these words: those in the fewest issues, which say most about which issue a text is
     * like, and are also the cheapest to rank (a word in half the issues makes FTS5 score half the index). Words in no
     * issue yet ({@code documentCount} 0) are kept on top of that, as they may be in issues newer than the counts and
     * cost nothing to look up otherwise. Ties keep the text's order.
     */
    public FtsQuery distinctive(ToIntFunction<String> documentCount, int max) {
        return distinctive(documentCount, max, Long.MAX_VALUE);
    }

    /**
     * {@link #distinctive(ToIntFunction, int)} within a budget: rarer words are taken while the issues they are in add
     * up to at most {@code budget} (ranking costs about that many rows), but always at least two words, so a text made
     * only of common words is still searched by its two rarest.
     */
    public FtsQuery distinctive(ToIntFunction<String> documentCount, int max, long budget) {
        List<String> unknown = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (String t : tokens) (documentCount.applyAsInt(t) == 0 ? unknown : known).add(t);
        known.sort(Comparator.comparingInt(documentCount::applyAsInt));
        int keepKnown = 0;
        long rows = 0;
        while (keepKnown < Math.min(max, known.size())) {
            int n = documentCount.applyAsInt(known.get(keepKnown));
            if (keepKnown >= 2 && rows + n > budget) break;
            rows += n;
            keepKnown++;
        }
        Set<String> keep = new LinkedHashSet<>(unknown.subList(0, Math.min(max, unknown.size())));
        keep.addAll(known.subList(0, keepKnown));
        if (keep.size() == tokens.size()) return this;
        List<String> ordered = new ArrayList<>();
        for (String t : tokens) if (keep.contains(t)) ordered.add(t);
        return new FtsQuery(ordered);
    }

    /**
     * These words less those in more than half of the {@code documents}; empty when every word is. FTS5's bm25 gives
     * such a word no weight (its idf, log((N - n + 0.5) / (n + 0.5)), is at most zero and becomes 1e-6), so it
     * changes no ranking, yet bm25 counts every issue it is in to find that out: the dearest part of a search for
     * "app crash" among many issues.
     */
    public Optional<FtsQuery> withoutWordsInMostOf(ToIntFunction<String> documentCount, int documents) {
        List<String> weighed = new ArrayList<>();
        for (String t : tokens) if (documentCount.applyAsInt(t) * 2L <= documents) weighed.add(t);
        if (weighed.size() == tokens.size()) return Optional.of(this);
        return weighed.isEmpty() ? Optional.empty() : Optional.of(new FtsQuery(weighed));
    }

    /** The MATCH expression, e.g. {@code "dark" OR "mode" OR "crash"}. */
    public String match() {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (!sb.isEmpty()) sb.append(" OR ");
            // Tokens hold no quotes by construction; doubling them anyway keeps this safe if that ever changes.
            sb.append('"').append(t.replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }
}
