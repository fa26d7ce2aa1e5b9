package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync worker: connecting, the rounds and their pauses. Each {@link #tick()} runs the export ({@link GitHubExport}:
 * the issues whose GitHub side is missing or behind, from the state table, so a restart resumes exactly where Loop
 * stopped, and the ship comments), the review issues, and on the poll interval the poll ({@link GitHubPolling}: the 👍
 * and comments of linked GitHub issues, pull requests, releases, hints). Every failure goes through {@link Backoff}: a
 * limit pauses all GitHub traffic, anything else is retried later from the table. Writes are spaced by a
 * {@link WritePacer}.
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
    private final GitHubStore store;
    private final Supplier<GitHubGateway> connect;
    private final Clock clock;
    private final ShipNotes shipNotes;
    private final WritePacer pacer;
    /** What the GitHub issue shows: its body and labels (the labels are created at connect). */
    private final GitHubIssueContent content;
    /** Creates and updates the GitHub issues, and posts the ship comments. */
    private final GitHubExport export;
    /** Reads what GitHub's people did, on the poll interval. */
    private final GitHubPolling polling;
    /** What the export and the poll share with this round. */
    private final SyncRound round = new SyncRound() {
        @Override
        public void pace() throws InterruptedException {
            GitHubSync.this.pace();
        }

        @Override
        public void pauseUntil(Instant until) {
            pausedUntil = until;
        }

        @Override
        public boolean stopping() {
            return stopping;
        }
    };

    private final Sleeper sleeper;

    /** Creates the releases' docs and copy review issues; null when not wired. */
    private volatile ReviewIssues reviews;

    private GitHubGateway gateway;
    private int connectFailures;
    private Instant pausedUntil = Instant.EPOCH;
    private Instant nextPoll = Instant.EPOCH;
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
        this.settings = settings;
        this.store = store;
        this.connect = connect;
        this.clock = clock;
        this.shipNotes = shipNotes;
        this.pacer = new WritePacer(settings.writesPerMinute());
        this.content = new GitHubIssueContent(settings, issues, store, names, timelineText, pulls, areas);
        this.export = new GitHubExport(
                issues,
                store,
                clock,
                timing,
                content,
                new GitHubFollowUp(settings, store),
                new GitHubShipping(settings, store, null, shipNotes, clock),
                onLinked);
        this.polling = new GitHubPolling(store, clock, requesters, pulls, releases);
        this.sleeper = sleeper;
    }

    /** At release, the GitHub issues linked to an issue (besides its own) get the ship comment and are closed too. */
    void shipToLinked(GitHubLinkStore links) {
        export.shipping(new GitHubShipping(settings, store, links, shipNotes, clock));
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
        polling.also(linked, steps);
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
            export.exportDue(gateway, round);
            reviewIssues();
            if (!clock.instant().isBefore(nextPoll) && clock.instant().isAfter(pausedUntil)) {
                nextPoll = clock.instant().plus(settings.pollInterval());
                polling.poll(gateway, round);
            }
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

    static String shipComment(String version, Optional<ShipNotes.ShipNote> note) {
        return GitHubIssueContent.shipComment(version, note);
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
