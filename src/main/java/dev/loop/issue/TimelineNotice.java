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
        return "Update on **" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + ": it's **" + priority.label()
                + "**" + (text.isEmpty() ? "." : " — " + text + ".");
    }

    /** Said when an engineer starts working on the issue. */
    public static String working(Issue issue) {
        return "Good news on **" + issue.ref() + "** " + Safe.inline(issue.title(), 150)
                + ": someone on the team is working on it now.";
    }
}
