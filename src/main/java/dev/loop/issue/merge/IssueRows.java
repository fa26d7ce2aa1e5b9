package dev.loop.issue.merge;

import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.List;

/** The rows currently attached to one issue. */
public record IssueRows(List<Place> places, List<Requester> requesters, List<TranscriptRef> transcript) {
    public IssueRows {
        places = List.copyOf(places);
        requesters = List.copyOf(requesters);
        transcript = List.copyOf(transcript);
    }

    public static IssueRows empty() {
        return new IssueRows(List.of(), List.of(), List.of());
    }

    void requireIssue(int number) {
        for (Place p : places) if (p.issueNumber() != number) throw wrong("place", p.id(), number);
        for (Requester r : requesters) if (r.issueNumber() != number) throw wrong("requester", r.id(), number);
        for (TranscriptRef t : transcript)
            if (t.issueNumber() != number) throw wrong("transcript line", t.id(), number);
    }

    private static IllegalArgumentException wrong(String what, long id, int number) {
        return new IllegalArgumentException(what + " " + id + " is not on #" + number);
    }
}
