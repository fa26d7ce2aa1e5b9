package dev.loop.github;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /issue import}: a Loop record made from an existing GitHub issue. Its title becomes the title, its body the
 * summary, its author and 👍 reactors GitHub requesters; the GitHub issue becomes the record's own, so the sync never
 * creates a second one (its next round adds Loop's section below what the author wrote).
 */
final class GitHubImport {

    static final int TITLE_LIMIT = 200;
    static final int SUMMARY_LIMIT = 4000;

    /** How an import ended. */
    sealed interface Outcome {
        record Imported(Issue issue, int githubNumber, int requesters) implements Outcome {}

        record AlreadyTracked(int githubNumber, int loopNumber) implements Outcome {}

        record NotFound(int githubNumber) implements Outcome {}

        record PullRequest(int githubNumber) implements Outcome {}
    }

    private final IssueStore issues;
    private final GitHubStore store;
    private final GitHubSync.RequesterSink requesters;
    private final Clock clock;

    GitHubImport(IssueStore issues, GitHubStore store, GitHubSync.RequesterSink requesters, Clock clock) {
        this.issues = issues;
        this.store = store;
        this.requesters = requesters;
        this.clock = clock;
    }

    /** Reads the GitHub issue through {@code gateway} and records it; GitHub failures are thrown to the caller. */
    Outcome run(GitHubGateway gateway, int githubNumber, IssueKind kind, long actor) {
        Optional<Integer> tracked = store.loopIssueOf(githubNumber);
        if (tracked.isPresent()) return new Outcome.AlreadyTracked(githubNumber, tracked.get());
        GitHubGateway.ImportSource source;
        try {
            source = gateway.readForImport(githubNumber);
        } catch (GitHubGateway.GitHubFailure f) {
            if (f.answer() instanceof GitHubAnswer.Refused r && (r.status() == 404 || r.status() == 410))
                return new Outcome.NotFound(githubNumber);
            throw f;
        }
        if (source.pullRequest()) return new Outcome.PullRequest(githubNumber);
        GitHubGateway.RemoteIssue remote = source.issue();
        Map<Long, String> people = new LinkedHashMap<>();
        if (!source.author().bot() && source.author().id() > 0)
            people.put(source.author().id(), source.author().login());
        for (GitHubGateway.RemotePerson p : gateway.thumbsUp(githubNumber)) {
            if (!p.bot() && p.id() > 0 && !p.login().equalsIgnoreCase(gateway.login())) people.put(p.id(), p.login());
        }
        String title = GitHubText.line(remote.title(), TITLE_LIMIT);
        Issue issue = issues.create(
                new NewIssue(title, kind, summary(remote), false, null, null),
                new NewPlace(Place.PlaceKind.GITHUB, null, null, null, null, remote.url(), "GitHub #" + githubNumber),
                List.of(),
                Requester.How.AUTHOR,
                List.of(),
                false,
                actor,
                clock.instant());
        store.adopted(issue.number(), githubNumber, remote.url(), clock.instant());
        List<Long> added = new ArrayList<>();
        for (Map.Entry<Long, String> p : people.entrySet()) {
            requesters.add(issue.number(), p.getKey(), p.getValue());
            added.add(p.getKey());
        }
        return new Outcome.Imported(issues.find(issue.number()).orElse(issue), githubNumber, added.size());
    }

    /** The author's text without a Loop section (an issue Loop once exported elsewhere), cut to the summary's room. */
    static String summary(GitHubGateway.RemoteIssue remote) {
        String body = remote.body() == null ? "" : remote.body();
        int begin = body.indexOf(GitHubBody.BEGIN);
        int end = body.indexOf(GitHubBody.END);
        if (begin >= 0 && end > begin) body = body.substring(0, begin) + body.substring(end + GitHubBody.END.length());
        body = body.strip();
        if (body.isEmpty()) return "Imported from GitHub #" + remote.number() + ".";
        return body.length() <= SUMMARY_LIMIT ? body : body.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
