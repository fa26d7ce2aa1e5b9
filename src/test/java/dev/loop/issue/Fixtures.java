package dev.loop.issue;

import java.time.Instant;
import java.util.List;

/** Small builders for the shared records, for tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Fixtures() {}

    public static Issue issue(int number, IssueStatus status, Priority priority) {
        return issue(number, status, priority, null);
    }

    public static Issue issue(int number, IssueStatus status, Priority priority, Integer duplicateOf) {
        return numbered(number)
                .status(status)
                .priority(priority)
                .duplicateOf(duplicateOf)
                .build();
    }

    public static Issue withPromise(int number, IssueStatus status, Instant promiseDueAt) {
        return numbered(number)
                .status(status)
                .priority(Priority.HIGH)
                .promiseDueAt(promiseDueAt)
                .triagedAt(T0)
                .build();
    }

    /** An issue "Issue n", open and untriaged, made at {@link #T0}; change what the test is about. */
    public static IssueBuilder numbered(int number) {
        return new IssueBuilder(number);
    }

    /** The fields of {@link Issue} tests vary; the rest keep plain values. */
    public static final class IssueBuilder {
        private final int number;
        private String title;
        private String summary = "summary";
        private IssueStatus status = IssueStatus.OPEN;
        private Priority priority = Priority.UNTRIAGED;
        private Long ownerId;
        private Instant promiseDueAt;
        private Integer duplicateOf;
        private int revision = 1;
        private long createdBy = 9L;
        private Instant at = T0;
        private Instant triagedAt;
        private String shippedVersion;
        private String closeReason;

        private IssueBuilder(int number) {
            this.number = number;
            this.title = "Issue " + number;
        }

        public IssueBuilder title(String v) {
            title = v;
            return this;
        }

        public IssueBuilder summary(String v) {
            summary = v;
            return this;
        }

        public IssueBuilder status(IssueStatus v) {
            status = v;
            return this;
        }

        public IssueBuilder priority(Priority v) {
            priority = v;
            return this;
        }

        public IssueBuilder owner(Long v) {
            ownerId = v;
            return this;
        }

        public IssueBuilder promiseDueAt(Instant v) {
            promiseDueAt = v;
            return this;
        }

        public IssueBuilder duplicateOf(Integer v) {
            duplicateOf = v;
            return this;
        }

        public IssueBuilder revision(int v) {
            revision = v;
            return this;
        }

        public IssueBuilder createdBy(long v) {
            createdBy = v;
            return this;
        }

        /** When it was made and last changed. */
        public IssueBuilder at(Instant v) {
            at = v;
            return this;
        }

        public IssueBuilder triagedAt(Instant v) {
            triagedAt = v;
            return this;
        }

        public IssueBuilder shippedVersion(String v) {
            shippedVersion = v;
            return this;
        }

        public IssueBuilder closeReason(String v) {
            closeReason = v;
            return this;
        }

        public Issue build() {
            return new Issue(
                    number,
                    title,
                    IssueKind.BUG,
                    summary,
                    status,
                    priority,
                    null,
                    null,
                    null,
                    ownerId,
                    false,
                    promiseDueAt,
                    shippedVersion,
                    duplicateOf,
                    closeReason,
                    false,
                    revision,
                    createdBy,
                    at,
                    at,
                    triagedAt,
                    null,
                    null,
                    null); // the priority's source: not known
        }
    }

    public static Place place(long id, int issue, int origin, String url) {
        return new Place(id, issue, origin, Place.PlaceKind.THREAD, 1L, 2L, id * 10, null, null, url, "t", 9L, T0);
    }

    /** Where an issue captured from forum post {@code postId} (guild 1, forum 10) lives. */
    public static NewPlace forumPost(long postId) {
        return new NewPlace(
                Place.PlaceKind.FORUM_POST,
                1L,
                10L,
                postId,
                null,
                "https://discord.com/channels/1/" + postId,
                "post " + postId);
    }

    /**
     * Stores {@code issue} as {@code engineer} captured it at {@code at} from forum post {@code postId} (see {@link
     * #forumPost}), asked for by the post's author alone.
     */
    public static Issue capturedFromPost(
            IssueStore issues, NewIssue issue, long postId, long author, long engineer, Instant at) {
        return issues.create(
                issue, forumPost(postId), List.of(author), Requester.How.AUTHOR, List.of(), false, engineer, at);
    }

    /** A GitHub issue linked to a record: {@code repo} is owner/name. */
    public static NewPlace githubIssue(String repo, int number) {
        return new NewPlace(
                Place.PlaceKind.GITHUB,
                null,
                null,
                null,
                null,
                "https://github.com/" + repo + "/issues/" + number,
                repo + "#" + number);
    }

    public static Requester requester(long id, int issue, int origin, long user) {
        return new Requester(id, issue, origin, user, Requester.How.AUTHOR, null, 9L, T0);
    }
}
