package dev.loop.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.ConfigYaml;
import dev.loop.sim.github.GitHubPermission;
import dev.loop.sim.github.GitHubSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run.sh check} with a {@code github:} section, against the GitHub simulator through the real hub4j client:
 * each token lacking one thing Loop needs gives exactly one line naming the permission or the config key.
 */
class GitHubCheckTest extends SetupCommandRun {

    GitHubSim github;

    @BeforeAll
    void start() {
        github = GitHubSim.start();
        github.repo("acme/widget").addCollaborator("loop-bot");
    }

    @AfterAll
    void stop() {
        if (github != null) github.close();
    }

    int check(String repo, String token) throws Exception {
        Path file = dir.resolve("loop.yaml");
        Files.writeString(
                file,
                ConfigYaml.required(
                                123456789012345678L,
                                "http://127.0.0.1:1/api",
                                "ws://127.0.0.1:1",
                                List.of(223456789012345678L),
                                323456789012345678L,
                                423456789012345678L,
                                523456789012345678L)
                        + "github:\n  repo: " + repo + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("LOOP_CONFIG", file.toString());
        env.put("LOOP_GITHUB_API_URL", github.apiUrl());
        if (token != null) env.put("GITHUB_TOKEN", token);
        return check(env);
    }

    List<String> problems() {
        return stderrLines();
    }

    String token(String... permissions) {
        String value = "github_pat_" + Long.toHexString(System.nanoTime());
        github.addToken(value, "loop-bot", List.of(permissions));
        return value;
    }

    @Test
    void aTokenWithEveryPermissionPasses() throws Exception {
        assertThat(check("acme/widget", github.token("loop-bot"))).isZero();
        assertThat(problems()).isEmpty();
        assertThat(stdout())
                .contains("GitHub: the token may write the issues of acme/widget and read its pull requests");
        assertThat(github.repo("acme/widget").labels()).isEmpty();
    }

    @Test
    void aMissingTokenNamesTheVariable() throws Exception {
        assertThat(check("acme/widget", null)).isEqualTo(1);
        assertThat(problems()).singleElement().asString().startsWith("config: github: GITHUB_TOKEN is not set");
    }

    @Test
    void aRevokedTokenIsOneLine() throws Exception {
        String token = github.token("loop-bot");
        github.revokeToken(token);
        assertThat(check("acme/widget", token)).isEqualTo(1);
        assertThat(problems()).singleElement().asString().startsWith("GITHUB_TOKEN: GitHub rejected the token");
    }

    @Test
    void anUnknownRepositoryNamesTheKey() throws Exception {
        assertThat(check("acme/nothing-here", github.token("loop-bot"))).isEqualTo(1);
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("github.repo: acme/nothing-here does not exist or the token cannot see it");
    }

    @Test
    void aReadOnlyTokenLacksIssueWrites() throws Exception {
        String token = token(
                GitHubPermission.ISSUES_READ, GitHubPermission.PULL_REQUESTS_READ, GitHubPermission.CONTENTS_READ);
        assertThat(check("acme/widget", token)).isEqualTo(1);
        assertThat(problems())
                .containsExactly("GITHUB_TOKEN: the token may not write issues "
                        + "(fine-grained: Issues: Read and write; classic: the repo or public_repo scope)");
    }

    @Test
    void eachMissingReadIsItsOwnLine() throws Exception {
        assertThat(check("acme/widget", token(GitHubPermission.ISSUES_WRITE))).isEqualTo(1);
        assertThat(problems())
                .containsExactly(
                        "GITHUB_TOKEN: the token may not read pull requests "
                                + "(fine-grained: Pull requests: Read; classic: the repo scope)",
                        "GITHUB_TOKEN: the token may not read releases "
                                + "(fine-grained: Contents: Read; classic: the repo scope)",
                        "GITHUB_TOKEN: the token may not read the repository's contents "
                                + "(fine-grained: Contents: Read; classic: the repo scope)");
    }

    @Test
    void aClassicTokenWithoutTheRepoScopeMayNotWrite() throws Exception {
        github.addClassicToken("ghp_classicreadonly", "loop-bot", "read:user");
        assertThat(check("acme/widget", "ghp_classicreadonly")).isEqualTo(1);
        assertThat(problems()).singleElement().asString().startsWith("GITHUB_TOKEN: the token may not write issues");
    }
}
