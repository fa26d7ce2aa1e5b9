package dev.loop.issue;

import java.util.List;
import java.util.Optional;

/**
 * What an issue card shows, and no more: the issue, its places, how many asked, whether triage said it needs design,
 * and what the requesters said of the latest proposed solution. Every Me too redraws the card, so it is read in a
 * few queries ({@link IssueStore#card}) without loading the requesters or the history themselves.
 */
public record IssueCard(
        Issue issue, List<Place> places, int requesters, boolean needsDesign, Optional<ProposalTally> proposal) {

    public IssueCard {
        places = List.copyOf(places);
    }

    /** In design: triage said the solution needs design, and no proposed solution has been recorded yet. */
    public boolean inDesign() {
        return issue.status().isActive() && proposal.isEmpty() && needsDesign;
    }
}
