package dev.loop.release;

import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a release may contain: a new, printable version and issues that exist, are listed once and are still open
 * or in progress. Every refusal is a sentence for the engineer; none of them echoes typed text unescaped.
 */
public final class ReleaseRules {

    /** The stored column's width; also what notices show. */
    public static final int MAX_VERSION = 64;
    /** More than this in one release reads as a typo (and would not fit any announcement). */
    public static final int MAX_ISSUES = 100;

    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,9})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private ReleaseRules() {}

    /** The version as it will be stored: trimmed, inner whitespace collapsed. */
    public static String normaliseVersion(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }

    /** Why this version can't be used, if it can't. */
    public static Optional<String> versionProblem(String version) {
        if (version.isEmpty()) return Optional.of("Give the release a version, like 1.4.0.");
        if (version.length() > MAX_VERSION) {
            return Optional.of("A version can be at most " + MAX_VERSION + " characters long.");
        }
        if (version.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("A version can't contain control characters.");
        }
        return Optional.empty();
    }

    /** Issue numbers as typed ("#3 #5", "3, 5"), in the order given, with whatever could not be read. */
    public record ParsedNumbers(List<Integer> numbers, List<String> unreadable) {
        public ParsedNumbers {
            numbers = List.copyOf(numbers);
            unreadable = List.copyOf(unreadable);
        }
    }

    public static ParsedNumbers parseNumbers(String typed) {
        List<Integer> numbers = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (typed == null) return new ParsedNumbers(numbers, unreadable);
        for (String token : SEPARATORS.split(typed.strip())) {
            if (token.isEmpty()) continue;
            Matcher m = NUMBER.matcher(token);
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) numbers.add(Integer.parseInt(m.group(1)));
            else unreadable.add(token);
        }
        return new ParsedNumbers(numbers, unreadable);
    }

    /**
     * Every reason the requested issues can't ship, one sentence each, in the order the issues were given.
     *
     * @param found the requested issues that exist, by number
     */
    public static List<String> issueProblems(ParsedNumbers requested, Map<Integer, Issue> found) {
        List<String> problems = new ArrayList<>();
        for (String u : requested.unreadable()) {
            problems.add("“" + Safe.inline(u, 30) + "” is not an issue number; list issues like #3 #5.");
        }
        if (requested.unreadable().isEmpty() && requested.numbers().isEmpty()) {
            problems.add("List at least one issue to ship, like #3 #5.");
        }
        if (requested.numbers().size() > MAX_ISSUES) {
            problems.add("A release can ship at most " + MAX_ISSUES + " issues.");
        }
        Set<Integer> seen = new HashSet<>();
        Set<Integer> reported = new LinkedHashSet<>();
        for (int n : requested.numbers()) {
            if (!seen.add(n)) {
                if (reported.add(n)) problems.add("#" + n + " is listed more than once.");
                continue;
            }
            Issue issue = found.get(n);
            if (issue == null) {
                problems.add("There is no issue #" + n + ".");
                continue;
            }
            switch (issue.status()) {
                case OPEN, IN_PROGRESS, FIXED -> {}
                case SHIPPED ->
                    problems.add("#" + n + " already shipped"
                            + (issue.shippedVersion() == null
                                    ? ""
                                    : " in " + Safe.inline(issue.shippedVersion(), MAX_VERSION))
                            + ".");
                case CLOSED -> problems.add("#" + n + " is closed without shipping; it can't be part of a release.");
                case DUPLICATE ->
                    problems.add("#" + n + " is a duplicate"
                            + (issue.duplicateOf() == null
                                    ? ""
                                    : " of #" + issue.duplicateOf() + "; ship #" + issue.duplicateOf() + " instead")
                            + ".");
            }
        }
        return problems;
    }

    /** The distinct numbers in the order given (only meaningful once {@link #issueProblems} found nothing). */
    public static List<Integer> distinct(ParsedNumbers parsed) {
        return List.copyOf(new LinkedHashSet<>(parsed.numbers()));
    }

    /**
     * For autocomplete on the last number of a list: what comes before it (kept as typed, normalised to
     * "#3 #5 ") and the part still being typed.
     */
    public record Typing(String done, String current) {}

    public static Typing typing(String typed) {
        String t = typed == null ? "" : typed;
        int cut = t.length();
        while (cut > 0 && !SEPARATORS.matcher(String.valueOf(t.charAt(cut - 1))).matches()) cut--;
        ParsedNumbers before = parseNumbers(t.substring(0, cut));
        StringBuilder done = new StringBuilder();
        for (int n : before.numbers()) done.append('#').append(n).append(' ');
        return new Typing(done.toString(), t.substring(cut).strip());
    }
}
