package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /link} with a GitHub issue end to end: an engineer links an existing GitHub issue to a Loop issue; its author
 * and 👍 reactors become GitHub requesters, its address a place in the record and in the GitHub body, later 👍 there
 * count too; a GitHub issue of another repository, a pull request or one linked elsewhere gets a specific answer.
 */
class GitHubLinkEndToEndTest extends GitHubEndToEnd {

    private SimMessage link(int issue, String github) {
        return w.erin.runSlash(w.team, "link", Map.of("issue", issue, "github", github))
                .awaitReply();
    }

    @Test
    void aLinkedGitHubIssueBecomesAPlaceAndItsPeopleRequesters() throws Exception {
        world("  poll-interval: 60s\n");
        Captured c = w.capture(w.alice, "Export loses colours", "The PDF export is grey");
        GitHubIssueView own = w.awaitExported(c.number());
        int gh = w.repo.openIssue("octocat", "PDF export has no colour", "Since 2.3 every export is grey.");
        w.repo.react("hubber", gh, "+1");

        SimMessage reply = link(c.number(), w.repo.htmlUrl(gh));
        assertThat(reply.content())
                .startsWith("Linked GitHub #" + gh + " to **#" + c.number() + "** Export loses colours.")
                .endsWith("2 new GitHub requesters.");
        assertThat(reply.embeds()).isNotEmpty();
        assertThat(w.issues().githubLogins(c.number())).containsValues("octocat", "hubber");
        assertThat(w.issues().places(c.number())).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Place.PlaceKind.GITHUB);
            assertThat(p.url()).isEqualTo(w.repo.htmlUrl(gh));
        });

        // the issue's own GitHub issue lists the linked one as a place, and no GitHub issue is created for it
        GitHubIssueView body = w.awaitExported(c.number());
        assertThat(body.number()).isEqualTo(own.number());
        assertThat(body.body()).contains(w.repo.htmlUrl(gh), "`octocat` on GitHub", "`hubber` on GitHub");
        assertThat(w.repo.issues()).hasSize(2);

        // a 👍 given there later counts like one on the issue's own GitHub issue
        w.repo.react("monalisa", gh, "+1");
        w.awaitPolled(
                "the later 👍 recorded",
                () -> w.issues().githubLogins(c.number()).containsValue("monalisa"));
        assertThat(w.issues().requesters(c.number()).stream()
                        .filter(r -> r.how() == Requester.How.GITHUB)
                        .count())
                .isEqualTo(3);

        // linking it again, to this issue or another, is refused with where it is
        assertThat(link(c.number(), "#" + gh).content())
                .isEqualTo("GitHub #" + gh + " is already linked to #" + c.number() + ".");
        Captured other = w.capture(w.bob, "Printing is slow", "Takes a minute per page");
        w.awaitExported(other.number());
        assertThat(link(other.number(), "#" + gh).content())
                .isEqualTo("GitHub #" + gh + " is already linked to #" + c.number()
                        + "; to combine the two issues, use /issue merge.");
        assertThat(link(other.number(), "#" + own.number()).content())
                .isEqualTo("GitHub #" + own.number() + " is already linked to #" + c.number()
                        + "; to combine the two issues, use /issue merge.");
        assertThat(w.issues().githubLogins(other.number())).isEmpty();
    }

    @Test
    void aGitHubIssueLoopCannotFollowGetsASpecificAnswer() throws Exception {
        world("");
        Captured c = w.capture(w.alice, "Export loses colours", "The PDF export is grey");
        int pr = w.repo.openPullRequest("octocat", "Colour export", "Fixes colours.", false);

        assertThat(link(c.number(), "https://github.com/other/repo/issues/3").content())
                .isEqualTo("That address is not on acme/widget, the repository Loop follows; link an issue of"
                        + " acme/widget.");
        assertThat(link(c.number(), "https://gitlab.example.com/acme/widget/issues/3")
                        .content())
                .startsWith("That address is not on acme/widget");
        assertThat(link(c.number(), w.repo.htmlUrl(pr)).content())
                .isEqualTo("GitHub #" + pr + " is a pull request, not an issue; link an issue.");
        assertThat(link(c.number(), "#" + pr).content())
                .isEqualTo("GitHub #" + pr + " is a pull request, not an issue; link an issue.");
        assertThat(link(c.number(), "#999").content()).isEqualTo("acme/widget has no issue #999.");
        assertThat(link(c.number(), "the big one").content())
                .isEqualTo("That is not a GitHub issue: give its number, like #123, or its address on acme/widget.");
        assertThat(w.alice
                        .runSlashFromStaleClient(w.team, "link", Map.of("issue", c.number(), "github", "#1"))
                        .awaitReply()
                        .content())
                .isEqualTo("Only engineers can link threads to issues.");
        assertThat(w.issues().places(c.number())).hasSize(1);
    }
}
