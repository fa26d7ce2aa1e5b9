package dev.loop.stats;

import dev.loop.core.Feature;
import dev.loop.core.RoutineRuns;
import dev.loop.core.Services;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.core.discord.InteractionRouter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /stats [days] [owner]} and the weekly KPI report. */
public final class StatsFeature implements Feature {

    private static final Logger log = LoggerFactory.getLogger(StatsFeature.class);
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 365;
    /** The /stats chart shows at least this many weeks, however short the window. */
    static final int MIN_CHART_WEEKS = 8;

    private final Services services;
    private final StatsStore store;
    private final WeeklyReport weekly;
    private final GoalStore goals;
    private final MonthlyReport monthly;
    private volatile ScheduledFuture<?> routine;
    /** Sentences other features add above the KPIs (the GitHub export's progress), wired in dev.loop.app. */
    private volatile Supplier<List<String>> statusLines = List::of;

    public StatsFeature(Services services) {
        this.services = services;
        this.store = new StatsStore(services.database(), services.config().areas());
        this.goals = new GoalStore(services.database());
        this.weekly = new WeeklyReport(services.config(), store, new RoutineRuns(services.database()), goals);
        this.monthly = new MonthlyReport(services.config(), store, goals, new RoutineRuns(services.database()));
    }

    @Override
    public List<CommandData> commands() {
        return List.of(EngineerCommands.hidden(Commands.slash("stats", "The feedback loop's KPIs and their goals"))
                .addSubcommands(
                        new SubcommandData("show", "The KPIs with a chart")
                                .addOptions(
                                        new OptionData(OptionType.INTEGER, "days", "How many days back (default 7)")
                                                .setRequiredRange(1, MAX_DAYS),
                                        new OptionData(
                                                OptionType.USER, "owner", "Only this engineer's threads and issues")),
                        GoalCommand.subcommand(services.config())));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("stats show", this::stats).slash("stats goal", new GoalCommand(services, goals)::set);
    }

    @Override
    public void onReady(JDA jda) {
        weekly.start(jda);
        monthly.start(jda);
        routine = services.scheduler().scheduleAtFixedRate(this::tick, 5, 60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ScheduledFuture<?> r = routine;
        if (r != null) r.cancel(false);
    }

    /** Shows these sentences above the KPIs in /stats (e.g. "GitHub: 340 of 1,000 issues exported."). */
    public StatsFeature withStatusLines(Supplier<List<String>> lines) {
        this.statusLines = lines;
        return this;
    }

    public WeeklyReport weeklyReport() {
        return weekly;
    }

    public MonthlyReport monthlyReport() {
        return monthly;
    }

    private void tick() {
        // an exception escaping a scheduled task would cancel every later run
        try {
            weekly.runDue(services.clock().instant());
        } catch (RuntimeException e) {
            log.warn("Weekly report failed; retrying in a minute", e);
        }
        try {
            monthly.runDue(services.clock().instant());
        } catch (RuntimeException e) {
            log.warn("Monthly review failed; retrying in a minute", e);
        }
    }

    private void stats(SlashCommandInteractionEvent event) {
        services.engineers().require(event.getMember(), "see the stats");
        int days = Optional.ofNullable(event.getOption("days"))
                .map(OptionMapping::getAsInt)
                .orElse(DEFAULT_DAYS);
        if (days < 1 || days > MAX_DAYS) {
            throw new dev.loop.core.discord.UserError("days must be between 1 and " + MAX_DAYS + ".");
        }
        Optional<Long> owner = Optional.ofNullable(event.getOption("owner"))
                .map(OptionMapping::getAsUser)
                .map(User::getIdLong);
        event.deferReply(true).queue();
        Report r = report(services.clock().instant(), days, owner);
        event.getHook()
                .sendMessage(new MessageCreateBuilder()
                        .setContent(String.join("\n", statusLines.get()))
                        .setEmbeds(StatsView.stats(r.kpis(), days))
                        .setFiles(FileUpload.fromData(r.chart(), StatsChart.FILE_NAME))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    /** The KPIs of the {@code days} before {@code now} and the chart PNG. */
    record Report(KpiReport kpis, byte[] chart) {}

    Report report(Instant now, int days, Optional<Long> owner) {
        ZoneId zone = services.config().weeklyReport().zone();
        Window window = Window.ending(now, Duration.ofDays(days));
        int chartDays = Math.max(days, MIN_CHART_WEEKS * 7);
        Instant chartFrom = Kpis.weekStart(now.minus(Duration.ofDays(chartDays - 1L)), zone)
                .atStartOfDay(zone)
                .toInstant();
        Window chartWindow = new Window(chartFrom, now);
        StatsStore.Facts facts = store.load(chartFrom.isBefore(window.from()) ? chartFrom : window.from(), now);
        KpiReport kpis = Kpis.compute(window, owner, facts.threads(), facts.issues(), facts.notices());
        List<IssueFact> issues = facts.issues().stream()
                .filter(i -> owner.isEmpty() || owner.get().equals(i.ownerId()))
                .toList();
        byte[] chart = StatsChart.png("Captured vs shipped per week", Kpis.weeklySeries(chartWindow, zone, issues));
        return new Report(kpis, chart);
    }
}
