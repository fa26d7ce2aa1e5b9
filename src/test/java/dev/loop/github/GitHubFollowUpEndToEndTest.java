package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStatus;
import dev.loop.sim.github.GitHubCommentView;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What happens to a Loop issue after capture reaches its GitHub issue: a title fixed with {@code /issue edit}, a close
 * without a change (closed as not planned) and a merge (one comment pointing to the surviving issue, then closed as
 * not planned), each once; with {@code close-when-closed: false} the GitHub issue stays open.
 */
class GitHubFollowUpEndToEndTest extends GitHubEndToEnd {

    @Test
    void anEditedTitleAClosingAndAMergeReachTheGitHubIssue() throws Exception {
        world("");
        Captured kept = w.captureExported(w.alice, "Export loses colours", "The PDF export is grey");
        Captured dup = w.captureExported(w.bob, "PDF has no colour", "Grey PDFs since 2.3");
        Captured dropped = w.captureExported(w.carol, "Make the logo bigger", "It is tiny");
        int keptOnGitHub = w.githubNumberOf(kept), dupOnGitHub = w.githubNumberOf(dup);

        w.erin.runSlash(w.team, "issue edit", Map.of("number", kept.number()))
                .awaitModal()
                .submit(Map.of("title", "PDF export loses all colours"))
                .awaitReply();
        assertThat(w.awaitExported(kept.number()).title()).isEqualTo("PDF export loses all colours");

        w.erin.runSlash(w.team, "issue close", Map.of("number", dropped.number(), "reason", "not a bug"))
                .awaitReply();
        GitHubIssueView closed = w.awaitExported(dropped.number());
        assertThat(closed.state()).isEqualTo("closed");
        assertThat(closed.stateReason()).isEqualTo("not_planned");

        w.erin.runSlash(w.team, "issue merge", Map.of("from", dup.number(), "into", kept.number()))
                .awaitReply();
        assertThat(w.issues().find(dup.number()).orElseThrow().status()).isEqualTo(IssueStatus.DUPLICATE);
        GitHubIssueView merged = w.awaitExported(dup.number());
        assertThat(merged.number()).isEqualTo(dupOnGitHub);
        assertThat(merged.state()).isEqualTo("closed");
        assertThat(merged.stateReason()).isEqualTo("not_planned");
        assertThat(w.repo.comments(dupOnGitHub))
                .singleElement()
                .extracting(GitHubCommentView::body)
                .satisfies(b -> assertThat(b)
                        .startsWith("This issue was merged into " + w.repo.htmlUrl(keptOnGitHub) + " (Loop issue "
                                + kept.number() + ")")
                        .doesNotContain("#" + kept.number()));

        // the surviving issue stays open; nothing is written twice on later rounds
        assertThat(w.repo.issue(keptOnGitHub).open()).isTrue();
        long patches = w.patches();
        w.awaitExported(kept.number());
        w.awaitExported(dup.number());
        assertThat(w.repo.comments(dupOnGitHub)).hasSize(1);
        assertThat(w.patches()).isEqualTo(patches);
        assertThat(w.repo.issue(w.githubNumberOf(dropped)).commentCount()).isZero();
    }

    @Test
    void withCloseWhenClosedOffAClosedIssueStaysOpenOnGitHub() throws Exception {
        world("  close-when-closed: false\n");
        Captured c = w.captureExported(w.alice, "Make the logo bigger", "It is tiny");
        w.erin.runSlash(w.team, "issue close", Map.of("number", c.number(), "reason", "not a bug"))
                .awaitReply();
        assertThat(w.awaitExported(c.number()).open()).isTrue();
        assertThat(w.repo.comments(w.githubNumberOf(c))).isEmpty();
    }
}
