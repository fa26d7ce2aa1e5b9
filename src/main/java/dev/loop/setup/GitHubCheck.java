package dev.loop.setup;

import dev.loop.core.config.GitHubSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * What stands between the {@code github:} section and a working sync: the token is refused, the API is out of
 * reach, the repository is not visible, or the token lacks a permission Loop uses. One sentence per problem, naming
 * the config key or the permission to grant (fine-grained) and the scope (classic).
 *
 * <p>Every probe is a read, except the issue-write probe: it asks GitHub to create a label with an empty name, which
 * GitHub refuses with 422 when the token may write issues (nothing is created) and with 403 or 404 when it may not.
 */
public final class GitHubCheck {
    private GitHubCheck() {}

    /** Problems with the GitHub side; empty when the token can do everything Loop does. */
    public static List<String> problems(GitHubSettings settings) {
        List<String> problems = new ArrayList<>();
        GitHub gh;
        try {
            gh = new GitHubBuilder()
                    .withEndpoint(settings.apiUrl())
                    .withOAuthToken(settings.token().value())
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            gh.getMyself();
        } catch (IOException | RuntimeException e) {
            int status = status(e);
            if (status == 401) {
                problems.add("GITHUB_TOKEN: GitHub rejected the token (expired, revoked or mistyped); create a new one "
                        + "as the README's GitHub section says");
            } else if (status > 0) {
                problems.add("GITHUB_TOKEN: GitHub answered " + status + " when Loop asked who the token belongs to");
            } else {
                problems.add("github.api-url: Loop cannot reach " + settings.apiUrl() + " (" + reason(e) + ")");
            }
            return problems;
        }
        GHRepository repo;
        try {
            repo = gh.getRepository(settings.repo());
        } catch (IOException | RuntimeException e) {
            int status = status(e);
            if (status == 404 || status == 403) {
                problems.add("github.repo: " + settings.repo() + " does not exist or the token cannot see it "
                        + "(fine-grained: add it under Repository access, with Metadata: Read)");
            } else {
                problems.add("github.repo: reading " + settings.repo() + " failed (" + reason(e) + ")");
            }
            return problems;
        }
        probeIssueWrite(problems, repo);
        probe(
                problems,
                "read pull requests (fine-grained: Pull requests: Read; classic: the repo scope)",
                () -> repo.queryPullRequests().list().withPageSize(1).iterator().hasNext());
        probe(
                problems,
                "read releases (fine-grained: Contents: Read; classic: the repo scope)",
                () -> repo.listReleases().withPageSize(1).iterator().hasNext());
        probe(
                problems,
                "read the repository's contents (fine-grained: Contents: Read; classic: the repo scope)",
                () -> repo.listTags().withPageSize(1).iterator().hasNext());
        return problems;
    }

    private static void probeIssueWrite(List<String> problems, GHRepository repo) {
        try {
            repo.createLabel("", "ededed");
            // GitHub never accepts an empty name; if it did, there is nothing to fix for Loop
        } catch (IOException | RuntimeException e) {
            int status = status(e);
            if (status == 422) return; // allowed to write, refused only for the empty name
            if (status == 403 || status == 404) {
                problems.add("GITHUB_TOKEN: the token may not write issues "
                        + "(fine-grained: Issues: Read and write; classic: the repo or public_repo scope)");
            } else {
                problems.add("GITHUB_TOKEN: checking that the token may write issues failed (" + reason(e) + ")");
            }
        }
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws IOException;
    }

    private static void probe(List<String> problems, String what, Probe probe) {
        try {
            probe.run();
        } catch (IOException | RuntimeException e) {
            int status = status(e);
            if (status == 403 || status == 404) {
                problems.add("GITHUB_TOKEN: the token may not " + what);
            } else {
                problems.add("GITHUB_TOKEN: checking that the token may " + what + " failed (" + reason(e) + ")");
            }
        }
    }

    /** The HTTP status in hub4j's exception chain, or 0 when GitHub did not answer. */
    private static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getResponseCode() > 0) return h.getResponseCode();
            if (t instanceof FileNotFoundException) return 404;
        }
        return 0;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
