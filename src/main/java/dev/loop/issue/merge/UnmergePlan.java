package dev.loop.issue.merge;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code /issue unmerge} changes: the rows on {@code into} whose {@code origin_issue} is {@code from} go back
 * to {@code from}, and {@code from} is open again. Rows first added to {@code into} (or to any other issue) stay.
 * The rows a merge left behind never moved, so after an unmerge {@code from} has exactly what it had.
 *
 * <p>Should {@code from} meanwhile hold the same URL, person or message as a row about to move back (it should
 * not: new requests go to the surviving issue), that row stays on {@code into} rather than breaking a unique
 * constraint, and is listed in {@code keptOnInto}.
 */
public record UnmergePlan(
        int from,
        int into,
        List<Long> placesToMoveBack,
        List<Long> requestersToMoveBack,
        List<Long> transcriptToMoveBack,
        List<Long> keptOnInto,
        IssueStatus restoredStatus) {

    public UnmergePlan {
        placesToMoveBack = List.copyOf(placesToMoveBack);
        requestersToMoveBack = List.copyOf(requestersToMoveBack);
        transcriptToMoveBack = List.copyOf(transcriptToMoveBack);
        keptOnInto = List.copyOf(keptOnInto);
    }

    public sealed interface Check permits Allowed, Refused {}

    public record Allowed(UnmergePlan plan) implements Check {}

    public record Refused(String message) implements Check {}

    /**
     * Plans undoing the merge of {@code from} into {@code into}.
     *
     * @param intoRows the rows now on {@code into}
     * @param fromRows the rows now on {@code from} (those a merge left behind)
     */
    public static Check plan(Issue from, IssueRows fromRows, Issue into, IssueRows intoRows) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(into, "into");
        if (from.status() != IssueStatus.DUPLICATE) {
            return new Refused(from.ref() + " is not a duplicate, so there is nothing to unmerge");
        }
        if (from.duplicateOf() == null || from.duplicateOf() != into.number()) {
            return new Refused(from.ref() + " is a duplicate of "
                    + (from.duplicateOf() == null ? "no recorded issue" : "#" + from.duplicateOf()) + ", not "
                    + into.ref());
        }
        fromRows.requireIssue(from.number());
        intoRows.requireIssue(into.number());
        int origin = from.number();

        Set<String> fromUrls = new HashSet<>();
        for (Place p : fromRows.places()) fromUrls.add(p.url());
        Set<Long> fromUsers = new HashSet<>();
        for (Requester r : fromRows.requesters()) fromUsers.add(r.userId());
        Set<Long> fromMessages = new HashSet<>();
        for (TranscriptRef t : fromRows.transcript()) fromMessages.add(t.messageId());

        List<Long> places = new ArrayList<>(), requesters = new ArrayList<>(), lines = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (Place p : intoRows.places()) {
            if (p.originIssue() == origin) (fromUrls.add(p.url()) ? places : kept).add(p.id());
        }
        for (Requester r : intoRows.requesters()) {
            if (r.originIssue() == origin) (fromUsers.add(r.userId()) ? requesters : kept).add(r.id());
        }
        for (TranscriptRef t : intoRows.transcript()) {
            if (t.originIssue() == origin) (fromMessages.add(t.messageId()) ? lines : kept).add(t.id());
        }
        return new Allowed(
                new UnmergePlan(from.number(), into.number(), places, requesters, lines, kept, IssueStatus.OPEN));
    }

    /** One line for both issues' history. */
    public String summary() {
        return "#" + from + " unmerged from #" + into + ": moved back "
                + MergePlan.count(placesToMoveBack.size(), "place") + ", "
                + MergePlan.count(requestersToMoveBack.size(), "requester") + ", "
                + MergePlan.count(transcriptToMoveBack.size(), "transcript line");
    }
}
