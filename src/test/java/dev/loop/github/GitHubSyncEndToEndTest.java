package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub sync end to end: the real Loop (JDA against the Discord simulator, hub4j against the GitHub simulator, real
 * SQLite) captures, links, counts Me too and ships, and the GitHub issue follows; GitHub people who 👍 or comment
 * become requesters; restarts, an outage and a secondary limit lose nothing and duplicate nothing.
 */
class GitHubSyncEndToEndTest extends GitHubEndToEnd {

    @Test
    void aCaptureBecomesOneGitHubIssueThatFollowsEveryChangeAndKeepsWhatPeopleWrote() throws Exception {
        world("");
        Captured c = w.capture(w.alice, "Installer hangs at 99%", "It hangs at 99% on Windows", w.bob);

        GitHubIssueView gh = w.awaitExported(c.number());
        assertThat(w.creates()).isEqualTo(1);
        assertThat(w.repo.issues()).hasSize(1);
        assertThat(gh.title()).isEqualTo("Installer hangs at 99%");
        assertThat(gh.author()).isEqualTo(GitHubWorld.BOT);
        assertThat(gh.labels()).contains("bug");
        assertThat(gh.body())
                .startsWith(GitHubBody.BEGIN)
                .contains(GitHubBody.issueMarker(c.number()))
                .contains(c.post().jumpUrl())
                .contains("It hangs at 99% on Windows")
                .contains("bob has this too")
                .contains("alice")
                .contains("<details>")
                .doesNotContainPattern("@[A-Za-z]");
        assertThat(w.repo.labels()).contains("bug", "feature", "question", "priority: high", "priority: fix it now");

        // the card and /issue show carry the GitHub link
        String url = w.repo.htmlUrl(gh.number());
        SimMessage shown = w.erin.runSlash(w.team, "issue show", Map.of("number", c.number()))
                .awaitReply();
        assertThat(shown.embeds().getFirst().field("GitHub")).isEqualTo(url);

        // a person edits the body outside Loop's section
        String edited = "Maintainer note: reproduced on 2.3.\n\n" + gh.body() + "\n\n- [ ] check the logs";
        w.repo.editBody(gh.number(), edited);

        // /link in another post adds the place
        SimChannel second = w.carol.postInForum(w.support, "Setup stuck", "Stuck at the end of setup");
        w.erin.runSlash(second, "link", Map.of("issue", c.number())).awaitReply();
        gh = w.awaitExported(c.number());
        assertThat(gh.body()).contains(second.jumpUrl()).contains("carol");

        // ten Me too presses in a burst make few body edits, and the person's text survives them all
        long patchesBefore = w.patches();
        for (int i = 0; i < 10; i++) {
            SimMember m = w.guild.member("fan" + i);
            m.pressButton(c.card(), "Me too").awaitReply();
        }
        gh = w.awaitExported(c.number());
        assertThat(w.patches() - patchesBefore).isBetween(1L, 3L);
        assertThat(gh.body()).startsWith("Maintainer note: reproduced on 2.3.\n\n" + GitHubBody.BEGIN);
        assertThat(gh.body()).endsWith(GitHubBody.END + "\n\n- [ ] check the logs");
        assertThat(gh.body()).contains("fan9").contains("### Requesters (12)");
        assertThat(w.creates()).isEqualTo(1);
    }

