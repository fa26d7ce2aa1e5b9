package dev.loop.stats;

import dev.loop.core.RoutineRuns;
import dev.loop.core.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly KPI report in the team channel: the seven days before the scheduled moment, the change from the seven
 * days before those, and the captured-vs-shipped chart of the {@value #CHART_WEEKS} whole weeks before it.
 *
 * <p>{@link #runDue(Instant)} is called every minute by the scheduler (and directly by tests with any instant). It
 * posts at most once per scheduled moment, across restarts ({@code routine_run}); a report missed while Loop was down
 * is posted late, if Loop is back within {@link #LATE_LIMIT}.
 */
public final class WeeklyReport {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReport.class);
    public static final String ROUTINE = "weekly-report";
    static final int CHART_WEEKS = 8;
    static final Duration LATE_LIMIT = Duration.ofHours(24);

    private final Config config;
    private final StatsStore store;
    private final RoutineRuns runs;
    private final WeeklySchedule schedule;
    private final GoalStore goals;
    private volatile JDA jda;

    public WeeklyReport(Config config, StatsStore store, RoutineRuns runs) {
        this(config, store, runs, null);
    }

    /** A weekly report that also compares the week's KPIs with the goals set ({@code goals} may be null: none). */
    public WeeklyReport(Config config, StatsStore store, RoutineRuns runs, GoalStore goals) {
        this.goals = goals;
        this.config = config;
        this.store = store;
        this.runs = runs;
        Config.WeeklyReport w = config.weeklyReport();
        this.schedule = new WeeklySchedule(w.day(), w.time(), w.zone());
    }

    public void start(JDA jda) {
        this.jda = jda;
    }

    /** Posts the report if one is due at {@code now} and not posted yet; returns the period it posted for. */
    public Optional<String> runDue(Instant now) {
        if (!config.weeklyReport().enabled() || jda == null) return Optional.empty();
        Instant due = schedule.lastDue(now);
        if (Duration.between(due, now).compareTo(LATE_LIMIT) > 0) return Optional.empty();
        String key = schedule.periodKey(due);
        if (runs.ran(ROUTINE, key) || !runs.claim(ROUTINE, key, now)) return Optional.empty();
        try {
            post(due);
            log.info("Weekly report for {} posted", key);
            return Optional.of(key);
        } catch (RuntimeException e) {
            runs.release(ROUTINE, key);
            throw e;
        }
    }

    private void post(Instant due) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null)
            throw new IllegalStateException("team channel " + config.channels().team() + " is not visible");
        ZoneId zone = schedule.zone();
        Window week = Window.ending(due, Duration.ofDays(7));
        Instant chartTo = Kpis.weekStart(due, zone).atStartOfDay(zone).toInstant();
        Window chartWindow = new Window(
                Kpis.weekStart(due, zone)
                        .minusWeeks(CHART_WEEKS)
                        .atStartOfDay(zone)
                        .toInstant(),
                chartTo);
        Instant from = chartWindow.from().isBefore(week.previous().from())
                ? chartWindow.from()
                : week.previous().from();
        StatsStore.Facts facts = store.load(from, due);
        KpiReport thisWeek = Kpis.compute(week, Optional.empty(), facts.threads(), facts.issues(), facts.notices());
        KpiReport lastWeek =
                Kpis.compute(week.previous(), Optional.empty(), facts.threads(), facts.issues(), facts.notices());
        byte[] chart =
                StatsChart.png("Captured vs shipped per week", Kpis.weeklySeries(chartWindow, zone, facts.issues()));
        // the goals: this week's KPIs against each goal, and each goal's trend with its goal line
        List<GoalReview.Verdict> verdicts = goals == null
                ? List.of()
                : GoalReview.judge(
                        goals.all(),
                        config.areas(),
                        week,
                        store.load(due.minus(Duration.ofDays(7L * GoalReview.TREND_WEEKS)), due));
        net.dv8tion.jda.api.EmbedBuilder embed =
                new net.dv8tion.jda.api.EmbedBuilder(StatsView.weekly(thisWeek, lastWeek));
        GoalReview.text(verdicts)
                .ifPresent(t -> embed.addField("Goals", dev.loop.core.discord.Replies.field(t), false));
        List<FileUpload> files = new ArrayList<>();
        files.add(FileUpload.fromData(chart, StatsChart.FILE_NAME));
        if (!verdicts.isEmpty()) {
            List<byte[]> charts = GoalReview.charts(
                    verdicts, due, zone, store.load(due.minus(Duration.ofDays(7L * GoalReview.TREND_WEEKS)), due));
            for (int i = 0; i < charts.size(); i++)
                files.add(FileUpload.fromData(charts.get(i), GoalReview.chartName(i)));
        }
        team.sendMessage(new MessageCreateBuilder()
                        .setEmbeds(embed.build())
                        .setFiles(files)
                        .setAllowedMentions(
                                java.util.EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                        .build())
                .complete();
    }
}
