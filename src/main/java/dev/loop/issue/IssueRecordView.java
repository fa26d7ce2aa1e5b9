package dev.loop.issue;

import java.util.List;
import java.util.Optional;

/**
 * An issue with everything attached to it, as the issue card and `/issue show` need it. {@code proposal} is what
 * the requesters said of the latest proposed solution, when one was proposed.
 */
public record IssueRecordView(
        Issue issue,
        List<Place> places,
        List<Requester> requesters,
        int transcriptLines,
        List<HistoryEntry> history,
        Optional<ProposalTally> proposal) {

    public IssueRecordView(
            Issue issue,
            List<Place> places,
            List<Requester> requesters,
            int transcriptLines,
            List<HistoryEntry> history) {
        this(issue, places, requesters, transcriptLines, history, Optional.empty());
    }

    /** The history entry type triage writes when the solution is not straightforward and needs design. */
    public static final String NEEDS_DESIGN = "design";

    /** The part of the record its card shows. */
    public IssueCard card() {
        return new IssueCard(
                issue,
                places,
                requesters.size(),
                history.stream().anyMatch(h -> NEEDS_DESIGN.equals(h.type())),
                proposal);
    }
}
