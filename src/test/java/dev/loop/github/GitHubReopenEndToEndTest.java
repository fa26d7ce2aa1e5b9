package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.issue.Place;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Loop closed on GitHub opens again when the Loop issue does: an unmerged issue's GitHub issue is reopened and
 * both GitHub bodies show where the places and people went; a closed issue reopened with {@code /issue reopen}
 * reopens its GitHub issue, unless a person closed that one on GitHub.
 */
class GitHubReopenEndToEndTest extends GitHubEndToEnd {

    @Test
    void anUnmergedIssueReopensItsGitHubIssueAndBothBodiesFollow() throws Exception {
        world("");
        Captured kept = w.captureExported(w.alice, "Export loses colours", "The PDF export is grey");
        Captured dup = w.captureExported(w.bob, "PDF has no colour", "Grey PDFs since 2.3");
        int keptOnGitHub = w.githubNumberOf(kept), dupOnGitHub = w.githubNumberOf(dup);
        String dupPlace = w.issues().places(dup.number()).stream()
                .filter(p -> p.kind() != Place.PlaceKind.GITHUB)
                .findFirst()
                .orElseThrow()
                .url();

        w.erin.runSlash(w.team, "issue merge", Map.of("from", dup.number(), "into", kept.number()))
                .awaitReply();
        GitHubIssueView merged = w.awaitExported(dup.number());
        assertThat(merged.state()).isEqualTo("closed");
        assertThat(merged.stateReason()).isEqualTo("not_planned");
        assertThat(w.awaitExported(kept.number()).body()).contains(dupPlace);

        String reply = w.erin.runSlash(w.team, "issue unmerge", Map.of("number", dup.number()))
                .awaitReply()
                .content();
        assertThat(reply).startsWith("Split **#" + dup.number() + "**");
        GitHubIssueView back = w.awaitExported(dup.number());
        assertThat(back.number()).isEqualTo(dupOnGitHub);
        assertThat(back.open()).isTrue();
        assertThat(back.stateReason()).isEqualTo("reopened");
        assertThat(back.body()).contains(dupPlace);
        GitHubIssueView keptAfter = w.awaitExported(kept.number());
        assertThat(keptAfter.number()).isEqualTo(keptOnGitHub);
        assertThat(keptAfter.body()).doesNotContain(dupPlace);
        assertThat(keptAfter.open()).isTrue();

        // later rounds write nothing more
        long patches = w.patches();
        w.awaitExported(dup.number());
        assertThat(w.patches()).isEqualTo(patches);
        assertThat(w.repo.issues()).hasSize(2);
    }

    @Test
    void aReopenedIssueReopensTheGitHubIssueLoopClosedButNotOneAPersonClosed() throws Exception {
        world("");
        Captured c = w.captureExported(w.alice, "Make the logo bigger", "It is tiny");
        Captured other = w.captureExported(w.bob, "Sidebar flickers", "On every click");
        int onGitHub = w.githubNumberOf(c);

        assertThat(reopen(c.number())).isEqualTo("#" + c.number() + " is not closed, so there is nothing to reopen.");
        assertThat(w.alice
                        .runSlash(w.team, "issue reopen", Map.of("number", c.number()))
                        .awaitReply()
                        .content())
                .isEqualTo("Only engineers can reopen issues.");

        w.erin.runSlash(w.team, "issue close", Map.of("number", c.number(), "reason", "not a bug"))
                .awaitReply();
        assertThat(w.awaitExported(c.number()).stateReason()).isEqualTo("not_planned");
        assertThat(reopen(c.number())).isEqualTo("Reopened **#" + c.number() + "** Make the logo bigger.");
        assertThat(w.issues().find(c.number()).orElseThrow().status()).isEqualTo(IssueStatus.OPEN);
        GitHubIssueView reopened = w.awaitExported(c.number());
        assertThat(reopened.number()).isEqualTo(onGitHub);
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.stateReason()).isEqualTo("reopened");

        // closed by a person on GitHub: Loop's close and reopen leave it as that person left it
        w.repo.closeIssue("octocat", w.githubNumberOf(other), "completed");
        w.erin.runSlash(w.team, "issue close", Map.of("number", other.number(), "reason", "works as designed"))
                .awaitReply();
        w.awaitExported(other.number());
        assertThat(reopen(other.number())).startsWith("Reopened **#" + other.number() + "**");
        GitHubIssueView stillClosed = w.awaitExported(other.number());
        assertThat(stillClosed.open()).isFalse();
        assertThat(stillClosed.stateReason()).isEqualTo("completed");
    }

    private String reopen(int number) {
        return w.erin.runSlash(w.team, "issue reopen", Map.of("number", number, "reason", "it happens again"))
                .awaitReply()
                .content();
    }
}
