package dev.loop.issue.merge;

import dev.loop.issue.Bump;
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
 * What {@code /issue merge from into} changes, worked out before touching storage.
 *
 * <p>Every place, requester and transcript line of {@code from} moves to {@code into} unless {@code into} already
 * has the same one (same URL, same person, same message); those stay behind on {@code from}, so nothing is lost
 * and the unique constraints hold. Moved rows keep their {@code origin_issue}, which is what lets
 * {@link UnmergePlan} move back exactly what came from {@code from}. Issues that were duplicates of {@code from}
 * are pointed at {@code into}, so no issue is ever a duplicate of a duplicate.
 *
 * <p>Whether the issues exist is for storage to check; everything else is checked here.
 */
public record MergePlan(
        int from,
        int into,
        List<Long> placesToMove,
        List<Long> placesLeftBehind,
        List<Long> requestersToMove,
        List<Long> requestersLeftBehind,
        List<Long> transcriptToMove,
        List<Long> transcriptLeftBehind,
        List<Integer> duplicatesToRedirect,
        Bump.Counts intoBefore,
        Bump.Counts intoAfter) {

    public MergePlan {
        placesToMove = List.copyOf(placesToMove);
        placesLeftBehind = List.copyOf(placesLeftBehind);
        requestersToMove = List.copyOf(requestersToMove);
        requestersLeftBehind = List.copyOf(requestersLeftBehind);
        transcriptToMove = List.copyOf(transcriptToMove);
        transcriptLeftBehind = List.copyOf(transcriptLeftBehind);
        duplicatesToRedirect = List.copyOf(duplicatesToRedirect);
    }

    /** The answer to a merge request: a plan, or the reason it is refused (shown to the engineer as is). */
    public sealed interface Check permits Allowed, Refused {}

    public record Allowed(MergePlan plan) implements Check {}

    public record Refused(String message) implements Check {}

    /**
     * Plans merging {@code from} into {@code into}.
     *
     * @param duplicatesOfFrom numbers of issues whose {@code duplicate_of} is {@code from}
     */
    public static Check plan(
            Issue from, IssueRows fromRows, Issue into, IssueRows intoRows, List<Integer> duplicatesOfFrom) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(into, "into");
        if (from.number() == into.number()) return new Refused("an issue can't be merged into itself");
        if (into.status() == IssueStatus.DUPLICATE) {
            return new Refused(
                    into.duplicateOf() == null
                            ? into.ref() + " is a duplicate; merge into the issue it duplicates instead"
                            : into.ref() + " is a duplicate of #" + into.duplicateOf() + "; merge into #"
                                    + into.duplicateOf() + " instead");
        }
        if (from.status() == IssueStatus.DUPLICATE) {
            return new Refused(
                    from.duplicateOf() == null
                            ? from.ref() + " is already a duplicate"
                            : from.ref() + " is already a duplicate of #" + from.duplicateOf());
        }
        fromRows.requireIssue(from.number());
        intoRows.requireIssue(into.number());

        Set<String> intoUrls = new HashSet<>();
        for (Place p : intoRows.places()) intoUrls.add(p.url());
        Set<Long> intoUsers = new HashSet<>();
        for (Requester r : intoRows.requesters()) intoUsers.add(r.userId());
        Set<Long> intoMessages = new HashSet<>();
        for (TranscriptRef t : intoRows.transcript()) intoMessages.add(t.messageId());

        List<Long> placesMove = new ArrayList<>(), placesStay = new ArrayList<>();
        for (Place p : fromRows.places()) (intoUrls.add(p.url()) ? placesMove : placesStay).add(p.id());
        List<Long> reqMove = new ArrayList<>(), reqStay = new ArrayList<>();
        for (Requester r : fromRows.requesters()) (intoUsers.add(r.userId()) ? reqMove : reqStay).add(r.id());
        List<Long> lineMove = new ArrayList<>(), lineStay = new ArrayList<>();
        for (TranscriptRef t : fromRows.transcript())
            (intoMessages.add(t.messageId()) ? lineMove : lineStay).add(t.id());

        List<Integer> redirect = duplicatesOfFrom.stream()
                .filter(n -> n != into.number() && n != from.number())
                .sorted()
                .toList();
        Bump.Counts before =
                new Bump.Counts(intoRows.places().size(), intoRows.requesters().size());
        Bump.Counts after = new Bump.Counts(before.places() + placesMove.size(), before.requesters() + reqMove.size());
        return new Allowed(new MergePlan(
                from.number(),
                into.number(),
                placesMove,
                placesStay,
                reqMove,
                reqStay,
                lineMove,
                lineStay,
                redirect,
                before,
                after));
    }

    /** One line for both issues' history. */
    public String summary() {
        return "#" + from + " merged into #" + into + ": moved " + count(placesToMove.size(), "place") + ", "
                + count(requestersToMove.size(), "requester") + ", " + count(transcriptToMove.size(), "transcript line")
                + (placesLeftBehind.size() + requestersLeftBehind.size() + transcriptLeftBehind.size() > 0
                        ? " (" + (placesLeftBehind.size() + requestersLeftBehind.size() + transcriptLeftBehind.size())
                                + " already on #" + into + " kept on #" + from + ")"
                        : "");
    }

    static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
