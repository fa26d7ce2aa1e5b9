package dev.loop.issue;

/** What an engineer entered (or Loop derived) to create an issue. */
public record NewIssue(String title, IssueKind kind, String summary, boolean needsDocs, String area, Long ownerId) {}
