package dev.loop.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * {@link GitHubGateway} over hub4j's github-api for everything but the polling reads, which {@link ConditionalGets}
 * sends conditionally. hub4j's own limit handlers would sleep inside the call; Loop's replace them with handlers
 * that fail at once with what GitHub said, so the sync decides ({@link Backoff}) and waits without holding a thread.
 */
final class Hub4jGateway implements GitHubGateway {

    private final GitHub github;
    private final GHRepository repo;
    private final String apiUrl;
    private final String repoPath;
    private final String login;
    private final ConditionalGets gets;
    private final GraphQlClient graphQl;
    private final Clock clock;

    private Hub4jGateway(
            GitHub github,
            GHRepository repo,
            String apiUrl,
            String repoPath,
            String login,
            ConditionalGets gets,
            GraphQlClient graphQl,
            Clock clock) {
        this.graphQl = graphQl;
        this.github = github;
        this.repo = repo;
        this.apiUrl = apiUrl;
        this.repoPath = repoPath;
        this.login = login;
        this.gets = gets;
        this.clock = clock;
    }

    /** Connects (hub4j reads GET /user first) and opens the repository. */
    static Hub4jGateway connect(String apiUrl, String token, String repoPath, Clock clock) {
        return call(() -> {
            GitHub gh = new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    .withOAuthToken(token)
                    .withRateLimitHandler(new FailFast.Primary(clock))
                    .withAbuseLimitHandler(new FailFast.Secondary(clock))
                    .build();
            String me = gh.getMyself().getLogin();
            GHRepository repo = gh.getRepository(repoPath);
            return new Hub4jGateway(
                    gh,
                    repo,
                    apiUrl,
                    repoPath,
                    me,
                    new ConditionalGets(token, clock),
                    new GraphQlClient(apiUrl, token, clock),
                    clock);
        });
    }

    /** Polling requests GitHub counted: the REST reads that were not 304, and every GraphQL query. */
    long countedPolls() {
        return gets.counted() + graphQl.sent();
    }

    @Override
    public java.util.Map<Integer, List<Integer>> closingIssues(List<Integer> pulls) {
        return graphQl.closingIssues(repoPath, pulls);
    }

    @Override
    public String login() {
        return login;
    }

    @Override
    public int ensureLabels(Collection<String> names) {
        return call(() -> {
            Set<String> existing = new HashSet<>();
            for (GHLabel l : repo.listLabels().withPageSize(100))
                existing.add(l.getName().toLowerCase(Locale.ROOT));
            int created = 0;
            for (String name : names) {
                if (existing.add(name.toLowerCase(Locale.ROOT))) {
                    repo.createLabel(name, "c5def5");
                    created++;
                }
            }
            return created;
        });
    }

    @Override
    public Optional<RemoteIssue> findCreatedWithMarker(String marker, int lookAt) {
        return call(() -> {
            int seen = 0;
            for (GHIssue i : repo.queryIssues()
                    .creator(login)
                    .state(GHIssueState.ALL)
                    .sort(GHIssueQueryBuilder.Sort.CREATED)
                    .direction(GHDirection.DESC)
                    .pageSize(Math.min(100, lookAt))
                    .list()) {
                if (i.getBody() != null && i.getBody().contains(marker)) return Optional.of(remote(i));
                if (++seen >= lookAt) break;
            }
            return Optional.empty();
        });
    }

    @Override
    public List<RemoteRelease> recentReleases(int max) {
        // conditional, like the other polling reads: an unchanged list costs no rate limit
        List<RemoteRelease> out = new ArrayList<>();
        for (JsonNode r : gets.list(base() + "/releases?per_page=" + Math.min(100, max))) {
            out.add(new RemoteRelease(
                    r.path("id").asLong(),
                    r.path("tag_name").asText(""),
                    r.path("body").isNull() ? null : r.path("body").asText(null),
                    r.path("draft").asBoolean(false),
                    r.path("prerelease").asBoolean(false)));
            if (out.size() >= max) break;
        }
        return out;
    }

    @Override
    public boolean tagContains(String tag, String sha) {
        return call(() -> {
            GHCompare.Status status = repo.getCompare(sha, tag).getStatus();
            return status == GHCompare.Status.ahead || status == GHCompare.Status.identical;
        });
    }

    @Override
    public List<RemotePull> recentPulls(int max) {
        // conditional, like the other polling reads: an unchanged list costs no rate limit
        List<RemotePull> out = new ArrayList<>();
        for (JsonNode p :
                gets.list(base() + "/pulls?state=all&sort=updated&direction=desc&per_page=" + Math.min(100, max))) {
            boolean merged =
                    !p.path("merged_at").isMissingNode() && !p.path("merged_at").isNull();
            out.add(new RemotePull(
                    p.path("number").asInt(),
                    p.path("html_url").asText(""),
                    p.path("title").asText(""),
                    p.path("body").isNull() ? null : p.path("body").asText(null),
                    p.path("user").path("login").asText(null),
                    p.path("draft").asBoolean(false),
                    "open".equals(p.path("state").asText()),
                    merged,
                    merged ? p.path("merge_commit_sha").asText(null) : null));
            if (out.size() >= max) break;
        }
        return out;
    }

