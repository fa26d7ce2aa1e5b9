package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The ship comment of a released issue, on every GitHub issue its GitHub requesters follow: its own GitHub issue, the
 * GitHub issues linked to it (and to the issues merged into it, whose places it now holds) and the own GitHub issues
 * of those merged ones. Each gets one comment (the version, the announcement's link, the snippet) and, with {@code
 * github.close-on-ship}, is closed as completed. The work is done again from the start until it is recorded in
 * {@code github_issue.shipped_version}; the comment's hidden marker makes a repeat after a crash or an outage post
 * nothing twice, so each GitHub issue hears of the release exactly once.
 */
final class GitHubShipping {

    /** How long a comment waits for the release announcement's link before it is posted without one. */
    static final Duration ANNOUNCEMENT_WAIT = Duration.ofMinutes(10);

    private final GitHubSettings settings;
    private final GitHubStore store;
    private final GitHubLinkStore links;
    private final ShipNotes shipNotes;
    private final Clock clock;

    GitHubShipping(
            GitHubSettings settings, GitHubStore store, GitHubLinkStore links, ShipNotes shipNotes, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.links = links;
        this.shipNotes = shipNotes;
        this.clock = clock;
    }

    /**
     * Comments on and closes every GitHub issue of Loop issue {@code number} (its own is {@code githubNumber}) for
     * {@code version}, then records it; a GitHub failure is thrown and the whole is retried later.
     */
    void ship(GitHubGateway gateway, int number, int githubNumber, String version, GitHubFollowUp.Pace pace)
            throws InterruptedException {
        Optional<ShipNotes.ShipNote> note = shipNotes.find(version);
        Instant now = clock.instant();
        if (note.isPresent()
                && note.get().announcementUrl() == null
                && note.get().publishedAt() != null
                && note.get().publishedAt().plus(ANNOUNCEMENT_WAIT).isAfter(now)) {
            // the announcement is being posted; its link belongs in the comment
            store.retryLater(number, now.plusSeconds(5), "waiting for the release announcement", now);
            return;
        }
        String comment = GitHubIssueContent.shipComment(version, note);
        Set<Integer> targets = new LinkedHashSet<>();
        targets.add(githubNumber);
        if (links != null) targets.addAll(links.shipTargets(number));
        for (int target : targets) shipOne(gateway, target, version, comment, pace);
        store.shipDone(number, version, clock.instant());
    }

    private void shipOne(GitHubGateway gateway, int target, String version, String comment, GitHubFollowUp.Pace pace)
            throws InterruptedException {
        String marker = GitHubBody.shippedMarker(version);
        boolean posted = gateway.comments(target).stream()
                .anyMatch(c -> c.body() != null && c.body().contains(marker));
        if (!posted) {
            pace.pace();
            gateway.comment(target, comment);
        }
        if (settings.closeOnShip()) {
            GitHubGateway.RemoteIssue remote = gateway.get(target);
            if (remote.open()) {
                pace.pace();
                gateway.close(target, true);
            }
        }
    }
}
