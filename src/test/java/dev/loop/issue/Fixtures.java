package dev.loop.issue;

import java.time.Instant;

/** Small builders for the shared records, for tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Fixtures() {}

    public static Issue issue(int number, IssueStatus status, Priority priority) {
        return issue(number, status, priority, null);
    }

    public static Issue issue(int number, IssueStatus status, Priority priority, Integer duplicateOf) {
        return new Issue(
                number,
                "Issue " + number,
                IssueKind.BUG,
                "summary",
                status,
                priority,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                duplicateOf,
                null,
                false,
                1,
                9L,
                T0,
                T0,
                null,
                null,
                null);
    }

    public static Issue withPromise(int number, IssueStatus status, Instant promiseDueAt) {
        return new Issue(
                number,
                "Issue " + number,
                IssueKind.BUG,
                "summary",
                status,
                Priority.HIGH,
                null,
                null,
                null,
                null,
                false,
                promiseDueAt,
                null,
                null,
                null,
                false,
                1,
                9L,
                T0,
                T0,
                T0,
                null,
                null);
    }

    public static Place place(long id, int issue, int origin, String url) {
        return new Place(id, issue, origin, Place.PlaceKind.THREAD, 1L, 2L, id * 10, null, null, url, "t", 9L, T0);
    }

    public static Requester requester(long id, int issue, int origin, long user) {
        return new Requester(id, issue, origin, user, Requester.How.AUTHOR, null, 9L, T0);
    }
}
