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

    /** What a typed GitHub reference names, for answers that say exactly what is wrong with it. */
    public sealed interface Reading {
        /** An issue (or, typed as a number, perhaps a pull request) of the configured repository. */
        record Number(int number) implements Reading {}

        /** The address of a pull request of the configured repository. */
        record PullRequest(int number) implements Reading {}

        /** An address of another repository ({@code owner/name}), or on a host that is not the configured GitHub. */
        record OtherRepository(String repo) implements Reading {}

        /** Neither a number nor an issue address. */
        record Unreadable() implements Reading {}
    }

    /**
     * Reads {@code typed} against {@code repo} on github.com or the host of {@code apiUrl} (GitHub Enterprise, the
     * simulator): a number, the address of an issue or pull request, or an address Loop does not follow.
     */
    public static Reading read(String typed, String repo, String apiUrl) {
        if (typed == null) return new Reading.Unreadable();
        String t = typed.strip();
        Matcher n = NUMBER.matcher(t);
        if (n.matches()) return new Reading.Number(Integer.parseInt(n.group(1)));
        Matcher u = ADDRESS.matcher(t);
        if (!u.matches()) return new Reading.Unreadable();
        String host = u.group(1).toLowerCase(Locale.ROOT);
        String named = u.group(2) + "/" + u.group(3);
        if (!named.equalsIgnoreCase(repo) || !knownHost(host, apiUrl)) return new Reading.OtherRepository(named);
        int number = Integer.parseInt(u.group(5));
        return u.group(4).equals("pull") ? new Reading.PullRequest(number) : new Reading.Number(number);
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "https?://([^/\\s:]+)(?::[0-9]+)?/([^/\\s]+)/([^/\\s]+)/(issues|pull)/([1-9][0-9]{0,8})(?:[/?#].*)?");

    private static boolean knownHost(String host, String apiUrl) {
        if (host.equals("github.com") || host.equals("www.github.com")) return true;
        try {
            String api = java.net.URI.create(apiUrl).getHost();
            return api != null && api.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
