package dev.loop.github;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import org.junit.jupiter.api.Test;

/**
 * "New on GitHub" hints end to end: an issue opened on GitHub appears once in the team channel with Capture, Link to
 * the issue the duplicate search suggests, and Ignore; a press resolves the hint for everyone, a second press never
 * acts twice, issues Loop created itself are never offered, and a restart offers nothing again.
 */
class GitHubHintsEndToEndTest extends GitHubEndToEnd {

    private GitHubHintStore hints() {
        return new GitHubHintStore(w.db);
    }

    private long offered() {
        return w.team.messages().stream()
                .filter(m -> m.fromBot() && m.content().startsWith("🆕 New on GitHub"))
                .count();
    }

    @Test
    void newGitHubIssuesAreOfferedOnceAndEachPressResolvesTheHint() throws Exception {
        world("  poll-interval: 60s\n");
        Captured known = w.capture(w.alice, "Export loses colours in PDF", "The PDF export is grey");
        int loopsOwn = w.awaitExported(known.number()).number();
        w.awaitPolled("hints to start", () -> hints().watermark().isPresent());

        // a duplicate of a known issue: Capture, Link to #1, Ignore
        int dup = w.repo.openIssue("octocat", "PDF export loses colours", "Every PDF export comes out grey.");
        SimMessage hint = w.awaitHint(dup);
        assertThat(hint.content())
                .isEqualTo("🆕 New on GitHub: **GitHub #" + dup + "** PDF export loses colours (opened by `octocat`) <"
                        + w.repo.htmlUrl(dup) + ">\nIt looks like **#1** Export loses colours in PDF");
        assertThat(hint.buttonLabels()).containsExactly("Capture", "Link to #1", "Ignore");
        assertThat(w.alice.pressButton(hint, "Ignore").awaitReply().content())
                .isEqualTo("Only engineers can capture, link or ignore GitHub issues.");

        w.erin.pressButton(hint, "Link to #1").awaitUpdate();
        eventually("the hint to show the decision", () -> hint.content().contains("Linked"));
        assertThat(hint.content()).endsWith("🔗 Linked to **#1** by <@" + w.erin.id() + ">");
        assertThat(hint.buttons()).allMatch(SimMessage.Button::disabled);
        assertThat(w.issues().githubLogins(1)).containsValue("octocat");
        assertThat(w.issues().find(2)).isEmpty();

        // a new subject, its title written to cause trouble: shown literally, no mention, no Link button
        int fresh = w.repo.openIssue("hubber", "@everyone **Zebra** mode <@123> wanted", "Stripes everywhere.");
        SimMessage second = w.awaitHint(fresh);
        assertThat(second.pinged()).isEmpty();
        assertThat(second.pingedEveryone()).isFalse();
        assertThat(second.content()).doesNotContain("@everyone").contains("Zebra");
        assertThat(second.buttonLabels()).containsExactly("Capture", "Ignore");
        // a press that reaches Loop after the first hint was decided (a copy drawn before) never acts twice
        SimMessage late = w.team.awaitMessage(m -> m.id() == second.id());
        late.rewriteButtonId("Ignore", GitHubHints.BUTTON.id("capture", dup));
        assertThat(w.erin.pressButton(late, "Ignore").awaitReply().content())
                .isEqualTo("GitHub #" + dup + " was already linked to #1 by <@" + w.erin.id() + ">.");
        late.rewriteButtonId("Ignore", GitHubHints.BUTTON.id("ignore", fresh));
        assertThat(w.issues().find(2)).isEmpty();
        w.erin.pressButton(second, "Capture").awaitUpdate();
        eventually("the capture to show", () -> second.content().contains("Captured"));
        assertThat(second.content()).endsWith("✅ Captured as **#2** by <@" + w.erin.id() + ">");
        Issue captured = w.issues().find(2).orElseThrow();
        assertThat(captured.title()).contains("Zebra");
        assertThat(w.githubNumber(2)).contains(fresh); // its GitHub issue is the one offered, none is created
        assertThat(w.issues().githubLogins(2)).containsValue("hubber");

        int noise = w.repo.openIssue("spammer", "Buy cheap widgets", "Visit my shop.");
        SimMessage third = w.awaitHint(noise);
        w.erin.pressButton(third, "Ignore").awaitUpdate();
        eventually("the ignore to show", () -> third.content().contains("Ignored"));
        assertThat(third.content()).endsWith("🙈 Ignored by <@" + w.erin.id() + ">");
        assertThat(w.issues().find(3)).isEmpty();

        // Loop's own GitHub issues are never offered; after a restart nothing is offered again
        assertThat(offered()).isEqualTo(3);
        w.stop();
        w.start();
        long reads = w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues");
        w.awaitPolled(
                "two more polls after the restart",
                () -> w.github.counters().requests("GET", "/repos/{owner}/{repo}/issues") >= reads + 2);
        assertThat(offered()).isEqualTo(3);
        assertThat(loopsOwn).isNotIn(dup, fresh, noise);
    }
}