    @Test
    void aThumbsUpOrACommentOnGitHubMakesARequesterAndBumpsLowToHigh() throws Exception {
        world("  poll-interval: 60s\n");
        Captured c = w.capture(w.alice, "Sync drops emoji", "Emoji vanish after sync");
        GitHubIssueView gh = w.awaitExported(c.number());
        w.issues().setPriority(c.number(), Priority.LOW, "not brought up before", null, null, null, w.clock.instant());

        w.repo.react("octocat", gh.number(), "+1");
        w.repo.comment("hubot-fan", gh.number(), "Same here, @alice");
        w.awaitPolled(
                "GitHub requesters recorded",
                () -> w.issues().requesters(c.number()).stream()
                                .filter(r -> r.how() == Requester.How.GITHUB)
                                .count()
                        == 2);
        assertThat(w.issues().find(c.number()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
        assertThat(w.issues().githubLogins(c.number())).containsValues("octocat", "hubot-fan");
        w.team.awaitMessage(m -> m.fromBot() && m.content().contains("bumped from Low to **High**"));

        gh = w.awaitExported(c.number());
        assertThat(gh.body()).contains("`octocat` on GitHub", "`hubot-fan` on GitHub");
        assertThat(gh.labels()).contains("priority: high").doesNotContain("priority: low");

        // polling again with nothing new counts each person once and costs no rate limit (304s)
        long counted = w.github.counters().counted();
        Map<String, Long> routesBefore = w.github.counters().byRoute();
        for (int i = 0; i < 3; i++) {
            long notModified = w.github.counters().notModified();
            w.clock.advance(Duration.ofSeconds(61));
            w.sim.await("another poll", () -> w.github.counters().notModified() >= notModified + 2);
        }
        assertThat(w.github.counters().counted() - counted)
                .as(
                        "counted requests while idle; requests before %s, after %s",
                        routesBefore, w.github.counters().byRoute())
                .isZero();
        assertThat(w.issues().requesters(c.number()).stream()
                        .filter(r -> r.how() == Requester.How.GITHUB)
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aReleaseCommentsOnceAndClosesEvenAcrossACrashBetweenPostingAndRecording() throws Exception {
        world("");
        Captured c = w.capture(w.alice, "Dark mode", "Please add dark mode");
        GitHubIssueView gh = w.awaitExported(c.number());

        w.publishByHand("1.4.0", "#" + c.number());
        w.sim.await("ship comment and close", () -> {
            w.clock.advance(Duration.ofSeconds(3));
            GitHubIssueView now = w.repo.issue(gh.number());
            return !now.open()
                    && w.state()
                            .row(c.number())
                            .map(r -> "1.4.0".equals(r.shippedVersion()))
                            .orElse(false);
        });
        assertShippedOnceAndClosed(gh.number(), "1.4.0");

        // Loop stops right after posting, before recording it: the restart finds the marker and posts nothing
        w.stop();
        w.db.transaction(ctx -> ctx.update(Tables.GITHUB_ISSUE)
                .setNull(Tables.GITHUB_ISSUE.SHIPPED_VERSION)
                .execute());
        w.start();
        w.sim.await(
                "ship recorded again",
                () -> w.state()
                        .row(c.number())
                        .map(r -> "1.4.0".equals(r.shippedVersion()))
                        .orElse(false));
        assertThat(w.repo.comments(gh.number())).hasSize(1);
    }

    @Test
    void aCrashBetweenCreatingAndRecordingNeverMakesASecondGitHubIssue() throws Exception {
        world("");
        Captured c = w.capture(w.alice, "Proxy settings ignored", "Loop ignores HTTPS_PROXY");
        GitHubIssueView gh = w.awaitExported(c.number());

        // as if Loop was killed after GitHub created the issue but before the row said so
        w.stop();
        w.db.transaction(ctx -> ctx.update(Tables.GITHUB_ISSUE)
                .set(Tables.GITHUB_ISSUE.STATE, "creating")
                .setNull(Tables.GITHUB_ISSUE.GITHUB_NUMBER)
                .setNull(Tables.GITHUB_ISSUE.URL)
                .execute());
        // and a Me too arrived meanwhile (the issue was changed while Loop was down)
        w.issues().addRequester(c.number(), w.bob.id(), Requester.How.ME_TOO, null, w.bob.id(), w.clock.instant());
        w.start();

        GitHubIssueView after = w.awaitExported(c.number());
        assertThat(after.number()).isEqualTo(gh.number());
        assertThat(w.repo.issues()).hasSize(1);
        assertThat(w.creates()).isEqualTo(1);
        assertThat(after.body()).contains("bob");
    }

    @Test
    void anHourLongOutageIsCaughtUpAfterwardsWithoutHammeringGitHub() throws Exception {
        world("");
        Captured first = w.capture(w.alice, "Crash on start", "It crashes on start");
        w.awaitExported(first.number());

        w.github.faults().outage();
        long before = w.github.counters().requests();
        Captured second = w.capture(w.bob, "Slow search", "Search takes ages");
        w.carol.pressButton(first.card(), "Me too").awaitReply();
        for (int minute = 0; minute < 60; minute += 5) {
            w.clock.advance(Duration.ofMinutes(5));
            long rounds = w.feature().sync().orElseThrow().rounds();
            w.sim.await(
                    "the worker comes round",
                    () -> w.feature().sync().orElseThrow().rounds() >= rounds + 5);
        }
        long duringOutage = w.github.counters().requests() - before;
        // backoff: a handful of tries per five minutes, not a loop
        assertThat(duringOutage).isLessThan(60);

        w.github.faults().endOutage();
        w.clock.advance(Duration.ofMinutes(5)); // past the longest backoff
        GitHubIssueView one = w.awaitExported(first.number());
        GitHubIssueView two = w.awaitExported(second.number());
        assertThat(one.body()).contains("carol");
        assertThat(two.title()).isEqualTo("Slow search");
        assertThat(w.repo.issues()).hasSize(2);
        assertThat(w.feature().sync().orElseThrow().progress()).isEqualTo(new GitHubStore.Progress(2, 2));
    }

    @Test
    void aSecondaryLimitIsWaitedOutNotRetriedInALoop() throws Exception {
        world("");
        // the limit is for the export's write: arm it once the worker has connected and read GitHub once (on a busy
        // machine the connect can still be under way when the world has started)
        w.sim.await(
                "the sync connected",
                () -> new GitHubHintStore(w.db).watermark().isPresent());
        w.github.faults().secondaryLimitNext(1, Duration.ofSeconds(60));
        Captured c = w.capture(w.alice, "Tray icon missing", "No tray icon on Linux");
        // while the block runs (clock stopped inside it) the worker keeps going round and sends nothing
        assertThat(w.requestsWhileWaitingOut(
                        "the secondary limit", () -> w.github.counters().forbiddenSecondary() == 1))
                .isZero();

        GitHubIssueView gh = w.awaitExported(c.number());
        assertThat(gh.title()).isEqualTo("Tray icon missing");
        assertThat(w.github.counters().forbiddenSecondary()).isEqualTo(1);
        assertThat(w.github.counters().earlyRetries()).isZero();
        assertThat(w.repo.issues()).hasSize(1);
    }

    @Test
    void aSpentRateLimitIsWaitedOutUntilItResets() throws Exception {
        world("");
        Captured first = w.capture(w.alice, "Window too small", "The window can't be resized");
        w.awaitExported(first.number());

        w.github.faults().rateLimitNext(1);
        Captured c = w.capture(w.bob, "Fonts blurry", "Fonts are blurry on HiDPI");
        assertThat(w.requestsWhileWaitingOut(
                        "the primary limit", () -> w.github.counters().forbiddenPrimary() == 1))
                .isZero();

        w.clock.advance(Duration.ofHours(1)); // past X-RateLimit-Reset
        GitHubIssueView gh = w.awaitExported(c.number());
        assertThat(gh.title()).isEqualTo("Fonts blurry");
        assertThat(w.github.counters().forbiddenPrimary()).isEqualTo(1);
        assertThat(w.repo.issues()).hasSize(2);
    }
}
