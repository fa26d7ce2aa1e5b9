package dev.loop.issue;

import dev.loop.core.text.Safe;

/**
 * What the people who asked for an issue are told when it gets a priority or someone starts on it. The timeline
 * wording comes from the configuration; this class only frames it.
 */
public final class TimelineNotice {

    private TimelineNotice() {}

    /** e.g. "Update on **#12** Installer crashes: it's **High** — this week or next week." */
    public static String of(Issue issue, Priority priority, String timelineText) {
        String text = timelineText == null ? "" : timelineText.strip();
        while (text.endsWith(".")) text = text.substring(0, text.length() - 1);
        return "Update on " + IssueViews.named(issue) + ": it's **" + priority.label() + "**"
                + (text.isEmpty() ? "." : " — " + text + ".");
    }

    /**
     * Said when the team lowers a triaged issue: the earlier promise is withdrawn in so many words, so nobody is left
     * holding it. e.g. "Update on **#12** Installer crashes: the team moved it down from **High** to **Low**, so
     * "this week or next week" no longer holds. We won't get to it right away — …"
     */
    public static String lowered(Issue issue, Priority from, String fromText, String toText) {
        String was = trimmed(fromText);
        String now = trimmed(toText);
        return "Update on " + IssueViews.named(issue) + ": the team moved it down from **" + from.label() + "** to **"
                + issue.priority().label() + "**, so the earlier promise"
                + (was.isEmpty() ? "" : " (" + was + ")") + " no longer holds."
                + (now.isEmpty() ? "" : " " + Character.toUpperCase(now.charAt(0)) + now.substring(1) + ".");
    }

    /**
     * Said when the team lowers an issue whose earlier priority promised nothing, e.g. "Update on **#12** Installer
     * crashes: the team moved it down from **High** to **Low**. We won't get to it right away — …"
     */
    public static String movedDown(Issue issue, Priority from, String toText) {
        String now = trimmed(toText);
        return "Update on " + IssueViews.named(issue) + ": the team moved it down from **" + from.label() + "** to **"
                + issue.priority().label() + "**."
                + (now.isEmpty() ? "" : " " + Character.toUpperCase(now.charAt(0)) + now.substring(1) + ".");
    }

    private static String trimmed(String text) {
        String t = text == null ? "" : text.strip();
        while (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** Said when an engineer closes the issue without a change, with their reason. */
    public static String closed(Issue issue, String reason) {
        return "We closed " + IssueViews.named(issue) + " without a change. The reason: "
                + IssueCommands.sentenceEnd(Safe.inline(reason, 300)) + " Thanks for raising it.";
    }

    /** Said when an engineer starts working on the issue. */
    public static String working(Issue issue) {
        return "Good news on " + IssueViews.named(issue) + ": someone on the team is working on it now.";
    }
}
