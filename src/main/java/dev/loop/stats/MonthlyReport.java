package dev.loop.stats;

import dev.loop.core.RoutineRuns;
import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly review in the team channel, on the first of each month at the weekly report's time and zone: last
 * month's KPIs, each goal met or missed per area and owner, and the trend chart of each goal with its goal line. Like
 * the weekly report it posts once per month across restarts ({@code routine_run}), late by at most
 * {@link WeeklyReport#LATE_LIMIT}, and only while the weekly report is enabled.
 */
public final class MonthlyReport {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReport.class);
    public static final String ROUTINE = "monthly-report";

    private final Config config;
    private final StatsStore store;
    private final GoalStore goals;
    private final RoutineRuns runs;
    private volatile JDA jda;

    MonthlyReport(Config config, StatsStore store, GoalStore goals, RoutineRuns runs) {
        this.config = config;
        this.store = store;
        this.goals = goals;
        this.runs = runs;
    }

    void start(JDA jda) {
        this.jda = jda;
    }

    /** The first of {@code now}'s month at the report time, in the report zone. */
    Instant lastDue(Instant now) {
        ZoneId zone = config.weeklyReport().zone();
        LocalDate first = now.atZone(zone).toLocalDate().withDayOfMonth(1);
        Instant due = first.atTime(config.weeklyReport().time()).atZone(zone).toInstant();
        return due.isAfter(now)
                ? first.minusMonths(1)
                        .atTime(config.weeklyReport().time())
                        .atZone(zone)
                        .toInstant()
                : due;
    }

    /** Posts the review if one is due at {@code now} and not posted yet; returns the month it reviewed. */
    public Optional<String> runDue(Instant now) {
        if (!config.weeklyReport().enabled() || jda == null) return Optional.empty();
        Instant due = lastDue(now);
        if (Duration.between(due, now).compareTo(WeeklyReport.LATE_LIMIT) > 0) return Optional.empty();
        YearMonth month =
                YearMonth.from(due.atZone(config.weeklyReport().zone())).minusMonths(1);
        String key = month.toString();
        if (runs.ran(ROUTINE, key) || !runs.claim(ROUTINE, key, now)) return Optional.empty();
        try {
            post(month, due);
            log.info("Monthly review of {} posted", key);
            return Optional.of(key);
        } catch (RuntimeException e) {
            runs.release(ROUTINE, key);
            throw e;
        }
    }

    private void post(YearMonth month, Instant due) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null)
            throw new IllegalStateException("team channel " + config.channels().team() + " is not visible");
        ZoneId zone = config.weeklyReport().zone();
        Window window = new Window(month.atDay(1).atStartOfDay(zone).toInstant(), due);
        Instant trendFrom = due.minus(Duration.ofDays(7L * GoalReview.TREND_WEEKS));
        StatsStore.Facts facts = store.load(trendFrom.isBefore(window.from()) ? trendFrom : window.from(), due);
        KpiReport kpis = Kpis.compute(window, Optional.empty(), facts.threads(), facts.issues(), facts.notices());
        List<GoalReview.Verdict> verdicts = GoalReview.judge(goals.all(), config.areas(), window, facts);
        List<byte[]> charts = GoalReview.charts(verdicts, due, zone, facts);
        String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        EmbedBuilder e = Replies.card(Replies.BRAND)
                .setTitle("Monthly review · " + name)
                .setDescription(Replies.description("The KPIs of " + name + ", and each goal met or missed."));
        e.addField("Input", Replies.field(String.join("\n", StatsView.lines(kpis, Optional.empty(), true))), false);
        e.addField("Output", Replies.field(String.join("\n", StatsView.lines(kpis, Optional.empty(), false))), false);
        e.addField(
                "Goals",
                Replies.field(GoalReview.text(verdicts)
                        .orElse("No goals set yet: an owner sets one with " + "`/stats goal metric value [area]`.")),
                false);
        List<FileUpload> files = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) files.add(FileUpload.fromData(charts.get(i), GoalReview.chartName(i)));
        if (!files.isEmpty()) e.setImage("attachment://" + GoalReview.chartName(0));
        team.sendMessage(new MessageCreateBuilder()
                        .setEmbeds(e.build())
                        .setFiles(files)
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .complete();
    }
}