    @Override
    public List<OpenedIssue> newestIssues(String label, int max) {
        String url = base() + "/issues?state=open&sort=created&direction=desc&per_page=" + Math.min(100, max)
                + (label == null
                        ? ""
                        : "&labels=" + java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8));
        List<OpenedIssue> out = new ArrayList<>();
        for (JsonNode i : gets.list(url, 1)) { // only the newest page: older issues were seen before
            if (i.has("pull_request")) continue;
            out.add(new OpenedIssue(
                    i.path("number").asInt(),
                    i.path("html_url").asText(""),
                    i.path("title").asText(""),
                    i.path("body").isNull() ? "" : i.path("body").asText(""),
                    person(i.path("user"))));
            if (out.size() >= max) break;
        }
        return out;
    }

    @Override
    public RemoteIssue create(String title, String body, List<String> labels) {
        return call(() -> {
            var b = repo.createIssue(title).body(body);
            for (String l : labels) b.label(l);
            return remote(b.create());
        });
    }

    @Override
    public RemoteIssue get(int number) {
        return call(() -> remote(repo.getIssue(number)));
    }

    @Override
    public ImportSource readForImport(int number) {
        return call(() -> {
            GHIssue i = repo.getIssue(number);
            var user = i.getUser();
            RemotePerson author = user == null
                    ? new RemotePerson(0, "", false)
                    : new RemotePerson(user.getId(), user.getLogin(), "Bot".equals(user.getType()));
            return new ImportSource(remote(i), author, i.isPullRequest());
        });
    }

    @Override
    public void edit(int number, String body, List<String> labels) {
        call(() -> {
            GHIssue issue = repo.getIssue(number);
            issue.setBody(body);
            if (labels != null) issue.setLabels(labels.toArray(String[]::new));
            return null;
        });
    }

    @Override
    public void retitle(int number, String title) {
        call(() -> {
            repo.getIssue(number).setTitle(title);
            return null;
        });
    }

    @Override
    public List<RemoteComment> comments(int number) {
        List<RemoteComment> out = new ArrayList<>();
        for (JsonNode c : gets.list(base() + "/issues/" + number + "/comments?per_page=100")) {
            out.add(new RemoteComment(
                    c.path("id").asLong(),
                    person(c.path("user")),
                    c.path("body").asText("")));
        }
        return out;
    }

    @Override
    public String watchBody(int number) {
        JsonNode issue = gets.one(base() + "/issues/" + number);
        return issue.path("body").isNull() ? "" : issue.path("body").asText("");
    }

    @Override
    public List<RemotePerson> thumbsUp(int number) {
        List<RemotePerson> out = new ArrayList<>();
        for (JsonNode r : gets.list(base() + "/issues/" + number + "/reactions?content=%2B1&per_page=100")) {
            if ("+1".equals(r.path("content").asText())) out.add(person(r.path("user")));
        }
        return out;
    }

    @Override
    public void comment(int number, String body) {
        call(() -> repo.getIssue(number).comment(body));
    }

    @Override
    public void close(int number, boolean completed) {
        call(() -> {
            repo.getIssue(number).close(completed ? GHIssueStateReason.COMPLETED : GHIssueStateReason.NOT_PLANNED);
            return null;
        });
    }

    @Override
    public void reopen(int number) {
        call(() -> {
            repo.getIssue(number).reopen();
            return null;
        });
    }

    private String base() {
        return apiUrl + "/repos/" + repoPath;
    }

    private static RemotePerson person(JsonNode user) {
        return new RemotePerson(
                user.path("id").asLong(),
                user.path("login").asText(""),
                "Bot".equals(user.path("type").asText()));
    }

    private static RemoteIssue remote(GHIssue i) throws IOException {
        List<String> labels = new ArrayList<>();
        for (GHLabel l : i.getLabels()) labels.add(l.getName());
        return new RemoteIssue(
                i.getNumber(),
                i.getHtmlUrl() == null ? "" : i.getHtmlUrl().toString(),
                i.getTitle(),
                i.getBody() == null ? "" : i.getBody(),
                labels,
                i.getState() != GHIssueState.CLOSED,
                i.getClosedBy() == null ? null : i.getClosedBy().getLogin());
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs a hub4j call and turns whatever went wrong into a {@link GitHubFailure}. */
    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            // hub4j wraps IOExceptions of paged iteration in GHException
            if (e.getCause() instanceof IOException io) throw failure(io);
            throw e;
        }
    }

    private static GitHubFailure failure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FailFast.Limited limited) return new GitHubFailure(limited.answer, limited.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getResponseCode() > 0) {
                int code = h.getResponseCode();
                GitHubAnswer a = code >= 500
                        ? new GitHubAnswer.ServerError(code)
                        : new GitHubAnswer.Refused(code, String.valueOf(h.getMessage()));
                return new GitHubFailure(a, "GitHub answered " + code);
            }
            // hub4j answers a 404 with GHFileNotFoundException, which carries no status code
            if (t instanceof java.io.FileNotFoundException)
                return new GitHubFailure(new GitHubAnswer.Refused(404, "Not Found"), "GitHub answered 404");
        }
        return new GitHubFailure(new GitHubAnswer.Unreachable(e.toString()), e.toString());
    }
}
