package dev.loop.sim.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loop.core.MovableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;

/** ETags, rate limits, pagination, permissions and faults, seen on the wire and through hub4j. */
class GitHubSimLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-03-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private GitHubSim sim;
    private SimRepository repo;
    private String token;

    @BeforeEach
    void start() {
        sim = GitHubSim.start(clock);
        repo = sim.repo("acme/app");
        token = sim.token("acme");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.apiUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(sim.apiUrl() + path))
                        .header("Authorization", "token " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aConditionalGetAnswers304AndIsNotCounted() throws Exception {
        int n = repo.openIssue("octocat", "Crash", "boom");
        HttpResponse<String> first = get("/repos/acme/app/issues/" + n);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = header(first, "ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(header(first, "Last-Modified")).isEqualTo("Sun, 01 Mar 2026 10:00:00 GMT");
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("5000");
        assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("4999");
        assertThat(header(first, "X-RateLimit-Used")).isEqualTo("1");
        assertThat(header(first, "X-RateLimit-Resource")).isEqualTo("core");
        assertThat(header(first, "X-RateLimit-Reset"))
                .isEqualTo(
                        Long.toString(clock.instant().plus(Duration.ofHours(1)).getEpochSecond()));

        HttpResponse<String> again = get("/repos/acme/app/issues/" + n, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "X-RateLimit-Remaining")).isEqualTo("4999");
        assertThat(sim.counters().notModified()).isEqualTo(1);
        assertThat(sim.counters().counted()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        repo.comment("hubot", n, "same");
        HttpResponse<String> changed = get("/repos/acme/app/issues/" + n, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(header(changed, "ETag")).isNotEqualTo(etag);
        assertThat(header(changed, "X-RateLimit-Remaining")).isEqualTo("4998");

        // Lists carry ETags too, which is what makes polling cheap.
        HttpResponse<String> list = get("/repos/acme/app/issues?state=all&sort=updated");
        assertThat(get("/repos/acme/app/issues?state=all&sort=updated", "If-None-Match", header(list, "ETag"))
                        .statusCode())
                .isEqualTo(304);
        assertThat(get("/repos/acme/app/issues/" + n, "If-Modified-Since", header(changed, "Last-Modified"))
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void thePrimaryLimitAnswers403UntilTheWindowResets() throws Exception {
        sim.limits().primaryLimit(3);
        var gh = HubClientTest.client(sim, token); // GET /user: 1
        GHRepository r = gh.getRepository("acme/app"); // 2
        r.getIssues(GHIssueState.OPEN); // 3
        HttpResponse<String> refused = get("/repos/acme/app");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(JSON.readTree(refused.body()).path("message").asText()).startsWith("API rate limit exceeded");
        assertThatThrownBy(() -> r.getIssue(1)).isInstanceOf(IOException.class);
        assertThat(sim.counters().forbiddenPrimary()).isEqualTo(2);

        // /rate_limit itself is free, and hub4j reads it.
        assertThat(HubClientTest.client(sim, sim.token("other"))
                        .getRateLimit()
                        .getCore()
                        .getLimit())
                .isEqualTo(3);
        JsonNode limits = JSON.readTree(get("/rate_limit").body());
        assertThat(limits.path("resources").path("core").path("remaining").asInt())
                .isZero();

        clock.advance(Duration.ofHours(1));
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(200);
        assertThat(sim.quota("acme", "core").remaining()).isEqualTo(2);

        // A test can start a token near the end of its budget.
        sim.setUsed("acme", "core", 3);
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(403);
    }

    @Test
    void theSecondaryLimitAnswers403WithRetryAfter() throws Exception {
        sim.limits().secondaryLimit(5, Duration.ofMinutes(1));
        int n = repo.openIssue("octocat", "Crash", "boom");
        var gh = HubClientTest.client(sim, token);
        GHIssue issue = gh.getRepository("acme/app").getIssue(n);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            issue.comment("comment " + i);
        }
        HttpResponse<String> refused = post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"one more\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(header(refused, "Retry-After")).isEqualTo("56");
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .startsWith("You have exceeded a secondary rate limit");
        assertThatThrownBy(() -> issue.comment("and another")).isInstanceOf(IOException.class);
        assertThat(sim.counters().forbiddenSecondary()).isEqualTo(2);
        assertThat(sim.counters().earlyRetries()).isEqualTo(1);
        assertThat(sim.counters().contentCreating()).isEqualTo(5);
        assertThat(repo.comments(n)).hasSize(5);

        // Reads are not held back by the block.
        assertThat(get("/repos/acme/app/issues/" + n).statusCode()).isEqualTo(200);

        // The early retries above started the 56-second block over; waiting it out from the last one works.
        clock.advance(Duration.ofSeconds(55));
        assertThat(post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"too soon\"}")
                        .statusCode())
                .isEqualTo(403);
        clock.advance(Duration.ofSeconds(56));
        issue.comment("after waiting");
        assertThat(repo.comments(n)).hasSize(6);
    }

    @Test
    void withoutRestartsAnEarlyRetryDoesNotExtendTheBlock() throws Exception {
        sim.limits().secondaryLimit(1, Duration.ofMinutes(1)).earlyRetryRestartsBlock(false);
        int n = repo.openIssue("octocat", "Crash", "boom");
        assertThat(post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"a\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(header(post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"b\"}"), "Retry-After"))
                .isEqualTo("60");
        clock.advance(Duration.ofSeconds(20));
        assertThat(header(post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"c\"}"), "Retry-After"))
                .isEqualTo("40");
        clock.advance(Duration.ofSeconds(40));
        assertThat(post("/repos/acme/app/issues/" + n + "/comments", "{\"body\":\"d\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void listsArePagedWithLinkHeaders() throws Exception {
        for (int i = 1; i <= 45; i++) {
            repo.openIssue("octocat", "Issue " + i, "body");
            clock.advance(Duration.ofSeconds(1));
        }
        HttpResponse<String> first = get("/repos/acme/app/issues?per_page=20");
        assertThat(JSON.readTree(first.body())).hasSize(20);
        assertThat(header(first, "Link"))
                .contains(sim.apiUrl() + "/repos/acme/app/issues?per_page=20&page=2>; rel=\"next\"")
                .contains("page=3>; rel=\"last\"");
        HttpResponse<String> last = get("/repos/acme/app/issues?per_page=20&page=3");
        assertThat(JSON.readTree(last.body())).hasSize(5);
        assertThat(JSON.readTree(last.body()).get(4).path("number").asInt()).isEqualTo(1);
        assertThat(header(last, "Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        var gh = HubClientTest.client(sim, token);
        List<GHIssue> all = gh.getRepository("acme/app")
                .listIssues(GHIssueState.OPEN)
                .withPageSize(20)
                .toList();
        assertThat(all).hasSize(45);
        assertThat(sim.counters().requests("GET", "/repos/{owner}/{repo}/issues"))
                .isEqualTo(5);
    }

    @Test
    void sinceFiltersTheIssuesListByUpdatedAt() throws Exception {
        int old = repo.openIssue("octocat", "Old", "body");
        clock.advance(Duration.ofHours(1));
        Instant cut = clock.instant();
        int fresh = repo.openIssue("octocat", "Fresh", "body");
        clock.advance(Duration.ofMinutes(1));
        repo.react("hubot", old, "+1"); // reactions do not move updated_at
        JsonNode since = JSON.readTree(
                get("/repos/acme/app/issues?state=all&since=" + cut).body());
        assertThat(since).extracting(x -> x.path("number").asInt()).containsExactly(fresh);
        repo.comment("hubot", old, "me too");
        since = JSON.readTree(
                get("/repos/acme/app/issues?state=all&since=" + cut).body());
        assertThat(since).extracting(x -> x.path("number").asInt()).containsExactlyInAnyOrder(fresh, old);
    }

    @Test
    void aTokenWithoutIssuesWriteIsRefusedWithGitHubsMessage() throws Exception {
        token = "github_pat_readonly";
        sim.addToken(token, "reader", Set.of(GitHubPermission.METADATA_READ, GitHubPermission.ISSUES_READ));
        assertThat(get("/repos/acme/app/issues").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/repos/acme/app/issues", "{\"title\":\"t\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(header(refused, "X-Accepted-GitHub-Permissions")).isEqualTo("issues=write");
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .isEqualTo("Resource not accessible by personal access token");
        assertThat(get("/repos/acme/app/pulls").statusCode()).isEqualTo(403);
        assertThat(sim.counters().forbiddenPermission()).isEqualTo(2);
    }

    @Test
    void deletedIssuesAnswer410AndArchivedRepositoriesRefuseWrites() throws Exception {
        int n = repo.openIssue("octocat", "Spam", "spam");
        repo.deleteIssue(n);
        HttpResponse<String> gone = get("/repos/acme/app/issues/" + n);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(gone.body()).path("message").asText()).isEqualTo("This issue was deleted");

        repo.archive(true);
        HttpResponse<String> refused = post("/repos/acme/app/issues", "{\"title\":\"t\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .isEqualTo("Repository was archived so is read-only.");
        assertThat(JSON.readTree(get("/repos/acme/app").body()).path("archived").asBoolean())
                .isTrue();
        repo.archive(false);
        assertThat(post("/repos/acme/app/issues", "{\"title\":\"t\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void aClassicTokenReportsItsScopes() throws Exception {
        token = "ghp_classic_readonly";
        sim.addClassicToken(token, "reader", "read:user");
        HttpResponse<String> user = get("/user");
        assertThat(header(user, "X-OAuth-Scopes")).isEqualTo("read:user");
        assertThat(post("/repos/acme/app/issues", "{\"title\":\"t\"}").statusCode())
                .isEqualTo(404);
        token = "ghp_classic_repo";
        sim.addClassicToken(token, "writer", "repo", "read:org");
        assertThat(header(get("/user"), "X-OAuth-Scopes")).isEqualTo("repo, read:org");
        assertThat(post("/repos/acme/app/issues", "{\"title\":\"t\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void unknownRepositoriesAndBadTokensAnswerLikeGitHub() throws Exception {
        HttpResponse<String> missing = get("/repos/acme/nothing/issues/1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("message").asText()).isEqualTo("Not Found");
        token = "wrong";
        HttpResponse<String> bad = get("/user");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(bad.body()).path("message").asText()).isEqualTo("Bad credentials");
        assertThat(sim.counters().unauthorized()).isEqualTo(1);
    }

    @Test
    void faultsFailTheNextRequestsAnOutageFailsAllOfThem() throws Exception {
        sim.faults().failNext(2, 502).failNext(1, 500, "/comments");
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(502);
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(502);
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(200);
        assertThat(get("/repos/acme/app/issues/comments").statusCode()).isEqualTo(500);
        assertThat(get("/repos/acme/app/issues/comments").statusCode()).isEqualTo(200);

        sim.faults().outage();
        assertThat(get("/user").statusCode()).isEqualTo(503);
        assertThat(post("/repos/acme/app/issues", "{\"title\":\"t\"}").statusCode())
                .isEqualTo(503);
        sim.faults().endOutage();
        assertThat(post("/repos/acme/app/issues", "{\"title\":\"t\"}").statusCode())
                .isEqualTo(201);
        assertThat(repo.issues()).hasSize(1);

        sim.faults().rateLimitNext(1);
        HttpResponse<String> limited = get("/user");
        assertThat(limited.statusCode()).isEqualTo(403);
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        sim.faults().secondaryLimitNext(1, Duration.ofSeconds(30));
        assertThat(header(get("/user"), "Retry-After")).isEqualTo("30");
        assertThat(sim.counters().serverErrors()).isEqualTo(5);
    }

    @Test
    void theTimelineShowsPullRequestsThatMentionAnIssue() throws Exception {
        int n = repo.openIssue("octocat", "Crash", "boom");
        int pr = repo.openPullRequest("sam", "Fix the crash", "Fixes #" + n, false);
        repo.openPullRequest("sam", "Unrelated", "Touches #" + (n + 10), false);
        repo.comment("hubot", n, "thanks");
        repo.mergePullRequest("sam", pr);
        HttpResponse<String> response = get("/repos/acme/app/issues/" + n + "/timeline");
        JsonNode events = JSON.readTree(response.body());
        assertThat(events)
                .extracting(e -> e.path("event").asText())
                .containsExactly("cross-referenced", "commented", "closed");
        JsonNode source = events.get(0).path("source").path("issue");
        assertThat(source.path("number").asInt()).isEqualTo(pr);
        assertThat(source.has("pull_request")).isTrue();
        assertThat(get("/repos/acme/app/issues/" + n + "/timeline", "If-None-Match", header(response, "ETag"))
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void concurrentWritesGetDistinctNumbersAndAreAllCounted() throws Exception {
        sim.limits().secondaryLimit(1_000, Duration.ofMinutes(1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i;
                statuses.add(pool.submit(() -> post("/repos/acme/app/issues", "{\"title\":\"Issue " + k + "\"}")
                        .statusCode()));
            }
            for (var status : statuses) assertThat(status.get()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repo.issues())
                .extracting(GitHubIssueView::number)
                .doesNotHaveDuplicates()
                .hasSize(200);
        assertThat(sim.counters().contentCreating()).isEqualTo(200);
        assertThat(sim.counters().maxContentCreatingInAMinute()).isEqualTo(200);
        assertThat(sim.counters().requests("POST", "/repos/{owner}/{repo}/issues"))
                .isEqualTo(200);
    }

    @Test
    void searchHasItsOwnSmallerLimit() throws Exception {
        sim.limits().searchLimit(2);
        repo.openIssue("octocat", "Dark mode", "dark");
        HttpResponse<String> found = get("/search/issues?q=repo%3Aacme%2Fapp+dark");
        assertThat(JSON.readTree(found.body()).path("total_count").asInt()).isEqualTo(1);
        assertThat(header(found, "X-RateLimit-Resource")).isEqualTo("search");
        assertThat(get("/search/issues?q=dark").statusCode()).isEqualTo(200);
        assertThat(get("/search/issues?q=dark").statusCode()).isEqualTo(403);
        assertThat(get("/repos/acme/app").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("/search/issues?q=dark").statusCode()).isEqualTo(200);
    }
}
