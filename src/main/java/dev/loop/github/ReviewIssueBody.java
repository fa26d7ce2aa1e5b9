package dev.loop.github;

import dev.loop.issue.Issue;
import java.util.List;

/**
 * The text of a release's "Docs and copy to review for vX.Y.Z" GitHub issue: a checkbox for the announcement and one
 * per issue flagged "needs docs or copy changes", each naming the issue, its kind and area, what it is about and
 * where it lives (its GitHub issue and the Discord conversation it came from). Pure: imports no client.
 */
final class ReviewIssueBody {

    private ReviewIssueBody() {}

    /** The hidden marker that finds the issue again after a stop between creating it and recording it. */
    static String marker(long releaseId) {
        return "<!-- loop:review:" + releaseId + " -->";
    }

    /** "Docs and copy to review for v1.4.0" (a version that starts with a digit gets its "v"). */
    static String title(String version) {
        String v = !version.isEmpty() && Character.isDigit(version.charAt(0)) ? "v" + version : version;
        String title =
                ("Docs and copy to review for " + v).replaceAll("\\s+", " ").strip();
        return title.length() > 256 ? title.substring(0, 255) + "…" : title;
    }

    /** One flagged issue as the review shows it. */
    record Item(Issue issue, String githubUrl, String discordUrl) {}

    static String render(long releaseId, String version, String announcementUrl, List<Item> items) {
        StringBuilder b = new StringBuilder();
        b.append("Release **")
                .append(GitHubText.line(version, 64))
                .append("** changed what people read. Tick each item once its docs and copy are reviewed")
                .append(" (and changed where needed).\n\n");
        b.append("- [ ] The announcement text");
        if (announcementUrl != null) b.append(": ").append(announcementUrl);
        b.append('\n');
        for (Item item : items) {
            Issue i = item.issue();
            b.append("- [ ] **Loop #").append(i.number()).append("** ").append(GitHubText.line(i.title(), 150));
            b.append(" (").append(i.kind().label());
            if (i.area() != null && !i.area().isBlank()) b.append(", area ").append(GitHubText.line(i.area(), 60));
            b.append(')');
            if (item.githubUrl() != null) b.append(" — ").append(item.githubUrl());
            if (item.discordUrl() != null) b.append(" — asked in ").append(item.discordUrl());
            String summary = i.summary() == null ? "" : i.summary().strip();
            if (!summary.isEmpty()) b.append("\n  ").append(GitHubText.line(firstLine(summary), 300));
            b.append('\n');
        }
        if (items.isEmpty()) b.append("\nNo issue in this release was flagged as needing docs or copy changes.\n");
        b.append('\n').append(marker(releaseId)).append('\n');
        return b.toString();
    }

    private static final java.util.regex.Pattern BOX =
            java.util.regex.Pattern.compile("^\\s*[-*+]\\s+\\[([ xX])\\]\\s+(.*)$");
    private static final java.util.regex.Pattern LOOP_ISSUE =
            java.util.regex.Pattern.compile("^\\*\\*Loop #(\\d+)\\*\\*");

    /**
     * Which boxes of a review issue's body are ticked, as people leave it on GitHub: the announcement's box and each
     * flagged issue's, in the order they appear; a box whose line no longer names its item is not counted.
     */
    static List<ReviewSource.Tick> ticks(String body) {
        List<ReviewSource.Tick> ticks = new java.util.ArrayList<>();
        if (body == null) return ticks;
        for (String line : body.split("\\r?\\n")) {
            java.util.regex.Matcher box = BOX.matcher(line);
            if (!box.matches()) continue;
            boolean ticked = !box.group(1).equals(" ");
            String rest = box.group(2);
            if (rest.startsWith("The announcement text")) {
                ticks.add(new ReviewSource.Tick(null, ticked));
                continue;
            }
            java.util.regex.Matcher issue = LOOP_ISSUE.matcher(rest);
            if (issue.find() && issue.group(1).length() < 10)
                ticks.add(new ReviewSource.Tick(Integer.parseInt(issue.group(1)), ticked));
        }
        return ticks;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
