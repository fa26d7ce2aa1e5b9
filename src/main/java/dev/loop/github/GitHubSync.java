package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueRecordView;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync worker. Each {@link #tick()} exports the issues whose GitHub side is missing or behind (from the state
 * table, so a restart resumes exactly where Loop stopped), posts ship comments, and on the poll interval reads the 👍
 * and comments of linked GitHub issues. Every failure goes through {@link Backoff}: a limit pauses all GitHub
 * traffic, anything else is retried later from the table. Writes are spaced by a {@link WritePacer}.
 */
public final class GitHubSync {

    private static final Logger log = LoggerFactory.getLogger(GitHubSync.class);
    /** How many of Loop's newest GitHub issues are read to find a marker after a crash during create. */
    static final int MARKER_LOOK_BACK = 100;

    static final int BATCH = 20;

    /** Someone who asked on GitHub: where (Loop issue), who. */
    @FunctionalInterface
    public interface RequesterSink {
        void add(int loopIssue, long githubId, String login);
    }

    private final GitHubSettings settings;
    private final IssueStore issues;
    private final GitHubStore store;
    private final Supplier<GitHubGateway> connect;
    private final Clock clock;
    private final ExportTiming timing;
    private final ShipNotes shipNotes;
    private final RequesterSink requesters;
    private final WritePacer pacer;
    /** What the GitHub issue shows: its body and labels. */
    private final GitHubIssueContent content;
    /** The title and the closing of an issue that ends without a release. */
    private final GitHubFollowUp followUp;

    private final Sleeper sleeper;
    /** The ship comments; with the linked GitHub issues once {@link #shipToLinked} has been called. */
    private volatile GitHubShipping shipping;
    /** Told when a Loop issue gets its GitHub issue (the cards then show the link). */
    private final IntConsumer onLinked;
    /** Follows the pull requests that close linked issues; null when pull requests are not followed. */
    private final PullSync pulls;
    /** Offers releases published on GitHub; null when not watched. */
    private final ReleaseWatch releases;

    /** Creates the releases' docs and copy review issues; null when not wired. */
    private volatile ReviewIssues reviews;
    /** GitHub issues linked besides each issue's own, whose people are read on each poll too. */
    private volatile Supplier<List<Map.Entry<Integer, Integer>>> linked = List::of;
    /** Further reads on each poll (the "New on GitHub" hints); run after the requesters are read. */
    private volatile List<PollStep> pollSteps = List.of();

