package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /issue import} end to end: an engineer turns an existing GitHub issue into a Loop record; its author and 👍
 * reactors become GitHub requesters, the GitHub issue becomes the record's own (no second one is created, and Loop's
 * section lands below the author's text), and bad input gets a specific answer.
 */
class GitHubImportEndToEndTest extends GitHubEndToEnd {

    @Test
    void anImportedGitHubIssueBecomesARecordWithItsPeopleAndStaysTheOnlyGitHubIssue() throws Exception {
        world("");
        int gh = w.repo.openIssue(
                "octocat", "Crash when saving a large file", "Saving a 2 GB file crashes the editor.\n\nSteps: ...");
        w.repo.react("hubber", gh, "+1");
        w.repo.react("monalisa", gh, "+1");

        SimMessage reply = w.erin.runSlash(w.team, "issue import", Map.of("github", w.repo.htmlUrl(gh), "kind", "bug"))
                .awaitReply();
        assertThat(reply.content())
                .startsWith("Imported GitHub #" + gh + " as #1 ")
                .contains("3 GitHub requesters");
        assertThat(reply.embeds()).isNotEmpty();

        Issue issue = w.issues().find(1).orElseThrow();
        assertThat(issue.title()).isEqualTo("Crash when saving a large file");
        assertThat(issue.kind()).isEqualTo(IssueKind.BUG);
        assertThat(issue.summary()).startsWith("Saving a 2 GB file crashes the editor.");
        assertThat(w.issues().requesters(1))
                .extracting(Requester::how)
                .containsOnly(Requester.How.GITHUB)
                .hasSize(3);
        assertThat(w.issues().githubLogins(1)).containsValues("octocat", "hubber", "monalisa");
        assertThat(w.issues().places(1))
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Place.PlaceKind.GITHUB));

        // the sync adopts it: Loop's section is added below the author's words, and nothing new is created
        GitHubIssueView view = w.awaitExported(1);
        assertThat(view.number()).isEqualTo(gh);
        assertThat(view.body())
                .startsWith("Saving a 2 GB file crashes the editor.")
                .contains(GitHubBody.BEGIN, GitHubBody.issueMarker(1), "`octocat` on GitHub");
        assertThat(w.creates()).isZero();
        assertThat(w.repo.issues()).hasSize(1);

        // importing it again is refused with the record it already has
        SimMessage again = w.erin.runSlash(w.team, "issue import", Map.of("github", "#" + gh))
                .awaitReply();
        assertThat(again.content()).isEqualTo("GitHub #" + gh + " is already the GitHub issue of #1.");
    }

    @Test
    void badInputGetsASpecificAnswer() throws Exception {
        world("");
        int pr = w.repo.openPullRequest("octocat", "Speed up saving", "Faster.", false);

        assertThat(w.alice
                        .runSlash(w.team, "issue import", Map.of("github", "#1"))
                        .awaitReply()
                        .content())
                .isEqualTo("Only engineers can import GitHub issues.");
        assertThat(w.erin.runSlash(w.team, "issue import", Map.of("github", "https://github.com/other/repo/issues/3"))
                        .awaitReply()
                        .content())
                .isEqualTo("That is not an issue of acme/widget: give its number, like #123, or its GitHub address.");
        assertThat(w.erin.runSlash(w.team, "issue import", Map.of("github", "#" + pr))
                        .awaitReply()
                        .content())
                .isEqualTo("GitHub #" + pr + " is a pull request, not an issue.");
        assertThat(w.erin.runSlash(w.team, "issue import", Map.of("github", "#999"))
                        .awaitReply()
                        .content())
                .isEqualTo("acme/widget has no issue #999.");
        assertThat(w.issues().find(1)).isEmpty();
    }
}
