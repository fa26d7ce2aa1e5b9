package dev.loop.sim.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The simulator's mutable state, one small class per GitHub object; always touched under the simulator's lock. */
final class GhModel {
    private GhModel() {}

    static final class User {
        final long id;
        final String login;
        String name;
        final Instant createdAt;

        User(long id, String login, Instant createdAt) {
            this.id = id;
            this.login = login;
            this.name = login;
            this.createdAt = createdAt;
        }
    }

    static final class Label {
        final long id;
        String name;
        String color;
        String description;

        Label(long id, String name, String color, String description) {
            this.id = id;
            this.name = name;
            this.color = color;
            this.description = description;
        }
    }

    static final class Comment {
        final long id;
        final int issueNumber;
        final User user;
        String body;
        final Instant createdAt;
        Instant updatedAt;

        Comment(long id, int issueNumber, User user, String body, Instant createdAt) {
            this.id = id;
            this.issueNumber = issueNumber;
            this.user = user;
            this.body = body;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static final class Reaction {
        final long id;
        final User user;
        final String content;
        final Instant createdAt;

        Reaction(long id, User user, String content, Instant createdAt) {
            this.id = id;
            this.user = user;
            this.content = content;
            this.createdAt = createdAt;
        }
    }

    /** An issue or, with {@link #pull} set, a pull request: they share one number sequence as on GitHub. */
    static final class Issue {
        final long id;
        final int number;
        final User user;
        String title;
        String body;
        String state = "open";
        String stateReason;
        final Set<String> labels = new LinkedHashSet<>();
        final List<Comment> comments = new ArrayList<>();
        final List<Reaction> reactions = new ArrayList<>();
        final Instant createdAt;
        Instant updatedAt;
        Instant closedAt;
        User closedBy;
        Pull pull;

        Issue(long id, int number, User user, String title, String body, Instant createdAt) {
            this.id = id;
            this.number = number;
            this.user = user;
            this.title = title;
            this.body = body;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static final class Pull {
        final long id;
        boolean draft;
        boolean merged;
        Instant mergedAt;
        User mergedBy;
        String mergeCommitSha;
        final String headRef;
        final String baseRef;
        /** Issues linked in the sidebar's "Development" box (no keyword needed), by number. */
        final Set<Integer> sidebarLinks = new LinkedHashSet<>();

        Pull(long id, boolean draft, String headRef, String baseRef) {
            this.id = id;
            this.draft = draft;
            this.headRef = headRef;
            this.baseRef = baseRef;
        }
    }

    /** {@code seq} orders commits made in the same instant. */
    record Commit(String sha, int seq, List<String> parents, String message, User author, Instant date) {}

    static final class Release {
        final long id;
        final String tag;
        String name;
        String body;
        boolean draft;
        boolean prerelease;
        final User author;
        final String targetCommitish;
        final Instant createdAt;
        Instant publishedAt;

        Release(long id, String tag, User author, String targetCommitish, Instant createdAt) {
            this.id = id;
            this.tag = tag;
            this.author = author;
            this.targetCommitish = targetCommitish;
            this.createdAt = createdAt;
        }
    }
}
