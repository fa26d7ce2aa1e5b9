package dev.loop.github;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What Loop asks of GitHub, in its own terms. Every method either returns or throws {@link GitHubFailure} carrying
 * a {@link GitHubAnswer}; no HTTP client type crosses this port, so later features (linking GitHub issues, import,
 * pull requests) add methods here and the rules stay testable without a client.
 */
public interface GitHubGateway {

    /** The login Loop writes as (its own comments are not requests). */
    String login();

    /** Creates the labels that don't exist yet; returns how many it created (each a content-creating request). */
    int ensureLabels(Collection<String> names);

    /** Among the newest issues Loop itself created (newest first, not the search API), the one whose body holds it. */
    Optional<RemoteIssue> findCreatedWithMarker(String marker, int lookAt);

    RemoteIssue create(String title, String body, List<String> labels);

    RemoteIssue get(int number);

    /** Sets the body and, when {@code labels} is not null, the labels. */
    void edit(int number, String body, List<String> labels);

    /** Sets the title. */
    void retitle(int number, String title);

    /** The issue's comments, oldest first (a conditional request: unchanged costs no rate limit). */
    List<RemoteComment> comments(int number);

    /** The issue's body as it is now (a conditional request: an unchanged issue costs no rate limit). */
    String watchBody(int number);

    /** The people who reacted 👍 (a conditional request). */
    List<RemotePerson> thumbsUp(int number);

    void comment(int number, String body);

    /** Closes as completed, or as not planned. */
    void close(int number, boolean completed);

    /** An existing GitHub issue to import: the issue, who opened it, and whether it is really a pull request. */
    ImportSource readForImport(int number);

    record ImportSource(RemoteIssue issue, RemotePerson author, boolean pullRequest) {}

    /**
     * The newest open issues (pull requests left out), newest first, only those labelled {@code label} when it is
     * not null; at most {@code max} (a conditional request: unchanged costs no rate limit).
     */
    List<OpenedIssue> newestIssues(String label, int max);

    /** A GitHub issue someone opened, as a "New on GitHub" hint shows it. */
    record OpenedIssue(int number, String url, String title, String body, RemotePerson author) {}

    /** The most recently updated pull requests, open or not, newest first (at most {@code max}). */
    List<RemotePull> recentPulls(int max);

    /**
     * For each of these pull requests that exists, the numbers of the issues of the repository GitHub reports it will
     * close: linked with closing keywords or in the sidebar's "Development" box (one GraphQL query, which counts
     * against GitHub's GraphQL budget).
     */
    java.util.Map<Integer, List<Integer>> closingIssues(List<Integer> pulls);

    /** The newest releases, drafts included (Loop skips them), newest first (at most {@code max}). */
    List<RemoteRelease> recentReleases(int max);

    /** Whether commit {@code sha} is contained in {@code tag} (compare sha...tag is ahead or identical). */
    boolean tagContains(String tag, String sha);

    record RemoteRelease(long id, String tag, String body, boolean draft, boolean prerelease) {}

    /** A pull request as Loop reads it; {@code mergeSha} is set once merged. */
    record RemotePull(
            int number,
            String url,
            String title,
            String body,
            String authorLogin,
            boolean draft,
            boolean open,
            boolean merged,
            String mergeSha) {}

    /** Opens a closed issue again (its state reason becomes "reopened"). */
    void reopen(int number);

    /**
     * A GitHub issue as Loop reads it; {@code closedBy} is the login of whoever closed it (null while open, or when
     * GitHub did not say), so Loop reopens only what it closed itself.
     */
    record RemoteIssue(
            int number, String url, String title, String body, List<String> labels, boolean open, String closedBy) {
        public RemoteIssue {
            labels = List.copyOf(labels);
        }
    }

    /** A GitHub account: its numeric id (stable) and login (shown). */
    record RemotePerson(long id, String login, boolean bot) {}

    record RemoteComment(long id, RemotePerson author, String body) {}

    /** A request that did not succeed, and how. */
    final class GitHubFailure extends RuntimeException {
        private final transient GitHubAnswer answer;

        public GitHubFailure(GitHubAnswer answer, String message) {
            super(message);
            this.answer = answer;
        }

        public GitHubAnswer answer() {
            return answer;
        }
    }
}
