package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure rules: backoff after each kind of answer, reading GitHub's limit headers, pacing, coalescing. */
class RulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void theReviewIssuesTicksAreReadFromItsBoxesAsPeopleLeaveThem() {
        String body = "Release **1.4.0** changed what people read.\n\n"
                + "- [x] The announcement text: https://discord.com/channels/1/2/3\n"
                + "- [ ] **Loop #12** Dark mode (feature) — asked in https://discord.com/channels/1/4\n"
                + "  A dark theme\n"
                + "* [X] **Loop #14** CSV export (bug)\n"
                + "- [x] something someone added by hand\n"
                + "<!-- loop:review:3 -->\n";
        assertThat(ReviewIssueBody.ticks(body))
                .containsExactly(
                        new ReviewSource.Tick(null, true),
                        new ReviewSource.Tick(12, false),
                        new ReviewSource.Tick(14, true));
        assertThat(ReviewIssueBody.ticks(null)).isEmpty();
    }

    @Test
    void primaryLimitPausesEverythingUntilTheReset() {
        Instant reset = NOW.plusSeconds(1800);
        NextStep step = Backoff.decide(new GitHubAnswer.RateLimited(reset), 0, NOW);
        assertThat(step).isInstanceOf(NextStep.PauseAllUntil.class);
        assertThat(((NextStep.PauseAllUntil) step).until()).isAfterOrEqualTo(reset);
    }

    @Test
    void secondaryLimitHonoursRetryAfterOrWaitsAMinute() {
        assertThat(Backoff.decide(new GitHubAnswer.SecondaryLimited(Duration.ofSeconds(90)), 0, NOW))
                .isEqualTo(new NextStep.PauseAllUntil(NOW.plusSeconds(90), "GitHub's secondary rate limit"));
        NextStep none = Backoff.decide(new GitHubAnswer.SecondaryLimited(null), 3, NOW);
        assertThat(((NextStep.PauseAllUntil) none).until()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void serverErrorsAndOutagesBackOffExponentiallyUpToFiveMinutesAndAreNeverDropped() {
        Instant previous = NOW;
        for (int attempt = 0; attempt < 12; attempt++) {
            NextStep step = Backoff.decide(new GitHubAnswer.ServerError(502), attempt, NOW);
            assertThat(step).isInstanceOf(NextStep.RetryAt.class);
            Instant at = ((NextStep.RetryAt) step).at();
            assertThat(at).isAfterOrEqualTo(previous).isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(5)));
            previous = at;
        }
        assertThat(previous).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(Backoff.decide(new GitHubAnswer.Unreachable("refused"), 0, NOW))
                .isInstanceOf(NextStep.RetryAt.class);
        assertThat(Backoff.decide(new GitHubAnswer.Refused(422, "too long"), 0, NOW))
                .isInstanceOf(NextStep.RetryAt.class);
    }

    @Test
    void limitAnswersAreReadFromGitHubsHeaders() {
        Map<String, String> primary = Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1800000000");
        assertThat(ConditionalGets.answer(403, primary::get, "", NOW))
                .isEqualTo(new GitHubAnswer.RateLimited(Instant.ofEpochSecond(1_800_000_000L)));
        Map<String, String> secondary = Map.of("Retry-After", "30", "X-RateLimit-Remaining", "4000");
        assertThat(ConditionalGets.answer(403, secondary::get, "", NOW))
                .isEqualTo(new GitHubAnswer.SecondaryLimited(Duration.ofSeconds(30)));
        assertThat(ConditionalGets.answer(429, Map.<String, String>of()::get, "", NOW))
                .isEqualTo(new GitHubAnswer.SecondaryLimited(null));
        assertThat(ConditionalGets.answer(
                        403,
                        Map.<String, String>of()::get,
                        "{\"message\":\"You have exceeded a secondary rate limit\"}",
                        NOW))
                .isEqualTo(new GitHubAnswer.SecondaryLimited(null));
        assertThat(ConditionalGets.answer(403, Map.<String, String>of()::get, "{\"message\":\"Forbidden\"}", NOW))
                .isInstanceOf(GitHubAnswer.Refused.class);
        assertThat(ConditionalGets.answer(503, Map.<String, String>of()::get, "", NOW))
                .isEqualTo(new GitHubAnswer.ServerError(503));
    }

    @Test
    void writesAreSpacedUnderTheLimit() {
        WritePacer pacer = new WritePacer(80);
        // 80 a minute at 93%: one every ~0.81 s, so at most ~74 in any minute
        assertThat(pacer.spacing()).isBetween(Duration.ofMillis(790), Duration.ofMillis(850));
        assertThat(pacer.nextSlot(NOW)).isEqualTo(NOW);
        pacer.sent(NOW);
        assertThat(pacer.nextSlot(NOW)).isEqualTo(NOW.plus(pacer.spacing()));
        assertThat(pacer.nextSlot(NOW.plusSeconds(5))).isEqualTo(NOW.plusSeconds(5));
        Instant t = NOW;
        int inAMinute = 0;
        while (t.isBefore(NOW.plusSeconds(60))) {
            t = pacer.nextSlot(t);
            if (t.isBefore(NOW.plusSeconds(60))) inAMinute++;
            pacer.sent(t);
        }
        assertThat(inAMinute).isBetween(72, 76);
    }

    @Test
    void aBurstOfChangesMakesOneEditAfterItSettles() {
        ExportTiming timing = new ExportTiming(Duration.ofSeconds(10), Duration.ofSeconds(60));
        // never exported: waits for quiet only
        assertThat(timing.earliest(NOW, null)).isEqualTo(NOW.plusSeconds(10));
        // edited 5 s ago, changed now: the minimum interval decides
        assertThat(timing.earliest(NOW, NOW.minusSeconds(5))).isEqualTo(NOW.plusSeconds(55));
        // edited long ago: the settle delay decides
        assertThat(timing.earliest(NOW, NOW.minusSeconds(600))).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void theShipCommentCarriesTheMarkerVersionLinkAndSnippet() {
        String c = GitHubSync.shipComment(
                "1.4.0",
                java.util.Optional.of(
                        new ShipNotes.ShipNote("1.4.0", "https://discord.com/channels/1/2/3", "loop --dark", NOW)));
        assertThat(c).startsWith(GitHubBody.shippedMarker("1.4.0"));
        assertThat(c).contains("**1.4.0**", "https://discord.com/channels/1/2/3", "loop --dark");
        assertThat(List.of(c.split("\n"))).isNotEmpty();
    }
}
