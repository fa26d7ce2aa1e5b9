package dev.loop.sim.github;

import java.time.Instant;

/** A comment on an issue or pull request as anyone sees it. */
public record GitHubCommentView(long id, String author, String body, Instant createdAt, Instant updatedAt) {}
