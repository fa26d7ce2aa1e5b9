package dev.loop.stats;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueStore;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.watch.SupportThreadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Goals for the KPIs: {@code /stats goal} by an engineer, and the weekly report and the monthly review (on the first of
 * the month, on the community's clock) saying which goals were met and which missed, per area and owner, with a trend
 * chart per goal.
 */
@EndToEnd
class GoalsEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-20T10:00:00Z")
            .yaml("reports:\n  weekly:\n    zone: UTC\n")
            .build();

    @BeforeAll
    void facts() {
        IssueStore issues = new IssueStore(c.db);
        // Installer (olga): captured, triaged two hours later, shipped before its promise
        int installer = StatsEndToEndTest.installerShippedBeforeItsPromise(issues, c);
        // a support post first answered an hour later
        SimChannel post = c.alice.postInForum(c.support, "Where is the config file", "I cannot find it");
        c.clock.advance(Duration.ofHours(1));
        c.erin.say(post, "In your home folder");
        SupportThreadStore threads = new SupportThreadStore(c.db);
        eventually(
                "the reply recorded",
                () -> threads.find(post.id()).map(t -> t.answered()).orElse(false));
    }

    static SimMessage goal(Map<String, Object> options) {
        return c.olga.runSlash(c.team, "stats goal", options).awaitReply();
    }

    @Test
    void goalsAreSetByEngineersAndTheMonthlyReviewOnTheFirstSaysWhichWereMetAndMissed() throws Exception {
        assertThat(goal(Map.of("metric", "promises-kept", "value", "90%", "area", "Installer"))
                        .content())
                .isEqualTo("Goal set: Promises kept ≥ 90% for Installer. The weekly report and the monthly review "
                        + "compare it from now on.");
        goal(Map.of("metric", "capture-to-triage", "value", "1h", "area", "Installer"));
        goal(Map.of("metric", "first-reply", "value", "4h"));
        goal(Map.of("metric", "first-reply", "value", "30m")); // replaces the one before
        assertThat(goal(Map.of("metric", "first-reply", "value", "soon")).content())
                .isEqualTo("\"soon\" can't be a goal for median first reply; give a time such as `2h`, `30m` or "
                        + "`1d`.");
        assertThat(goal(Map.of("metric", "promises-kept", "value", "120%")).content())
                .isEqualTo("\"120%\" can't be a goal for promises kept; give a percentage from 0 to 100, such as "
                        + "`90%`.");
        assertThat(c.alice
                        .runSlashFromStaleClient(c.team, "stats goal", Map.of("metric", "shipped", "value", "3"))
                        .awaitReply()
                        .content())
                .isEqualTo("Only engineers can set goals.");
        assertThat(new GoalStore(c.db).all()).hasSize(3);

        MonthlyReport monthly = c.stats().monthlyReport();
        // not the first of the month yet, and the first of November is too long ago
        assertThat(monthly.runDue(Instant.parse("2026-11-30T23:00:00Z"))).isEmpty();
        assertThat(monthly.runDue(Instant.parse("2026-12-01T08:59:00Z"))).isEmpty();
        // the first of December, at the report time: the review of November, once
        assertThat(monthly.runDue(Instant.parse("2026-12-01T09:01:00Z"))).contains("2026-11");
        assertThat(monthly.runDue(Instant.parse("2026-12-01T09:30:00Z"))).isEmpty();

        SimMessage review = c.team.awaitMessage(m -> m.fromBot()
                && !m.embeds().isEmpty()
                && m.embeds().getFirst().title().equals("Monthly review · November 2026"));
        String goals = review.embeds().getFirst().field("Goals");
        assertThat(goals)
                .contains("✅ **met** · Installer (<@" + c.olga.id() + ">) · Promises kept **100%** (goal ≥ 90%)")
                .contains("❌ **missed** · Installer (<@" + c.olga.id() + ">) · Median capture → triage **2h** "
                        + "(goal ≤ 1h)")
                .contains("❌ **missed** · the team · Median first reply **1h** (goal ≤ 30m)")
                .endsWith("1 met, 2 missed.");
        assertThat(review.pinged()).isEmpty();
        assertThat(review.embeds().getFirst().field("Output")).contains("Shipped issues: **1**");
        assertThat(review.attachments())
                .extracting(SimMessage.Attachment::filename)
                .containsExactly("goal-1.png", "goal-2.png", "goal-3.png");
        assertThat(review.attachments().getFirst().data()).startsWith(0x89, 'P', 'N', 'G');

        // the weekly report compares the week with the same goals
        assertThat(c.stats().weeklyReport().runDue(Instant.parse("2026-11-23T09:01:00Z")))
                .isPresent();
        SimMessage weekly = c.team.awaitMessage(m -> m.fromBot()
                && !m.embeds().isEmpty()
                && m.embeds().getFirst().title().equals("Weekly KPI report"));
        assertThat(weekly.embeds().getFirst().field("Goals"))
                .contains("❌ **missed** · the team · Median first reply **1h** (goal ≤ 30m)")
                .contains("➖ no data · Installer");
        assertThat(weekly.attachments())
                .extracting(SimMessage.Attachment::filename)
                .contains("kpis.png", "goal-1.png");
    }
}
