package dev.loop.github;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Requester;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import org.junit.jupiter.api.Test;

/**
 * Capture from a "New on GitHub" hint goes on as every capture does: the engineer who pressed Capture gets the triage
 * prompt, and the GitHub issue's author and 👍 reactors are the record's requesters.
 */
class GitHubHintCaptureEndToEndTest extends GitHubEndToEnd {

    @Test
    void captureFromAHintStartsTriageAndItsGitHubPeopleAreRequesters() throws Exception {
        world("  poll-interval: 60s\n");
        w.awaitPolled(
                "hints to start", () -> new GitHubHintStore(w.db).watermark().isPresent());
        int gh = w.repo.openIssue("octocat", "Zebra mode wanted", "Stripes everywhere, please.");
        w.repo.react("hubber", gh, "+1");
        w.repo.react("monalisa", gh, "+1");
        SimMessage hint = w.awaitHint(gh);
        assertThat(hint.buttonLabels()).containsExactly("Capture", "Ignore");

        SimInteraction press = w.erin.pressButton(hint, "Capture");
        press.awaitUpdate();
        eventually("the capture to show", () -> hint.content().contains("Captured"));
        int number = 1; // the first record of this community
        assertThat(w.issues().find(number).orElseThrow().title()).isEqualTo("Zebra mode wanted");
        assertThat(hint.content()).endsWith("✅ Captured as **#" + number + "** by <@" + w.erin.id() + ">");

        // the triage prompt, as after /capture: only for the engineer who captured it
        SimMessage prompt = press.awaitReply(r -> r.content().startsWith("**Triage #" + number + "**"));
        assertThat(prompt.ephemeral()).isTrue();
        assertThat(prompt.content()).contains("Zebra mode wanted", "Is the solution straightforward?");
        SimMessage priority = Captured.straightforward(w.erin, prompt);
        assertThat(priority.content()).startsWith("**Triage #" + number + "**");
        assertThat(priority.buttonLabels()).isNotEmpty();

        // the GitHub people are its requesters, counted like Discord's
        assertThat(w.issues().githubLogins(number)).containsValues("octocat", "hubber", "monalisa");
        assertThat(w.issues().requesters(number).stream()
                        .filter(r -> r.how() == Requester.How.GITHUB)
                        .count())
                .isEqualTo(3);
        assertThat(w.githubNumber(number)).contains(gh);
    }
}