    private GitHubGateway gateway;
    private int connectFailures;
    private Instant pausedUntil = Instant.EPOCH;
    private Instant nextPoll = Instant.EPOCH;
    private int createdThisRun;
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Waits for the pacer, and tells the time the pacer counts in: real time in the product (the pacing is about
     * GitHub's clock, not Loop's movable one); the benchmark gives the GitHub simulator's simulated clock, so the
     * figure measures the pacing itself, not how fast a busy machine builds bodies.
     */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        default Instant now() {
            return Instant.now();
        }
    }

    public GitHubSync(
            GitHubSettings settings,
            IssueStore issues,
            GitHubStore store,
            Supplier<GitHubGateway> connect,
            Clock clock,
            ExportTiming timing,
            Function<Long, String> names,
            Function<Priority, String> timelineText,
            ShipNotes shipNotes,
            RequesterSink requesters,
            List<String> areas,
            IntConsumer onLinked,
            PullSync pulls,
            ReleaseWatch releases,
            Sleeper sleeper) {
        this.onLinked = onLinked;
        this.pulls = pulls;
        this.releases = releases;
        this.settings = settings;
        this.issues = issues;
        this.store = store;
        this.connect = connect;
        this.clock = clock;
        this.timing = timing;
        this.shipNotes = shipNotes;
        this.requesters = requesters;
        this.pacer = new WritePacer(settings.writesPerMinute());
        this.content = new GitHubIssueContent(settings, issues, store, names, timelineText, pulls, areas);
        this.followUp = new GitHubFollowUp(settings, store);
        this.sleeper = sleeper;
        this.shipping = new GitHubShipping(settings, store, null, shipNotes, clock);
    }

    /** At release, the GitHub issues linked to an issue (besides its own) get the ship comment and are closed too. */
    void shipToLinked(GitHubLinkStore links) {
        this.shipping = new GitHubShipping(settings, store, links, shipNotes, clock);
    }

    /** With {@code r}, each round also creates the releases' docs and copy review issues. */
    void reviews(ReviewIssues r) {
        this.reviews = r;
    }

    private void reviewIssues() throws InterruptedException {
        ReviewIssues r = reviews;
        if (r == null || stopping || clock.instant().isBefore(pausedUntil)) return;
        try {
            r.run(gateway, this::pace);
        } catch (GitHubGateway.GitHubFailure f) {
            if (Backoff.decide(f.answer(), 0, clock.instant()) instanceof NextStep.PauseAllUntil p)
                pausedUntil = p.until();
        }
    }

    /** One more read on each poll, with the connected gateway; a GitHub failure is handled like the poll's own. */
    @FunctionalInterface
    interface PollStep {
        void poll(GitHubGateway gateway) throws InterruptedException;
    }

    /** Reads the people of these (Loop issue, GitHub issue) pairs on each poll too, and runs {@code steps} after. */
    void pollAlso(Supplier<List<Map.Entry<Integer, Integer>>> linked, List<PollStep> steps) {
        this.linked = linked;
        this.pollSteps = List.copyOf(steps);
    }

    /** Asks the worker to stop after the request in flight (checked between requests). */
    public void stop() {
        stopping = true;
    }

    /** How many rounds the worker has made (tests wait for rounds instead of sleeping). */
    public long rounds() {
        return rounds.get();
    }

    /** One round of work; never throws (a failure is logged and retried on a later tick). */
    public synchronized void tick() {
        rounds.incrementAndGet();
        if (stopping) return;
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) return;
        try {
            if (gateway == null && !connect(now)) return;
            exportDue();
            reviewIssues();
            if (!clock.instant().isBefore(nextPoll) && clock.instant().isAfter(pausedUntil)) poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("GitHub sync round failed; it is retried on the next round", e);
        }
    }

    /**
     * Runs {@code work} with the connected gateway between rounds, never beside one (an import or a link asks GitHub
     * on a person's behalf). A GitHub failure, connecting included, is thrown to the caller.
     */
    synchronized <T> T withGateway(Function<GitHubGateway, T> work) {
        if (gateway == null) {
            GitHubGateway g = connect.get();
            labelsCreated(g.ensureLabels(content.allLabels()));
            gateway = g;
        }
        return work.apply(gateway);
    }

    /** Issues on GitHub and issues in all, for logs and /stats. */
    public GitHubStore.Progress progress() {
        return store.progress();
    }

    /** How many issues have their GitHub issue. */
    public int onGitHub() {
        return store.progress().onGitHub();
    }

    /** The GitHub issue's address, once it exists. */
    public Optional<String> url(int number) {
        return store.url(number);
    }

    private boolean connect(Instant now) throws InterruptedException {
        try {
            GitHubGateway g = connect.get();
            labelsCreated(g.ensureLabels(content.allLabels()));
            gateway = g;
            connectFailures = 0;
            log.info("GitHub sync connected to {} as {}", settings.repo(), g.login());
            return true;
        } catch (GitHubGateway.GitHubFailure f) {
            NextStep next = Backoff.decide(f.answer(), connectFailures++, now);
            pausedUntil = switch (next) {
                case NextStep.PauseAllUntil p -> p.until();
                case NextStep.RetryAt r -> r.at();
                case NextStep.Proceed p -> now;
            };
            log.warn(
                    "GitHub is not reachable for {} ({}); trying again at {}",
                    settings.repo(),
                    f.getMessage(),
                    pausedUntil);
            return false;
        }
    }

    private void exportDue() throws InterruptedException {
        for (GitHubStore.Candidate c : store.due(clock.instant(), BATCH)) {
            if (stopping) return;
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
                export(c);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(
                        f.answer(), c.row().map(GitHubStore.Row::attempts).orElse(0), clock.instant());
                switch (next) {
                    case NextStep.PauseAllUntil p -> {
                        pausedUntil = p.until();
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

    private void export(GitHubStore.Candidate c) throws InterruptedException {
        int number = c.number();
        Optional<GitHubStore.Row> row = c.row();
        if (row.isEmpty() || row.get().state() == GitHubStore.State.CREATING) {
            create(number, row.isPresent(), c.stamp());
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
                pace();
                if (labelsChanged) pace(); // hub4j sets the body and the labels in two requests
                gateway.edit(r.githubNumber(), body, labelsChanged ? labels : null);
            }
            boolean followed = followUp.apply(gateway, issue, remote, this::pace);
            store.exported(number, c.stamp(), bodyChanged || labelsChanged || followed, clock.instant());
        }
        if (issue.status() == IssueStatus.SHIPPED
                && issue.shippedVersion() != null
                && !issue.shippedVersion().equals(r.shippedVersion())) {
            shipping.ship(gateway, number, r.githubNumber(), issue.shippedVersion(), this::pace);
        }
    }

    private void create(int number, boolean mayExist, GitHubStore.Stamp stamp) throws InterruptedException {
        IssueRecordView view = issues.view(number).orElseThrow();
        Issue issue = view.issue();
        String marker = GitHubBody.issueMarker(number);
        if (mayExist) {
            Optional<GitHubGateway.RemoteIssue> found = gateway.findCreatedWithMarker(marker, MARKER_LOOK_BACK);
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
        pace();
        GitHubGateway.RemoteIssue created = gateway.create(issue.title(), body, content.wantedLabels(issue));
        store.created(number, created.number(), created.url(), stamp, clock.instant());
        createdThisRun++;
        logProgress(number, created);
        onLinked.accept(number);
        if (!issue.status().isActive()) {
            // an old issue exported after the fact: closed on GitHub too, without a ship comment
            if (issue.status() == IssueStatus.SHIPPED && issue.shippedVersion() != null)
                store.shipDone(number, issue.shippedVersion(), clock.instant());
            pace();
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

    static String shipComment(String version, Optional<ShipNotes.ShipNote> note) {
        return GitHubIssueContent.shipComment(version, note);
    }

    private void poll() throws InterruptedException {
        nextPoll = clock.instant().plus(settings.pollInterval());
        String me = gateway.login();
        // pull requests and releases matter only to issues that are on GitHub and not yet released
        if (pulls != null && !store.activeLinks().isEmpty()) {
            try {
                pulls.poll(gateway);
                if (releases != null) releases.poll(gateway);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) {
                    pausedUntil = p.until();
                    return;
                }
                log.info(
                        "Reading the pull requests or releases failed ({}); read again on the next poll",
                        f.getMessage());
            }
        }
        List<Map.Entry<Integer, Integer>> links =
                new ArrayList<>(store.activeLinks().entrySet());
        links.addAll(linked.get());
        for (Map.Entry<Integer, Integer> link : links) {
            if (stopping) return;
            try {
                List<GitHubGateway.RemotePerson> people = new ArrayList<>(gateway.thumbsUp(link.getValue()));
                for (GitHubGateway.RemoteComment c : gateway.comments(link.getValue())) people.add(c.author());
                for (GitHubGateway.RemotePerson p : people) {
                    if (p.bot() || p.id() <= 0 || p.login().equalsIgnoreCase(me)) continue;
                    requesters.add(link.getKey(), p.id(), p.login());
                }
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) pausedUntil = p.until();
                // the next poll reads it again; nothing was recorded half-way
                log.info(
                        "Reading GitHub #{} failed ({}); read again on the next poll", link.getValue(), f.getMessage());
                return;
            }
        }
        for (PollStep step : pollSteps) {
            if (stopping) return;
            try {
                step.poll(gateway);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) pausedUntil = p.until();
                log.info("A GitHub read failed ({}); read again on the next poll", f.getMessage());
                return;
            }
        }
    }

    private void pace() throws InterruptedException {
        Instant now = sleeper.now();
        Instant slot = pacer.nextSlot(now);
        if (slot.isAfter(now)) sleeper.sleep(Duration.between(now, slot));
        pacer.sent(sleeper.now());
    }

    /** Labels created at connect were writes too: the next writes wait as if they had been paced. */
    private void labelsCreated(int count) {
        if (count > 0) pacer.sentTogether(sleeper.now(), count);
    }
}
