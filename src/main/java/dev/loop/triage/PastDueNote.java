package dev.loop.triage;

import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily note of promises past due for the team channel: one line per issue, most overdue first, split into
 * messages under Discord's limit. Owners are named, not pinged (the message allows no mentions).
 */
public final class PastDueNote {

    private PastDueNote() {}

    /** The messages to post; empty when nothing is past due. */
    public static List<String> render(List<Issue> pastDue, Instant now) {
        if (pastDue.isEmpty()) return List.of();
        List<Issue> sorted = pastDue.stream()
                .sorted(java.util.Comparator.comparing(Issue::promiseDueAt).thenComparing(Issue::number))
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("⏰ **Promises past due** (" + sorted.size() + ")");
        for (Issue i : sorted) lines.add(line(i, now));
        return Chunker.split(lines);
    }

    static String line(Issue i, Instant now) {
        long epoch = i.promiseDueAt().getEpochSecond();
        return "• **" + i.ref() + "** " + Safe.inline(i.title(), 100) + " — "
                + i.priority().label()
                + ", promised by <t:" + epoch + ":d> (" + overdue(Duration.between(i.promiseDueAt(), now)) + " late)"
                + (i.ownerId() == null ? " · no owner" : " · owner <@" + i.ownerId() + ">");
    }

    /** "3 days", "5 hours", "1 day"; under an hour reads "less than an hour". */
    static String overdue(Duration late) {
        long days = late.toDays();
        if (days >= 1) return days + (days == 1 ? " day" : " days");
        long hours = late.toHours();
        if (hours >= 1) return hours + (hours == 1 ? " hour" : " hours");
        return "less than an hour";
    }
}
