package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import java.util.Optional;

/**
 * What the GitHub issue must follow besides its body and labels: the title (edited with {@code /issue edit}), and
 * the end of an issue that ends without a release. A Loop issue closed without a change is closed on GitHub as not
 * planned; one merged into another gets one comment pointing to the surviving issue, then is closed as not planned
 * ({@code github.close-when-closed}, default true). The comment carries a hidden marker, so a retry after a crash
 * never posts it twice. A Loop issue open again (reopened with {@code /issue reopen}, or unmerged) reopens its GitHub
 * issue when Loop's account closed it; one a person closed on GitHub, or a pull request closed, stays closed.
 */
final class GitHubFollowUp {

    /** Waits for the next write slot. */
    @FunctionalInterface
    interface Pace {
        void pace() throws InterruptedException;
    }

    private final GitHubSettings settings;
    private final GitHubStore store;

    GitHubFollowUp(GitHubSettings settings, GitHubStore store) {
        this.settings = settings;
        this.store = store;
    }

    static String mergedMarker(int into) {
        return "<!-- loop:merged-into:" + into + " -->";
    }

    /** Brings {@code remote} in line with {@code issue}; returns whether anything was written. */
    boolean apply(GitHubGateway gateway, Issue issue, GitHubGateway.RemoteIssue remote, Pace pace)
            throws InterruptedException {
        boolean wrote = false;
        if (issue.title() != null && !issue.title().isBlank() && !issue.title().equals(remote.title())) {
            pace.pace();
            gateway.retitle(remote.number(), issue.title());
            wrote = true;
        }
        if (issue.status().isActive() && !remote.open() && closedByLoop(gateway, remote)) {
            // reopened or unmerged in Loop: what Loop closed on GitHub opens again; what people closed stays closed
            pace.pace();
            gateway.reopen(remote.number());
            return true;
        }
        if (!settings.closeWhenClosed() || !remote.open()) return wrote;
        if (issue.status() == IssueStatus.CLOSED) {
            pace.pace();
            gateway.close(remote.number(), false);
            return true;
        }
        if (issue.status() == IssueStatus.DUPLICATE && issue.duplicateOf() != null) {
            int into = issue.duplicateOf();
            String marker = mergedMarker(into);
            boolean posted = gateway.comments(remote.number()).stream()
                    .anyMatch(c -> c.body() != null && c.body().contains(marker));
            if (!posted) {
                pace.pace();
                gateway.comment(remote.number(), mergedComment(into, store.url(into)));
            }
            pace.pace();
            gateway.close(remote.number(), false);
            return true;
        }
        return wrote;
    }

    private static boolean closedByLoop(GitHubGateway gateway, GitHubGateway.RemoteIssue remote) {
        return remote.closedBy() != null && remote.closedBy().equalsIgnoreCase(gateway.login());
    }

    /**
     * Points to the surviving issue: its GitHub issue when it has one. Loop's own numbers are written as "Loop issue
     * 12", never "#12", which GitHub would link to its own issue 12.
     */
    static String mergedComment(int into, Optional<String> intoUrl) {
        return intoUrl.map(url -> "This issue was merged into " + url + " (Loop issue " + into
                                + "), where it continues: follow that one for news.")
                        .orElse("This issue was merged into Loop issue " + into + ", where it continues.")
                + "\n\n" + mergedMarker(into);
    }
}
