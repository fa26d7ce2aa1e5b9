package dev.loop.github;

import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Links an existing GitHub issue to a Loop issue ({@code /link} with a GitHub issue, a "New on GitHub" hint's Link):
 * the GitHub issue becomes a place of the record, its author and 👍 reactors GitHub requesters, and later 👍 and
 * comments there count too. A Loop issue that has no GitHub issue yet adopts it as its own (no second one is
 * created); otherwise it is linked beside the issue's own. Each GitHub issue belongs to one Loop issue.
 */
final class GitHubLinking {

    /** How a link ended. */
    sealed interface Outcome {
        record Linked(int githubNumber, int loopNumber, int requestersAdded, boolean bumped, boolean adopted)
                implements Outcome {}

        /** Already linked to this very issue (or already its own GitHub issue). */
        record AlreadyLinked(int githubNumber, int loopNumber) implements Outcome {}

        /** The GitHub issue belongs to another Loop issue. */
        record ElsewhereLinked(int githubNumber, int loopNumber) implements Outcome {}

        record NotFound(int githubNumber) implements Outcome {}

        record PullRequest(int githubNumber) implements Outcome {}
    }

    /** Where a link is recorded in the record: the place, then each GitHub requester (bump and cards included). */
    interface Recorder {
        /** Adds the place; whether the issue moved up to High because of it. */
        boolean addPlace(int number, NewPlace place);

        /** Adds a GitHub requester. */
        Addition addRequester(int number, long githubId, String login);

        /** Whether the requester was new, and whether the issue moved up because of them. */
        record Addition(boolean added, boolean bumped) {}
    }

    private final GitHubStore own;
    private final GitHubLinkStore links;
    private final Clock clock;

    GitHubLinking(GitHubStore own, GitHubLinkStore links, Clock clock) {
        this.own = own;
        this.links = links;
        this.clock = clock;
    }

    /** Who a GitHub issue belongs to already, without asking GitHub. */
    Optional<Outcome> taken(int githubNumber, int loopNumber) {
        Optional<Integer> owner = own.loopIssueOf(githubNumber).or(() -> links.issueOf(githubNumber));
        if (owner.isEmpty()) return Optional.empty();
        return Optional.of(
                owner.get() == loopNumber
                        ? new Outcome.AlreadyLinked(githubNumber, loopNumber)
                        : new Outcome.ElsewhereLinked(githubNumber, owner.get()));
    }

    /** Reads the GitHub issue through {@code gateway} and records the link; GitHub failures are thrown. */
    Outcome run(GitHubGateway gateway, int loopNumber, int githubNumber, Long actor, Recorder recorder) {
        Optional<Outcome> taken = taken(githubNumber, loopNumber);
        if (taken.isPresent()) return taken.get();
        GitHubGateway.ImportSource source;
        try {
            source = gateway.readForImport(githubNumber);
        } catch (GitHubGateway.GitHubFailure f) {
            if (f.answer() instanceof GitHubAnswer.Refused r && (r.status() == 404 || r.status() == 410))
                return new Outcome.NotFound(githubNumber);
            throw f;
        }
        if (source.pullRequest()) return new Outcome.PullRequest(githubNumber);
        Map<Long, String> people = new LinkedHashMap<>();
        String me = gateway.login();
        if (!source.author().bot()
                && source.author().id() > 0
                && !source.author().login().equalsIgnoreCase(me))
            people.put(source.author().id(), source.author().login());
        for (GitHubGateway.RemotePerson p : gateway.thumbsUp(githubNumber)) {
            if (!p.bot() && p.id() > 0 && !p.login().equalsIgnoreCase(me)) people.put(p.id(), p.login());
        }
        String url = source.issue().url();
        boolean adopted = own.row(loopNumber).isEmpty();
        if (adopted) own.adopted(loopNumber, githubNumber, url, clock.instant());
        else if (!links.link(githubNumber, loopNumber, url, actor, clock.instant()))
            return taken(githubNumber, loopNumber).orElse(new Outcome.AlreadyLinked(githubNumber, loopNumber));
        boolean bumped = recorder.addPlace(
                loopNumber,
                new NewPlace(Place.PlaceKind.GITHUB, null, null, null, null, url, "GitHub #" + githubNumber));
        int added = 0;
        for (Map.Entry<Long, String> p : people.entrySet()) {
            Recorder.Addition r = recorder.addRequester(loopNumber, p.getKey(), p.getValue());
            if (r.added()) added++;
            bumped |= r.bumped();
        }
        return new Outcome.Linked(githubNumber, loopNumber, added, bumped, adopted);
    }
}
