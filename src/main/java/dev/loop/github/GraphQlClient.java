package dev.loop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one GraphQL query Loop sends: which issues each of some pull requests will close, as GitHub links them
 * ({@code closingIssuesReferences}: closing keywords and the sidebar's "Development" box alike). hub4j's
 * {@code github-api} (1.330) speaks only REST and offers no public way to send a raw request, and REST does not
 * expose the sidebar link, so this small client sends the query itself with java.net.http and reads the answer with
 * Jackson. GraphQL has its own points budget: the {@code X-RateLimit-*} headers of every answer are kept, and once
 * they say it is spent nothing is sent until it resets.
 */
final class GraphQlClient {

    private static final Logger log = LoggerFactory.getLogger(GraphQlClient.class);
    /** How many issues of one pull request are read; more than any real pull request closes. */
    static final int ISSUES_PER_PULL = 25;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String token;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private volatile int remaining = -1;
    private volatile Instant resetAt = Instant.EPOCH;

    GraphQlClient(String apiUrl, String token, Clock clock) {
        this.endpoint = URI.create(endpoint(apiUrl));
        this.token = token;
        this.clock = clock;
    }

    /**
     * The GraphQL endpoint of a REST API address: {@code https://api.github.com/graphql} for GitHub, and for GitHub
     * Enterprise's {@code https://host/api/v3}, {@code https://host/api/graphql}.
     */
    static String endpoint(String apiUrl) {
        String u = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        if (u.toLowerCase(Locale.ROOT).endsWith("/api/v3"))
            return u.substring(0, u.length() - "v3".length()) + "graphql";
        return u + "/graphql";
    }

    /** The query for {@code pulls} pull requests, their numbers in the variables {@code $p0}, {@code $p1}, … */
    static String closingIssuesQuery(int pulls) {
        StringBuilder q = new StringBuilder("query($owner: String!, $name: String!");
        for (int i = 0; i < pulls; i++) q.append(", $p").append(i).append(": Int!");
        q.append(") { repository(owner: $owner, name: $name) {");
        for (int i = 0; i < pulls; i++)
            q.append(" p")
                    .append(i)
                    .append(": pullRequest(number: $p")
                    .append(i)
                    .append(") { number closingIssuesReferences(first: ")
                    .append(ISSUES_PER_PULL)
                    .append(") { nodes { number repository { nameWithOwner } } } }");
        return q.append(" } }").toString();
    }

    /** Queries GitHub counted (every GraphQL query is; there are no conditional ones). */
    long sent() {
        return sent.get();
    }

    /** What GitHub last said is left of the GraphQL budget (-1 before the first answer). */
    int remaining() {
        return remaining;
    }

    /**
     * For each of {@code pulls} (of repository {@code repo}, "owner/name") that exists, the numbers of the issues of
     * {@code repo} it will close, in one query.
     */
    Map<Integer, List<Integer>> closingIssues(String repo, List<Integer> pulls) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        if (pulls.isEmpty()) return out;
        Instant now = clock.instant();
        if (remaining == 0 && now.isBefore(resetAt))
            throw new GitHubGateway.GitHubFailure(
                    new GitHubAnswer.RateLimited(resetAt), "GitHub's GraphQL budget is spent until " + resetAt);
        int slash = repo.indexOf('/');
        ObjectNode body = json.createObjectNode();
        body.put("query", closingIssuesQuery(pulls.size()));
        ObjectNode variables = body.putObject("variables");
        variables.put("owner", repo.substring(0, slash));
        variables.put("name", repo.substring(slash + 1));
        for (int i = 0; i < pulls.size(); i++) variables.put("p" + i, pulls.get(i));
        JsonNode answer = post(body);
        JsonNode repository = answer.path("data").path("repository");
        for (int i = 0; i < pulls.size(); i++) {
            JsonNode pull = repository.path("p" + i);
            if (!pull.isObject()) continue; // not found: GitHub says so in errors, and nulls it
            List<Integer> issues = new ArrayList<>();
            for (JsonNode n : pull.path("closingIssuesReferences").path("nodes")) {
                if (n.path("repository").path("nameWithOwner").asText("").equalsIgnoreCase(repo))
                    issues.add(n.path("number").asInt());
            }
            out.put(pulls.get(i), List.copyOf(issues));
        }
        return out;
    }

    private JsonNode post(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> res;
        try {
            res = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GitHubGateway.GitHubFailure(
                    new GitHubAnswer.Unreachable(e.toString()), "POST " + endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubGateway.GitHubFailure(new GitHubAnswer.Unreachable("interrupted"), "interrupted");
        }
        sent.incrementAndGet();
        budget(res);
        int status = res.statusCode();
        if (status != 200)
            throw new GitHubGateway.GitHubFailure(
                    ConditionalGets.answer(
                            status, name -> res.headers().firstValue(name).orElse(null), res.body(), clock.instant()),
                    "POST " + endpoint + " answered " + status);
        JsonNode answer;
        try {
            answer = json.readTree(res.body());
        } catch (IOException e) {
            throw new GitHubGateway.GitHubFailure(
                    new GitHubAnswer.ServerError(200), "GitHub sent a GraphQL answer Loop cannot read");
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            for (JsonNode e : errors) {
                if ("RATE_LIMITED".equals(e.path("type").asText()))
                    throw new GitHubGateway.GitHubFailure(
                            new GitHubAnswer.RateLimited(resetAt.isAfter(clock.instant()) ? resetAt : null),
                            "GitHub's GraphQL budget is spent");
            }
            // a pull request that does not exist (any more) is an error beside the others' data
            if (!answer.path("data").path("repository").isObject())
                throw new GitHubGateway.GitHubFailure(
                        new GitHubAnswer.Refused(
                                200, errors.get(0).path("message").asText("")),
                        "GitHub refused the GraphQL query: "
                                + errors.get(0).path("message").asText(""));
        }
        return answer;
    }

    /** Keeps what the {@code X-RateLimit-*} headers say of the GraphQL budget. */
    private void budget(HttpResponse<String> res) {
        String left = res.headers().firstValue("X-RateLimit-Remaining").orElse(null);
        String reset = res.headers().firstValue("X-RateLimit-Reset").orElse(null);
        if (reset != null && reset.trim().matches("\\d{1,12}"))
            resetAt = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
        if (left != null && left.trim().matches("\\d{1,9}")) {
            int was = remaining;
            remaining = Integer.parseInt(left.trim());
            String limit = res.headers().firstValue("X-RateLimit-Limit").orElse("");
            if (remaining == 0 || (was > 100 && remaining <= 100))
                log.warn("GitHub's GraphQL budget: {} of {} points left until {}", remaining, limit, resetAt);
        }
    }
}
