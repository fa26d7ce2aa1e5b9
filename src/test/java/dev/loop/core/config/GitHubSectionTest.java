package dev.loop.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubSectionTest {

    private static final String REQUIRED = ConfigYaml.required(
            100000000000000001L,
            "",
            "",
            List.of(100000000000000002L),
            100000000000000004L,
            100000000000000005L,
            100000000000000006L);

    private static final Map<String, String> TOKEN = Map.of("GITHUB_TOKEN", "ghp_secret123");

    private static List<String> problems(String github, Map<String, String> env) {
        try {
            ConfigLoader.parse(REQUIRED + github, "loop.yaml", env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void absentSectionMeansNoGitHub() {
        Config c = ConfigLoader.parse(REQUIRED, "loop.yaml", Map.of());
        assertThat(c.github()).isEmpty();
    }

    @Test
    void defaultsAndEnvironmentOverride() {
        Config c = ConfigLoader.parse(
                REQUIRED + "github:\n  repo: acme/widget\n  api-url: https://ghe.example.com/api/v3/\n",
                "loop.yaml",
                Map.of("GITHUB_TOKEN", "ghp_secret123", "LOOP_GITHUB_API_URL", "http://127.0.0.1:9999"));
        GitHubSettings g = c.github().orElseThrow();
        assertThat(g.repo()).isEqualTo("acme/widget");
        assertThat(g.apiUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(g.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(g.transcript()).isEqualTo(GitHubSettings.Transcript.FULL);
        assertThat(g.closeOnShip()).isTrue();
        assertThat(g.autoPublish()).isFalse();
        assertThat(g.includePrereleases()).isFalse();
        assertThat(g.reviewLabelName()).contains("docs review");
        assertThat(g.writesPerMinute()).isEqualTo(80);
        assertThat(g.labels().kindLabel("bug")).contains("bug");
        assertThat(g.labels().priorityLabel("high")).contains("priority: high");
        assertThat(g.importLabelName()).isEmpty();
        assertThat(g.token().value()).isEqualTo("ghp_secret123");
        // the token never shows in the configuration's text, which may be logged
        assertThat(c.toString()).doesNotContain("ghp_secret123");
    }

    @Test
    void everyKeyIsRead() {
        Config c = ConfigLoader.parse(REQUIRED + """
                        github:
                          repo: acme/widget
                          poll-interval: 5m
                          labels: {kind: "kind/{value}", priority: "", area: "area/{value}"}
                          transcript: summary
                          import-label: triage
                          close-on-ship: false
                          writes-per-minute: 40
                          auto-publish: yes
                          include-prereleases: true
                          review-label: "docs & copy"
                          people: {octocat: "123456789012345690"}
                        """, "loop.yaml", TOKEN);
        GitHubSettings g = c.github().orElseThrow();
        assertThat(g.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(g.labels().kindLabel("bug")).contains("kind/bug");
        assertThat(g.labels().priorityLabel("high")).isEmpty();
        assertThat(g.transcript()).isEqualTo(GitHubSettings.Transcript.SUMMARY);
        assertThat(g.importLabelName()).contains("triage");
        assertThat(g.closeOnShip()).isFalse();
        assertThat(g.writesPerMinute()).isEqualTo(40);
        assertThat(g.autoPublish()).isTrue();
        assertThat(g.includePrereleases()).isTrue();
        assertThat(g.reviewLabelName()).contains("docs & copy");
        assertThat(g.people()).containsEntry("octocat", 123456789012345690L);
    }

    @Test
    void everyProblemIsReportedAtOnceOneLineEach() {
        List<String> problems = problems("""
                github:
                  repo: not a repo
                  token: ghp_in_a_file
                  api-url: ftp://example.com
                  poll-interval: 2s
                  labels: {kind: "kind", colour: red}
                  transcript: everything
                  people: {octocat: "12"}
                  writes-per-minute: 500
                  close-on-ship: maybe
                  auto-publish: sometimes
                  include-prereleases: rc
                  review-label: "docs, copy"
                  extra: 1
                """, Map.of());
        assertThat(problems)
                .anyMatch(p -> p.startsWith("github.repo:"))
                .anyMatch(p -> p.startsWith("github.token:") && p.contains("GITHUB_TOKEN"))
                .anyMatch(p -> p.startsWith("github: GITHUB_TOKEN is not set"))
                .anyMatch(p -> p.startsWith("github.api-url:"))
                .anyMatch(p -> p.startsWith("github.poll-interval:"))
                .anyMatch(p -> p.startsWith("github.labels.kind:"))
                .anyMatch(p -> p.startsWith("github.labels.colour: unknown key"))
                .anyMatch(p -> p.startsWith("github.transcript:"))
                .anyMatch(p -> p.startsWith("github.people.octocat:"))
                .anyMatch(p -> p.startsWith("github.writes-per-minute:"))
                .anyMatch(p -> p.startsWith("github.close-on-ship:"))
                .anyMatch(p -> p.startsWith("github.auto-publish:") && p.contains("true or false"))
                .anyMatch(p -> p.startsWith("github.include-prereleases:") && p.contains("true or false"))
                .anyMatch(p -> p.startsWith("github.review-label:"))
                .anyMatch(p -> p.startsWith("github.extra: unknown key"));
        assertThat(problems).allMatch(p -> !p.contains("\n"));
        assertThat(problems).noneMatch(p -> p.contains("ghp_in_a_file"));
    }

    @Test
    void aMissingRepoIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse(REQUIRED + "github:\n  poll-interval: 60s\n", "loop.yaml", TOKEN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("github.repo: missing");
    }
}
