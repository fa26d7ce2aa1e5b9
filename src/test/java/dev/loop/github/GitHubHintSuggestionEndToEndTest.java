package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import org.junit.jupiter.api.Test;

/**
 * A "New on GitHub" hint suggests linking to an issue by the same rule and threshold as the support-post "looks
 * like #N" hints: a GitHub issue about the same thing gets <b>Link to #N</b>; one that merely shares a word with an
 * open issue gets no suggestion and only Capture and Ignore.
 */
class GitHubHintSuggestionEndToEndTest extends GitHubEndToEnd {

    @Test
    void onlyAnIssueThatLooksLikeTheGitHubIssueIsSuggested() throws Exception {
        world("  poll-interval: 60s\n");
        Captured known = w.capture(w.alice, "Export loses colours in PDF", "The PDF export is grey");
        w.awaitExported(known.number());
        w.awaitPolled(
                "hints to start", () -> new GitHubHintStore(w.db).watermark().isPresent());

        // shares a word with #1 (a full-text match), but is about something else: nothing is suggested
        int unrelated = w.repo.openIssue(
                "hubber", "Dark mode for the export settings", "The settings page is too bright at night.");
        SimMessage plain = w.awaitHint(unrelated);
        assertThat(plain.content()).doesNotContain("It looks like");
        assertThat(plain.buttonLabels()).containsExactly("Capture", "Ignore");
        assertThat(new GitHubHintStore(w.db).find(unrelated).orElseThrow().suggested())
                .isNull();

        // about the same thing: #1 is suggested, with its Link button
        int same = w.repo.openIssue("octocat", "PDF export loses colours", "Every PDF export comes out grey.");
        SimMessage hint = w.awaitHint(same);
        assertThat(hint.content()).endsWith("\nIt looks like **#" + known.number() + "** Export loses colours in PDF");
        assertThat(hint.buttonLabels()).containsExactly("Capture", "Link to #" + known.number(), "Ignore");
    }
}
