package dev.loop.github;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub issues a pull request says it closes, read as GitHub reads them: one of the closing keywords (close,
 * closes, closed, fix, fixes, fixed, resolve, resolves, resolved; any case, an optional colon) right before a
 * reference to an issue of this repository: {@code #123}, {@code owner/repo#123} or the address. A keyword
 * covers one reference only ("fixes #1, #2" closes #1), and references to other repositories are not ours.
 */
final class ClosingKeywords {

    /** Longer than any real reference list; a body is read no further (bodies are bounded by GitHub anyway). */
    static final int MAX_TEXT = 65_536;

    private static final Pattern CLOSING = Pattern.compile(
            "(?<![\\w/#-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \\t]+"
                    + "(?:(?<repo>[\\w.-]+/[\\w.-]+)?#(?<n>\\d{1,9})"
                    + "|https?://[^/\\s]+/(?<urlrepo>[\\w.-]+/[\\w.-]+)/issues/(?<un>\\d{1,9}))"
                    + "(?![\\w/])",
            Pattern.CASE_INSENSITIVE);

    private ClosingKeywords() {}

    /** The issue numbers of {@code repo} ("owner/name") that {@code texts} close, in order, each once. */
    static List<Integer> closed(String repo, String... texts) {
        Set<Integer> out = new LinkedHashSet<>();
        String mine = repo.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text == null) continue;
            String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            Matcher m = CLOSING.matcher(t);
            while (m.find()) {
                String other = m.group("repo") != null ? m.group("repo") : m.group("urlrepo");
                String number = m.group("n") != null ? m.group("n") : m.group("un");
                if (other != null && !other.toLowerCase(Locale.ROOT).equals(mine)) continue;
                int n = Integer.parseInt(number);
                if (n > 0) out.add(n);
            }
        }
        return List.copyOf(out);
    }
}
