package dev.loop.sim.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.ReactionContent;

/** Issues, labels, comments and reactions through the real hub4j client. */
class GitHubSimIssuesTest extends HubClientTest {

    @Test
    void theTokensOwnerAndTheRepositoryWithItsPermissions() throws IOException {
        assertThat(gh.getMyself().getLogin()).isEqualTo("acme");
        GHRepository r = gh.getRepository("acme/app");
        assertThat(r.getFullName()).isEqualTo("acme/app");
        assertThat(r.getDefaultBranch()).isEqualTo("main");
        assertThat(r.hasAdminAccess()).isTrue();
        assertThat(r.hasPushAccess()).isTrue();
        assertThatThrownBy(() -> gh.getRepository("acme/nothing")).isInstanceOf(java.io.FileNotFoundException.class);
    }

    @Test
    void createGetAndUpdateAnIssue() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        GHIssue created = r.createIssue("Dark mode")
                .body("Please add dark mode")
                .label("kind:feature")
                .create();
        assertThat(created.getNumber()).isEqualTo(1);
        assertThat(created.getLabels()).extracting(GHLabel::getName).containsExactly("kind:feature");
        assertThat(created.getHtmlUrl().toString()).isEqualTo("https://github.com/acme/app/issues/1");
        assertThat(created.getUser().getLogin()).isEqualTo("acme");

        clock.advance(Duration.ofMinutes(5));
        GHIssue issue = r.getIssue(1);
        issue.setBody("Please add dark mode\n\nedited");
        issue.setTitle("Dark mode everywhere");
        issue.close(GHIssueStateReason.NOT_PLANNED);

        GHIssue again = r.getIssue(1);
        assertThat(again.getTitle()).isEqualTo("Dark mode everywhere");
        assertThat(again.getBody()).endsWith("edited");
        assertThat(again.getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(again.getStateReason()).isEqualTo(GHIssueStateReason.NOT_PLANNED);
        assertThat(again.getUpdatedAt()).isEqualTo(Date.from(clock.instant()));
        assertThat(again.getClosedBy().getLogin()).isEqualTo("acme");

        again.reopen();
        assertThat(repo.issue(1).state()).isEqualTo("open");
        assertThat(repo.issue(1).stateReason()).isEqualTo("reopened");
    }

    @Test
    void peopleActOnTheSimulatorAndTheClientSeesIt() throws IOException {
        int n = repo.openIssue("octocat", "Crash on start", "It crashes", "bug");
        repo.comment("hubot", n, "Same here");
        repo.react("monalisa", n, "+1");
        repo.react("hubot", n, "+1");

        GHIssue issue = gh.getRepository("acme/app").getIssue(n);
        assertThat(issue.getUser().getLogin()).isEqualTo("octocat");
        assertThat(issue.getCommentsCount()).isEqualTo(1);
        List<GHIssueComment> comments = issue.getComments();
        assertThat(comments).extracting(GHIssueComment::getBody).containsExactly("Same here");
        assertThat(comments.get(0).getUser().getLogin()).isEqualTo("hubot");
        assertThat(issue.listReactions().toList())
                .extracting(x -> x.getUser().getLogin() + " " + x.getContent().getContent())
                .containsExactly("monalisa +1", "hubot +1");
    }

    @Test
    void labelsCommentsAndReactionsThroughTheClient() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        r.createLabel("priority:high", "d73a4a", "Asked for by many");
        assertThatThrownBy(() -> r.createLabel("priority:high", "d73a4a"))
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("already_exists");
        assertThat(r.listLabels().toList()).extracting(GHLabel::getName).containsExactly("priority:high");

        int n = repo.openIssue("octocat", "Export to CSV", "please");
        Instant before = repo.issue(n).updatedAt();
        clock.advance(Duration.ofMinutes(1));
        GHIssue issue = r.getIssue(n);
        issue.addLabels("priority:high", "area:export");
        assertThat(repo.issue(n).labels()).containsExactly("priority:high", "area:export");
        assertThat(repo.labels()).containsExactly("priority:high", "area:export");

        issue.comment("Thanks, we are on it");
        assertThat(repo.comments(n)).extracting(GitHubCommentView::body).containsExactly("Thanks, we are on it");

        clock.advance(Duration.ofMinutes(1));
        Instant afterComment = repo.issue(n).updatedAt();
        assertThat(afterComment).isAfter(before);
        GHReaction reaction = issue.createReaction(ReactionContent.PLUS_ONE);
        assertThat(reaction.getContent()).isEqualTo(ReactionContent.PLUS_ONE);
        assertThat(repo.reactors(n, "+1")).containsExactly("acme");
        // GitHub does not bump updated_at for a reaction: pollers must read reactions per issue.
        assertThat(repo.issue(n).updatedAt()).isEqualTo(afterComment);
    }

    @Test
    void commentsSinceATime() throws IOException {
        int n = repo.openIssue("octocat", "Slow search", "slow");
        repo.comment("a", n, "first");
        clock.advance(Duration.ofHours(1));
        Instant cut = clock.instant();
        repo.comment("b", n, "second");
        List<GHIssueComment> since = gh.getRepository("acme/app")
                .getIssue(n)
                .queryComments()
                .since(Date.from(cut))
                .list()
                .toList();
        assertThat(since).extracting(GHIssueComment::getBody).containsExactly("second");
    }

    @Test
    void aTooLongBodyAndAMissingTitleAre422() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        String tooLong = "x".repeat(65_537);
        assertThatThrownBy(() -> r.createIssue("Big").body(tooLong).create())
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("body is too long (maximum is 65536 characters)");
        assertThatThrownBy(() -> r.createIssue("").body("b").create())
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("missing_field");
        assertThatThrownBy(() -> r.createIssue("t".repeat(257)).create())
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("title is too long (maximum is 256 characters)");
        int n = repo.openIssue("octocat", "Fine", "fine");
        assertThatThrownBy(() -> r.getIssue(n).comment(tooLong))
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(422));
        r.createIssue("Exactly at the limit").body("y".repeat(65_536)).create();
        assertThat(repo.issues()).hasSize(2);
    }

    @Test
    void aBadTokenIs401() {
        assertThatThrownBy(() -> client(sim, "not-a-token").getRepository("acme/app"))
                .isInstanceOfSatisfying(
                        HttpException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(401))
                .hasMessageContaining("Bad credentials");
    }
}
