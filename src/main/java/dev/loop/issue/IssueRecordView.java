package dev.loop.issue;

import java.util.List;

/** An issue with everything attached to it, as the issue card and `/issue show` need it. */
public record IssueRecordView(
        Issue issue,
        List<Place> places,
        List<Requester> requesters,
        int transcriptLines,
        List<HistoryEntry> history) {
}
