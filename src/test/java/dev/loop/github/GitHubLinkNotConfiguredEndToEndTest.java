package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a {@code github:} section, {@code /link} with a GitHub issue says GitHub is not configured. */
@EndToEnd
class GitHubLinkNotConfiguredEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z").build();

    @Test
    void linkingAGitHubIssueWithoutTheGitHubSectionSaysSo() {
        var issue = c.capture(c.alice, "Export loses colours", "The PDF export is grey");
        assertThat(c.erin.runSlash(c.team, "link", Map.of("issue", issue.number(), "github", "#12"))
                        .awaitReply()
                        .content())
                .isEqualTo("GitHub is not configured on this server, so /link cannot take a GitHub issue;"
                        + " link a Discord thread instead.");
    }
}
