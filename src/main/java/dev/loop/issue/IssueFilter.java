package dev.loop.issue;

/**
 * Filters of `/issue list` and `/roadmap`; null = any. With no status given, only active (open / in progress) issues
 * are listed. {@code area} is an area's name as configured.
 */
public record IssueFilter(IssueStatus status, Priority priority, Long ownerId, String area) {
    public static final IssueFilter ACTIVE = new IssueFilter(null, null, null, null);

    public IssueFilter(IssueStatus status, Priority priority, Long ownerId) {
        this(status, priority, ownerId, null);
    }
}
