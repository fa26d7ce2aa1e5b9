package dev.loop.github;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling half of the sync: on the poll interval it reads, with conditional requests, the pull requests and
 * releases (when followed), the 👍 and comments of the linked GitHub issues of active issues (their people become
 * requesters through the {@link GitHubSync.RequesterSink}), and the further reads such as the "New on GitHub" hints.
 */
final class GitHubPolling {

    private static final Logger log = LoggerFactory.getLogger(GitHubSync.class);

    private final GitHubStore store;
    private final Clock clock;
    private final GitHubSync.RequesterSink requesters;
    /** Follows the pull requests that close linked issues; null when pull requests are not followed. */
    private final PullSync pulls;
    /** Offers releases published on GitHub; null when not watched. */
    private final ReleaseWatch releases;
    /** GitHub issues linked besides each issue's own, whose people are read on each poll too. */
    private volatile Supplier<List<Map.Entry<Integer, Integer>>> linked = List::of;
    /** Further reads on each poll (the "New on GitHub" hints); run after the requesters are read. */
    private volatile List<GitHubSync.PollStep> pollSteps = List.of();

    GitHubPolling(
            GitHubStore store,
            Clock clock,
            GitHubSync.RequesterSink requesters,
            PullSync pulls,
            ReleaseWatch releases) {
        this.store = store;
        this.clock = clock;
        this.requesters = requesters;
        this.pulls = pulls;
        this.releases = releases;
    }

    void also(Supplier<List<Map.Entry<Integer, Integer>>> linked, List<GitHubSync.PollStep> steps) {
        this.linked = linked;
        this.pollSteps = List.copyOf(steps);
    }

    /**
     * Reads what GitHub's people did: pull requests and releases (when followed), the 👍 and comments of every linked
     * GitHub issue of an active issue, then the further steps. A failure ends the poll; the next one reads again.
     */
    void poll(GitHubGateway gateway, SyncRound round) throws InterruptedException {
        String me = gateway.login();
        // pull requests and releases matter only to issues that are on GitHub and not yet released
        if (pulls != null && !store.activeLinks().isEmpty()) {
            try {
                pulls.poll(gateway);
                if (releases != null) releases.poll(gateway);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) {
                    round.pauseUntil(p.until());
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
            if (round.stopping()) return;
            try {
                List<GitHubGateway.RemotePerson> people = new ArrayList<>(gateway.thumbsUp(link.getValue()));
                for (GitHubGateway.RemoteComment c : gateway.comments(link.getValue())) people.add(c.author());
                for (GitHubGateway.RemotePerson p : people) {
                    if (p.bot() || p.id() <= 0 || p.login().equalsIgnoreCase(me)) continue;
                    requesters.add(link.getKey(), p.id(), p.login());
                }
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) round.pauseUntil(p.until());
                // the next poll reads it again; nothing was recorded half-way
                log.info(
                        "Reading GitHub #{} failed ({}); read again on the next poll", link.getValue(), f.getMessage());
                return;
            }
        }
        for (GitHubSync.PollStep step : pollSteps) {
            if (round.stopping()) return;
            try {
                step.poll(gateway);
            } catch (GitHubGateway.GitHubFailure f) {
                NextStep next = Backoff.decide(f.answer(), 0, clock.instant());
                if (next instanceof NextStep.PauseAllUntil p) round.pauseUntil(p.until());
                log.info("A GitHub read failed ({}); read again on the next poll", f.getMessage());
                return;
            }
        }
    }
}
