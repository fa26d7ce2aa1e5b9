package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the pull requests that close Loop-tracked GitHub issues (closing keywords in the title or body, see
 * {@link ClosingKeywords}, or linked in GitHub's sidebar, read through {@link GitHubGateway#closingIssues}). Opened
 * and ready for review: the issue is in progress, owned by the author when
 * {@code github.people} knows them and nobody owned it, and its requesters hear once that work started. Merged: the
 * issue is fixed, waiting for a release. Closed unmerged: the issue goes back to what it was and nobody is told. A
 * draft changes nothing until it is ready. Each step is recorded per (pull request, issue) in {@link PullStore}
 * together with the issue's change, so reading the same pull request again never repeats a step.
 */
final class PullSync {

    private static final Logger log = LoggerFactory.getLogger(PullSync.class);

    /** How many of the most recently updated pull requests each poll reads. */
    static final int LOOK_AT = 50;

    /** Tells an issue's requesters that work started; true once they were told (or there was nobody to tell). */
    @FunctionalInterface
    interface WorkStarted {
        boolean tell(int issue);
    }

    private final GitHubSettings settings;
    private final IssueStore issues;
    private final PullStore pulls;
    private final Clock clock;
    private final WorkStarted workStarted;
    private final IntConsumer changed;

    PullSync(
            GitHubSettings settings,
            IssueStore issues,
            PullStore pulls,
            Clock clock,
            WorkStarted workStarted,
            IntConsumer changed) {
        this.settings = settings;
        this.issues = issues;
        this.pulls = pulls;
        this.clock = clock;
        this.workStarted = workStarted;
        this.changed = changed;
    }

    /**
     * Reads the recent pull requests and applies what changed; notices left over from a restart go out first. The
     * issues a pull request works on are those its title or body closes with keywords and, for an open pull request
     * ready for review, those GitHub reports as linked (the sidebar too; one GraphQL query for all of them). A merged
     * or closed pull request is followed for the issues Loop last saw it linked to while it was open. An open pull
     * request GitHub no longer links to an issue stops working on it, as if it were closed unmerged.
     */
    void poll(GitHubGateway gateway) {
        tellUntold();
        List<GitHubGateway.RemotePull> recent = gateway.recentPulls(LOOK_AT);
        Map<Integer, List<Integer>> linked = linkedOnGitHub(gateway, recent);
        for (GitHubGateway.RemotePull p : recent) {
            List<Integer> github = new ArrayList<>(ClosingKeywords.closed(settings.repo(), p.title(), p.body()));
            boolean asked = linked != null && linked.containsKey(p.number());
            if (asked) github.addAll(linked.get(p.number()));
            Set<Integer> loopIssues = new LinkedHashSet<>();
            for (int githubNumber : github) {
                if (githubNumber == p.number()) continue;
                pulls.loopIssueOf(githubNumber).ifPresent(loopIssues::add);
            }
            List<PullStore.Row> working = pulls.ofPull(p.number()).stream()
                    .filter(r -> r.state() == PullStore.State.WORKING)
                    .toList();
            if (!p.open()) working.forEach(r -> loopIssues.add(r.issue()));
            for (int n : loopIssues) follow(p, n);
            if (asked && p.open() && !p.draft())
                for (PullStore.Row r : working)
                    if (!loopIssues.contains(r.issue()))
                        issues.find(r.issue())
                                .ifPresent(i -> leave(
                                        p, i, Optional.of(r), "pull request #" + p.number() + " no longer links it"));
        }
        tellUntold();
    }

    /**
     * What GitHub links the open pull requests ready for review to; null when GitHub did not answer (then only the
     * keywords count this time, and no link is taken as removed).
     */
    private Map<Integer, List<Integer>> linkedOnGitHub(GitHubGateway gateway, List<GitHubGateway.RemotePull> recent) {
        List<Integer> ready = recent.stream()
                .filter(p -> p.open() && !p.draft())
                .map(GitHubGateway.RemotePull::number)
                .toList();
        if (ready.isEmpty()) return Map.of();
        try {
            return gateway.closingIssues(ready);
        } catch (GitHubGateway.GitHubFailure f) {
            log.info(
                    "Reading the pull requests' linked issues failed ({}); only closing keywords count this time",
                    f.getMessage());
            return null;
        }
    }

    private void tellUntold() {
        for (PullStore.Row r : pulls.untold()) {
            if (r.state() != PullStore.State.WORKING) continue;
            try {
                if (workStarted.tell(r.issue())) pulls.told(r.pull(), r.issue(), clock.instant());
            } catch (RuntimeException e) {
                log.warn("Telling the requesters of #{} that work started failed; tried again later", r.issue(), e);
            }
        }
    }

    private void follow(GitHubGateway.RemotePull p, int number) {
        Optional<Issue> found = issues.find(number);
        if (found.isEmpty()) return;
        Issue issue = found.get();
        Optional<PullStore.Row> row = pulls.row(p.number(), number);
        if (p.merged()) merged(p, issue, row);
        else if (p.open() && !p.draft()) opened(p, issue, row);
        else if (!p.open()) leave(p, issue, row, "pull request #" + p.number() + " closed without merging");
        // a draft: nothing until it is ready for review
    }

    private void opened(GitHubGateway.RemotePull p, Issue issue, Optional<PullStore.Row> row) {
        if (row.isPresent() && row.get().state() != PullStore.State.CLOSED) return;
        Long author = person(p.authorLogin());
        boolean starts = issue.status() == IssueStatus.OPEN;
        issues.database().transaction(ctx -> {
            if (starts)
                issues.setStatus(
                        issue.number(),
                        IssueStatus.IN_PROGRESS,
                        who(p, author) + " is working on it in pull request #" + p.number(),
                        author == null ? 0L : author,
                        clock.instant());
            if (author != null && issue.ownerId() == null && issue.status().isActive())
                issues.setOwner(issue.number(), author, issue.area(), author, clock.instant());
            if (row.isEmpty()) {
                issues.addHistory(
                        issue.number(),
                        author,
                        "pull",
                        "pull request #" + p.number() + " opened by " + who(p, author) + ": " + p.url(),
                        clock.instant());
                // requesters hear once, and only when this pull request is what started the work
                pulls.insert(
                        p.number(),
                        issue.number(),
                        PullStore.State.WORKING,
                        p.url(),
                        p.authorLogin(),
                        issue.status(),
                        !starts,
                        null,
                        clock.instant());
            } else {
                issues.addHistory(
                        issue.number(), author, "pull", "pull request #" + p.number() + " reopened", clock.instant());
                pulls.moveTo(p.number(), issue.number(), PullStore.State.WORKING, null, clock.instant());
            }
        });
        log.info("Pull request #{} works on #{}", p.number(), issue.number());
        changed.accept(issue.number());
    }

    private void merged(GitHubGateway.RemotePull p, Issue issue, Optional<PullStore.Row> row) {
        if (row.isPresent() && row.get().state() == PullStore.State.MERGED) return;
        Long author = person(p.authorLogin());
        issues.database().transaction(ctx -> {
            if (issue.status() == IssueStatus.OPEN || issue.status() == IssueStatus.IN_PROGRESS)
                issues.setStatus(
                        issue.number(),
                        IssueStatus.FIXED,
                        "pull request #" + p.number() + " merged",
                        author == null ? 0L : author,
                        clock.instant());
            if (row.isEmpty()) {
                issues.addHistory(
                        issue.number(),
                        author,
                        "pull",
                        "pull request #" + p.number() + " by " + who(p, author) + " merged: " + p.url(),
                        clock.instant());
                // merged before Loop saw it open: nothing to announce any more
                pulls.insert(
                        p.number(),
                        issue.number(),
                        PullStore.State.MERGED,
                        p.url(),
                        p.authorLogin(),
                        issue.status(),
                        true,
                        p.mergeSha(),
                        clock.instant());
            } else {
                pulls.moveTo(p.number(), issue.number(), PullStore.State.MERGED, p.mergeSha(), clock.instant());
            }
        });
        log.info("Pull request #{} merged: #{} is fixed", p.number(), issue.number());
        changed.accept(issue.number());
    }

    /**
     * The pull request stopped working on the issue (closed unmerged, or no longer linked): the issue goes back to
     * what it was unless another pull request still works on it, and nobody is told.
     */
    private void leave(GitHubGateway.RemotePull p, Issue issue, Optional<PullStore.Row> row, String what) {
        if (row.isEmpty() || row.get().state() != PullStore.State.WORKING) return;
        IssueStatus before = row.get().statusBefore();
        boolean otherWork = pulls.ofIssue(issue.number()).stream()
                .anyMatch(r -> r.pull() != p.number() && r.state() != PullStore.State.CLOSED);
        issues.database().transaction(ctx -> {
            if (issue.status() == IssueStatus.IN_PROGRESS && before != IssueStatus.IN_PROGRESS && !otherWork)
                issues.setStatus(issue.number(), before, what, 0L, clock.instant());
            else issues.addHistory(issue.number(), null, "pull", what, clock.instant());
            pulls.moveTo(p.number(), issue.number(), PullStore.State.CLOSED, null, clock.instant());
        });
        log.info("#{}: {}", issue.number(), what);
        changed.accept(issue.number());
    }

    /** The Discord member {@code github.people} maps the login to. */
    private Long person(String login) {
        if (login == null) return null;
        Long id = settings.people().get(login);
        if (id != null) return id;
        for (Map.Entry<String, Long> e : settings.people().entrySet())
            if (e.getKey().toLowerCase(Locale.ROOT).equals(login.toLowerCase(Locale.ROOT))) return e.getValue();
        return null;
    }

    private static String who(GitHubGateway.RemotePull p, Long member) {
        if (member != null) return "<@" + member + ">";
        return p.authorLogin() == null ? "someone" : "`" + p.authorLogin() + "` on GitHub";
    }

    /** The pull requests of an issue, for its card and GitHub body. */
    List<PullStore.Row> of(int issue) {
        return pulls.ofIssue(issue);
    }
}
