package dev.loop.stats;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.RoutineRuns;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.watch.SupportThreadStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /stats and the weekly report end to end. The community's clock stands on Wednesday 2026-11-04 10:00 UTC; the weekly
 * report is due on Mondays at 09:00 UTC (the default).
 */
@EndToEnd
class StatsEndToEndTest {

    static final Instant NOW = Instant.parse("2026-11-04T10:00:00Z");

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z").build();

    @BeforeAll
    void start() throws Exception {
        IssueStore issues = new IssueStore(c.db);
        // the week before last report's week: one capture (2026-10-29)
        capture(issues, "Old crash", Instant.parse("2026-10-29T12:00:00Z"), 77L);
        // this week: two captures, one owned by olga, triaged after 2 hours and shipped a day later
        int mine = installerShippedBeforeItsPromise(issues, c);
        capture(issues, "Sync slow", Instant.parse("2026-11-04T09:00:00Z"), null);

        // a support post answered by an engineer an hour later, and one nobody answered
        SimChannel answered =
                c.alice.postInForum(c.support, "Where is the config file", "I cannot find it", "installer");
        c.clock.advance(Duration.ofHours(1));
        c.erin.say(answered, "In your home folder");
        c.bob.postInForum(c.support, "Any plans for Linux", "Asking for a friend");
        SupportThreadStore threads = new SupportThreadStore(c.db);
        eventually(
                "both posts recorded, one answered",
                () -> threads.countUnanswered() == 1
                        && threads.find(answered.id()).map(t -> t.answered()).orElse(false));
        c.clock.advance(Duration.ofMinutes(1)); // "now" is after everything that happened
    }

    /**
     * "Installer hangs", olga's, captured on 2026-11-03 at 08:00, triaged two hours later with a promise for 11-10,
     * shipped in 2.0 the next day: its number.
     */
    static int installerShippedBeforeItsPromise(IssueStore issues, Community community) {
        int number = capture(issues, "Installer hangs", Instant.parse("2026-11-03T08:00:00Z"), community.olga.id());
        issues.setPriority(
                number,
                Priority.HIGH,
                "quick",
                null,
                Instant.parse("2026-11-10T00:00:00Z"),
                community.erin.id(),
                Instant.parse("2026-11-03T10:00:00Z"));
        issues.markShipped(number, "2.0", community.erin.id(), Instant.parse("2026-11-04T08:00:00Z"));
        return number;
    }

    static int capture(IssueStore issues, String title, Instant at, Long owner) {
        return issues.create(
                        new NewIssue(title, IssueKind.BUG, "s", false, null, owner),
                        new NewPlace(
                                Place.PlaceKind.FORUM_POST,
                                1L,
                                2L,
                                (long) title.hashCode(),
                                null,
                                "https://x/" + title,
                                title),
                        List.of(500L + title.length()),
                        Requester.How.AUTHOR,
                        List.of(),
                        false,
                        9,
                        at)
                .number();
    }

    static BufferedImage png(SimMessage m) throws Exception {
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("kpis.png");
            assertThat(a.data()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        });
        return ImageIO.read(new ByteArrayInputStream(m.attachments().getFirst().data()));
    }

    @Test
    void statsShowsTheKpisAndAChart() throws Exception {
        SimMessage reply = c.erin.runSlash(c.team, "stats show")
                .awaitReply(m -> !m.embeds().isEmpty());
        assertThat(reply.ephemeral()).isTrue();
        SimMessage.Embed e = reply.embeds().getFirst();
        assertThat(e.title()).isEqualTo("KPIs — last 7 days");
        assertThat(e.field("Input"))
                .contains(
                        "New support threads: **2**",
                        "Captured issues: **3**",
                        "Requesters added: **3**",
                        "Median time to first engineer reply: **1h**",
                        "Unanswered threads: **1**");
        assertThat(e.field("Output"))
                .contains(
                        "Triaged issues: **1**",
                        "Median capture → triage: **2h**",
                        "Shipped issues: **1**",
                        "Median capture → ship: **1d**",
                        "Promises kept: **—**");
        assertThat(e.imageUrl()).isEqualTo("attachment://kpis.png");
        BufferedImage chart = png(reply);
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(400);
    }

    @Test
    void statsPerOwnerAndForAShorterWindow() {
        SimMessage reply = c.erin.runSlash(c.team, "stats show", Map.of("days", 1, "owner", c.olga))
                .awaitReply(m -> !m.embeds().isEmpty());
        SimMessage.Embed e = reply.embeds().getFirst();
        assertThat(e.title()).isEqualTo("KPIs — last 1 day");
        assertThat(e.description()).contains("owner <@" + c.olga.id() + ">");
        // olga owns the Installer area: the tagged post is hers; of the issues only the shipped one
        assertThat(e.field("Input")).contains("New support threads: **1**", "Captured issues: **0**");
        assertThat(e.field("Output")).contains("Shipped issues: **1**");
        assertThat(reply.pinged()).isEmpty();
    }

    @Test
    void onlyEngineersSeeTheStats() {
        SimMessage refused =
                c.alice.runSlashFromStaleClient(c.team, "stats show", Map.of()).awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can see the stats.");
        assertThat(refused.ephemeral()).isTrue();
    }

    @Test
    void theWeeklyReportIsPostedOnceAtItsTime() throws Exception {
        WeeklyReport weekly = c.stats().weeklyReport();
        assertThat(weekly.runDue(Instant.parse("2026-11-09T08:59:00Z"))).isEmpty(); // not yet (last one was a week ago)
        assertThat(weekly.runDue(Instant.parse("2026-11-09T09:00:30Z"))).contains("2026-11-09");
        SimMessage report = c.team.awaitMessage(m -> m.fromBot()
                && !m.embeds().isEmpty()
                && "Weekly KPI report".equals(m.embeds().getFirst().title()));
        SimMessage.Embed e = report.embeds().getFirst();
        // [11-02 09:00, 11-09 09:00): two captures (+1 on the week before), one shipped (+1)
        assertThat(e.field("Input")).contains("Captured issues: **2** (+1)", "New support threads: **2** (+2)");
        assertThat(e.field("Output")).contains("Shipped issues: **1** (+1)", "Median capture → ship: **1d** (—)");
        BufferedImage chart = png(report);
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(400);
        assertThat(report.pinged()).isEmpty();

        assertThat(weekly.runDue(Instant.parse("2026-11-09T09:01:30Z"))).isEmpty();
        c.restart();
        assertThat(c.stats().weeklyReport().runDue(Instant.parse("2026-11-09T09:02:30Z")))
                .isEmpty();
        assertThat(new RoutineRuns(c.db).ran(WeeklyReport.ROUTINE, "2026-11-09"))
                .isTrue();
        assertThat(c.team.messages().stream()
                        .filter(m -> !m.embeds().isEmpty()
                                && "Weekly KPI report"
                                        .equals(m.embeds().getFirst().title())))
                .hasSize(1);
        // a week later the next one is due; a report more than a day late is skipped
        assertThat(c.stats().weeklyReport().runDue(Instant.parse("2026-11-17T09:00:01Z")))
                .isEmpty();
        assertThat(c.stats().weeklyReport().runDue(Instant.parse("2026-11-16T10:00:00Z")))
                .contains("2026-11-16");
    }
}
