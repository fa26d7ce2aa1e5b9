package dev.loop.github;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueRecordView;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export half of the sync: each round it takes the issues whose GitHub side is missing or behind (from the state
 * table, so a restart resumes exactly where Loop stopped), creates their GitHub issue (looking for the hidden marker
 * first after a stop during a create), brings body, labels, title and state up to date, and posts ship comments.
 * Updates are coalesced by {@link ExportTiming}; every failure goes through {@link Backoff}.
 */
final class GitHubExport {

    private static final Logger log = LoggerFactory.getLogger(GitHubSync.class);

    private final IssueStore issues;
    private final GitHubStore store;
    private final Clock clock;
    private final ExportTiming timing;
    private final GitHubIssueContent content;
    private final GitHubFollowUp followUp;
    /** Told when a Loop issue gets its GitHub issue (the cards then show the link). */
    private final IntConsumer onLinked;
    /** The ship comments; with the linked GitHub issues once they are known. */
    private volatile GitHubShipping shipping;

    private int createdThisRun;

    GitHubExport(
            IssueStore issues,
            GitHubStore store,
            Clock clock,
            ExportTiming timing,
            GitHubIssueContent content,
            GitHubFollowUp followUp,
            GitHubShipping shipping,
            IntConsumer onLinked) {
        this.issues = issues;
        this.store = store;
        this.clock = clock;
        this.timing = timing;
        this.content = content;
        this.followUp = followUp;
        this.shipping = shipping;
        this.onLinked = onLinked;
    }

    void shipping(GitHubShipping s) {
        this.shipping = s;
    }

    private GitHubShipping shipping() {
        return shipping;
    }

    /** Exports what is due now: creates, updates, ship comments; a limit pauses the round, a failure is kept. */
    void exportDue(GitHubGateway gateway, SyncRound round) throws InterruptedException {
        for (GitHubStore.Candidate c : store.due(clock.instant(), GitHubSync.BATCH)) {
            if (round.stopping()) return;
            Instant now = clock.instant();
            if (timing.earliest(
                                    c.updatedAt(),
                                    c.row().map(GitHubStore.Row::exportedAt).orElse(null))
                            .isAfter(now)
                    && !(c.row().isPresent()
                            && c.row().get().state() == GitHubStore.State.CREATED
                            && !c.row().get().exported().behind(c.stamp()))) {
                continue; // still settling, or edited too recently: a later tick takes it
            }
            try {
                export(gateway, round, c);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(
                        f.answer(), c.row().map(GitHubStore.Row::attempts).orElse(0), clock.instant());
                switch (next) {
                    case NextStep.PauseAllUntil p -> {
                        round.pauseUntil(p.until());
                        log.warn("{}: GitHub writes wait until {}", p.why(), p.until());
                        return;
                    }
                    case NextStep.RetryAt r -> {
                        store.creating(c.number(), clock.instant()); // no-op when the row exists
                        store.retryLater(c.number(), r.at(), r.why(), clock.instant());
                        log.info("GitHub issue of #{} waits until {}: {}", c.number(), r.at(), r.why());
                        if (f.answer() instanceof GitHubAnswer.Unreachable
                                || f.answer() instanceof GitHubAnswer.ServerError) {
                            return; // GitHub is down: don't try every other issue in this round
                        }
                    }
                    case NextStep.Proceed p -> {}
                }
            }
        }
    }

    private void export(GitHubGateway gateway, SyncRound round, GitHubStore.Candidate c) throws InterruptedException {
        int number = c.number();
        Optional<GitHubStore.Row> row = c.row();
        if (row.isEmpty() || row.get().state() == GitHubStore.State.CREATING) {
            create(gateway, round, number, row.isPresent(), c.stamp());
            return;
        }
        GitHubStore.Row r = row.get();
        IssueRecordView view = issues.view(number).orElseThrow();
        Issue issue = view.issue();
        if (r.exported().behind(c.stamp())) {
            GitHubGateway.RemoteIssue remote = gateway.get(r.githubNumber());
            String body = GitHubBody.update(remote.body(), content.input(view));
            List<String> labels = content.mergedLabels(remote.labels(), content.wantedLabels(issue));
            boolean bodyChanged = !body.equals(remote.body());
            boolean labelsChanged = !new LinkedHashSet<>(labels).equals(new LinkedHashSet<>(remote.labels()));
            if (bodyChanged || labelsChanged) {
                round.pace();
                if (labelsChanged) round.pace(); // hub4j sets the body and the labels in two requests
                gateway.edit(r.githubNumber(), body, labelsChanged ? labels : null);
            }
            boolean followed = followUp.apply(gateway, issue, remote, round::pace);
            store.exported(number, c.stamp(), bodyChanged || labelsChanged || followed, clock.instant());
        }
        if (issue.status() == IssueStatus.SHIPPED
                && issue.shippedVersion() != null
                && !issue.shippedVersion().equals(r.shippedVersion())) {
            shipping().ship(gateway, number, r.githubNumber(), issue.shippedVersion(), round::pace);
        }
    }

    private void create(GitHubGateway gateway, SyncRound round, int number, boolean mayExist, GitHubStore.Stamp stamp)
            throws InterruptedException {
        IssueRecordView view = issues.view(number).orElseThrow();
        Issue issue = view.issue();
        String marker = GitHubBody.issueMarker(number);
        if (mayExist) {
            Optional<GitHubGateway.RemoteIssue> found =
                    gateway.findCreatedWithMarker(marker, GitHubSync.MARKER_LOOK_BACK);
            if (found.isPresent()) {
                // created before Loop stopped: adopt it; the next round brings its body up to date
                store.created(number, found.get().number(), found.get().url(), GitHubStore.Stamp.NONE, clock.instant());
                log.info(
                        "Found the GitHub issue of #{} (GitHub #{}) by its marker",
                        number,
                        found.get().number());
                onLinked.accept(number);
                return;
            }
        } else {
            store.creating(number, clock.instant());
        }
        String body = GitHubBody.update("", content.input(view));
        round.pace();
        GitHubGateway.RemoteIssue created = gateway.create(issue.title(), body, content.wantedLabels(issue));
        store.created(number, created.number(), created.url(), stamp, clock.instant());
        createdThisRun++;
        logProgress(number, created);
        onLinked.accept(number);
        if (!issue.status().isActive()) {
            // an old issue exported after the fact: closed on GitHub too, without a ship comment
            if (issue.status() == IssueStatus.SHIPPED && issue.shippedVersion() != null)
                store.shipDone(number, issue.shippedVersion(), clock.instant());
            round.pace();
            gateway.close(created.number(), issue.status() == IssueStatus.SHIPPED);
        }
    }

    private void logProgress(int number, GitHubGateway.RemoteIssue created) {
        GitHubStore.Progress p = store.progress();
        if (createdThisRun % 25 == 0 || p.onGitHub() == p.total() || p.total() - p.onGitHub() < 5) {
            log.info(
                    "GitHub export: #{} is GitHub #{}; {} of {} issues are on GitHub",
                    number,
                    created.number(),
                    p.onGitHub(),
                    p.total());
        }
    }
}
