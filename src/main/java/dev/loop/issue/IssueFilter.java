package dev.loop.issue;

/** Filters of `/issue list`; null = any. With no status given, only active (open / in progress) issues are listed. */
public record IssueFilter(IssueStatus status, Priority priority, Long ownerId) {
    public static final IssueFilter ACTIVE = new IssueFilter(null, null, null);
}
