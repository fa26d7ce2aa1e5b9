package dev.loop.sandbox;

import dev.loop.core.MovableClock;
import dev.loop.sim.github.GitHubCommentView;
import dev.loop.sim.github.GitHubIssueView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub side of the story: the captured issue as Loop wrote it on GitHub (title, labels, the start of its body),
 * a GitHub user who 👍 it and so becomes a requester, and at release the one comment and the close.
 */
final class GitHubScenes {

    /** The GitHub user of the story. */
    static final String FAN = "octocat";

    private final Community c;
    private final Narrator narrator;
    private final MovableClock clock;
    private final SandboxGitHub github;

    GitHubScenes(Community c, Narrator narrator, MovableClock clock, SandboxGitHub github) {
        this.c = c;
        this.narrator = narrator;
        this.clock = clock;
        this.github = github;
    }

    /** Loop issue {@code n}'s GitHub issue, once the sync has written it. */
    private GitHubIssueView awaitGitHubIssue(int n) {
        String marker = "<!-- loop:issue:" + n + " -->";
        c.sim().await("the GitHub issue of #" + n, () -> {
            clock.advance(Duration.ofSeconds(11)); // past the quiet Loop waits for before writing
            return find(marker).isPresent();
        });
        return find(marker).orElseThrow();
    }

    private Optional<GitHubIssueView> find(String marker) {
        return github.repo().issues().stream()
                // up to date: the body shows the work sam started last (status and priority are written together)
                .filter(i -> i.body() != null
                        && i.body().contains(marker)
                        && i.body().contains("| Status | In progress |"))
                .findFirst();
    }

    /** The issue on GitHub, and a GitHub user's 👍 that makes them a requester. */
    int onGitHub(int n) {
        GitHubIssueView issue = awaitGitHubIssue(n);
        narrator.note("On GitHub, " + SandboxGitHub.REPO + " has Loop's issue GitHub #" + issue.number() + " “"
                + issue.title() + "”, labels: " + String.join(", ", issue.labels()) + ". Its body begins:");
        for (String line : bodyStart(issue.body(), 8)) narrator.note("  │ " + line);
        narrator.note("▶ " + FAN + " (on GitHub) reacts 👍 to GitHub #" + issue.number());
        github.repo().react(FAN, issue.number(), "+1");
        c.sim().await("the GitHub requester", () -> {
            clock.advance(Duration.ofSeconds(61)); // the next poll of the 👍
            return github.issues().githubLogins(n).containsValue(FAN);
        });
        narrator.catchUp();
        narrator.note(FAN + " is now a requester of #" + n + ", shown by login and counted with the Discord ones.");
        return issue.number();
    }

    /** At release: the one comment on the GitHub issue, and its close. */
    void shipped(int githubNumber, String version) {
        c.sim().await("the ship comment and the close on GitHub", () -> {
            clock.advance(Duration.ofSeconds(11));
            return !github.repo().issue(githubNumber).open()
                    && github.repo().comments(githubNumber).stream()
                            .anyMatch(x -> x.body().contains(version));
        });
        GitHubCommentView comment = github.repo().comments(githubNumber).stream()
                .filter(x -> x.body().contains(version))
                .findFirst()
                .orElseThrow();
        GitHubIssueView issue = github.repo().issue(githubNumber);
        narrator.note("On GitHub, " + comment.author() + " comments on GitHub #" + githubNumber + ":");
        for (String line : bodyStart(comment.body(), 4)) narrator.note("  │ " + line);
        narrator.note("and GitHub #" + githubNumber + " is " + issue.state() + " (" + issue.stateReason() + ").");
    }

    /** The first {@code max} lines with words in them, hidden markers and Discord addresses left out. */
    static List<String> bodyStart(String body, int max) {
        return body.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("<!--") && !l.matches("\\|[ |-]*\\|"))
                .map(l -> l.replaceAll("https://discord\\.com/channels/[0-9/]+", "(its Discord address)"))
                .limit(max)
                .map(l -> l.length() > 110 ? l.substring(0, 109) + "…" : l)
                .toList();
    }
}
