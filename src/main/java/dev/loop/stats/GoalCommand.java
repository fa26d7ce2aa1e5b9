package dev.loop.stats;

import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.AreaOption;
import dev.loop.stats.GoalStore.Goal;
import java.util.Arrays;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /stats goal metric value [area]}: an owner (any engineer) sets the goal of a KPI for their area, or for the
 * whole team without an area. A goal set again replaces the earlier one; the weekly report and the monthly review
 * compare each KPI with its goal.
 */
final class GoalCommand {

    private final Services services;
    private final GoalStore goals;

    GoalCommand(Services services, GoalStore goals) {
        this.services = services;
        this.goals = goals;
    }

    static SubcommandData subcommand(Config config) {
        OptionData metric = new OptionData(OptionType.STRING, "metric", "The KPI", true);
        for (GoalMetric m : GoalMetric.values()) metric.addChoice(m.label(), m.key());
        return new SubcommandData("goal", "Set the goal of a KPI for an area (or the whole team)")
                .addOptions(
                        metric,
                        new OptionData(OptionType.STRING, "value", "The goal: 2h, 90%, 5…", true).setMaxLength(20),
                        AreaOption.option(config, "The area it is for (default: the whole team)"));
    }

    void set(SlashCommandInteractionEvent event) {
        services.engineers().require(event.getMember(), "set goals");
        String key = event.getOption("metric", "", OptionMapping::getAsString);
        GoalMetric metric = GoalMetric.parse(key)
                .orElseThrow(() -> new UserError("There is no KPI called \"" + Safe.inline(key, 40)
                        + "\". Goals can be set for: "
                        + Arrays.stream(GoalMetric.values())
                                .map(GoalMetric::key)
                                .collect(Collectors.joining(", "))
                        + "."));
        String typed = event.getOption("value", "", OptionMapping::getAsString);
        long target = metric.parseTarget(typed)
                .orElseThrow(() -> new UserError("\"" + Safe.inline(typed, 20) + "\" can't be a goal for "
                        + metric.label().toLowerCase(java.util.Locale.ROOT) + "; give " + metric.example() + "."));
        String area = AreaOption.read(event, services.config());
        goals.set(
                new Goal(metric, area == null ? Goal.TEAM : area, target),
                event.getUser().getIdLong(),
                services.clock().instant());
        event.reply(Replies.text("Goal set: " + metric.label() + " " + metric.goalText(target) + " for "
                        + (area == null ? "the whole team" : Safe.inline(area, 60))
                        + ". The weekly report and the monthly review compare it from now on."))
                .setEphemeral(true)
                .queue();
    }
}
