package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.MovableClock;
import dev.loop.sim.github.GitHubSim;
import dev.loop.sim.github.SimRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GraphQL client against the GitHub simulator's {@code POST /graphql}, as GitHub answers it. */
class GraphQlClientTest {

    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-11-30T10:00:00Z"));
    private GitHubSim sim;
    private SimRepository repo;

    @BeforeEach
    void start() {
        sim = GitHubSim.start(clock);
        repo = sim.repo("acme/widget");
        sim.user("sam");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theEndpointIsGitHubsOrTheEnterpriseHostsGraphQl() {
        assertThat(GraphQlClient.endpoint("https://api.github.com")).isEqualTo("https://api.github.com/graphql");
        assertThat(GraphQlClient.endpoint("https://api.github.com/")).isEqualTo("https://api.github.com/graphql");
        assertThat(GraphQlClient.endpoint("https://git.acme.io/api/v3")).isEqualTo("https://git.acme.io/api/graphql");
        assertThat(GraphQlClient.endpoint("http://127.0.0.1:4000")).isEqualTo("http://127.0.0.1:4000/graphql");
    }

    @Test
    void readsSidebarAndKeywordLinksOfSeveralPullRequestsInOneQuery() {
        int a = repo.openIssue("sam", "A", "");
        int b = repo.openIssue("sam", "B", "");
        int sidebar = repo.openPullRequest("sam", "One", "No keyword here", false);
        int keyword = repo.openPullRequest("sam", "Two", "Fixes #" + b, false);
        repo.linkInSidebar("sam", sidebar, a);
        GraphQlClient client = new GraphQlClient(sim.apiUrl(), sim.token("loop-bot"), clock);

        Map<Integer, List<Integer>> linked = client.closingIssues("acme/widget", List.of(sidebar, keyword, 999));

        assertThat(linked).containsOnly(Map.entry(sidebar, List.of(a)), Map.entry(keyword, List.of(b)));
        assertThat(sim.counters().requests("POST", "/graphql")).isEqualTo(1);
        assertThat(sim.counters().contentCreating())
                .as("a query creates nothing")
                .isZero();
        assertThat(client.remaining()).isEqualTo(4_999);
        assertThat(sim.quota("loop-bot", "graphql").used()).isEqualTo(1);
    }

    @Test
    void aBadTokenIsRefusedWith401AndASpentBudgetStopsTheQueriesUntilItResets() {
        int pr = repo.openPullRequest("sam", "One", "", false);
        GraphQlClient bad = new GraphQlClient(sim.apiUrl(), "not-a-token", clock);
        assertThatThrownBy(() -> bad.closingIssues("acme/widget", List.of(pr)))
                .isInstanceOfSatisfying(
                        GitHubGateway.GitHubFailure.class,
                        f -> assertThat(f.answer())
                                .isEqualTo(new GitHubAnswer.Refused(
                                        401, f.answer() instanceof GitHubAnswer.Refused r ? r.message() : "")));

        String token = sim.token("loop-bot");
        GraphQlClient client = new GraphQlClient(sim.apiUrl(), token, clock);
        sim.setUsed("loop-bot", "graphql", 4_999);
        client.closingIssues("acme/widget", List.of(pr)); // the last point
        assertThat(client.remaining()).isZero();
        long sent = sim.counters().requests("POST", "/graphql");
        assertThatThrownBy(() -> client.closingIssues("acme/widget", List.of(pr)))
                .isInstanceOfSatisfying(
                        GitHubGateway.GitHubFailure.class,
                        f -> assertThat(f.answer()).isInstanceOf(GitHubAnswer.RateLimited.class));
        assertThat(sim.counters().requests("POST", "/graphql"))
                .as("nothing sent while the budget is spent")
                .isEqualTo(sent);

        clock.advance(java.time.Duration.ofHours(1).plusSeconds(1));
        assertThat(client.closingIssues("acme/widget", List.of(pr))).containsKey(pr);
    }
}
