package dev.loop.github;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person types to name a GitHub issue of the configured repository: {@code #123}, {@code 123}, or its URL
 * ({@code https://github.com/owner/name/issues/123}, any host, so GitHub Enterprise works too). A URL of another
 * repository is refused, so nobody imports an issue Loop cannot follow.
 */
public final class GitHubRef {
    private static final Pattern NUMBER = Pattern.compile("#?\\s*([1-9][0-9]{0,8})");
    private static final Pattern URL =
            Pattern.compile("https?://[^/\\s]+/([^/\\s]+)/([^/\\s]+)/(?:issues|pull)/([1-9][0-9]{0,8})(?:[/?#].*)?");

    private GitHubRef() {}

    /** The issue number, or empty when {@code typed} names no issue of {@code repo} ({@code owner/name}). */
    public static Optional<Integer> parse(String typed, String repo) {
        if (typed == null) return Optional.empty();
        String t = typed.strip();
        Matcher n = NUMBER.matcher(t);
        if (n.matches()) return Optional.of(Integer.parseInt(n.group(1)));
        Matcher u = URL.matcher(t);
        if (u.matches()) {
            String named = (u.group(1) + "/" + u.group(2)).toLowerCase(Locale.ROOT);
            if (named.equals(repo.toLowerCase(Locale.ROOT))) return Optional.of(Integer.parseInt(u.group(3)));
        }
        return Optional.empty();
    }
}
