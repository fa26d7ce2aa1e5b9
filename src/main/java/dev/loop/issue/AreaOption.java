package dev.loop.issue;

import dev.loop.core.config.Config;
import dev.loop.core.discord.UserError;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The optional `area` option of `/issue list` and `/roadmap`: the configured areas as choices (Discord allows 25;
 * more areas than that are typed by name), read back only when it names a configured area.
 */
public final class AreaOption {

    /** Discord's limit on an option's choices. */
    static final int MAX_CHOICES = 25;

    private AreaOption() {}

    public static OptionData option(Config config, String description) {
        OptionData o = new OptionData(OptionType.STRING, "area", description, false).setMaxLength(100);
        List<Config.Area> areas = config.areas();
        if (!areas.isEmpty() && areas.size() <= MAX_CHOICES) {
            for (Config.Area a : areas) o.addChoice(a.name(), a.name());
        }
        return o;
    }

    /** The configured area the person chose, or null when they chose none. */
    public static String read(SlashCommandInteractionEvent e, Config config) {
        String typed = e.getOption("area", OptionMapping::getAsString);
        if (typed == null) return null;
        return config.areas().stream()
                .map(Config.Area::name)
                .filter(n -> n.equalsIgnoreCase(typed.strip()))
                .findFirst()
                .orElseThrow(() -> new UserError(
                        config.areas().isEmpty()
                                ? "No areas are configured, so there is nothing to filter by."
                                : "There is no area called that. The areas are: "
                                        + String.join(
                                                ", ",
                                                config.areas().stream()
                                                        .map(Config.Area::name)
                                                        .toList()) + "."));
    }

    static int indexOf(Config config, String area) {
        List<Config.Area> areas = config.areas();
        for (int i = 0; i < areas.size(); i++) if (areas.get(i).name().equals(area)) return i;
        throw new IllegalArgumentException("not a configured area: " + area);
    }

    static String atIndex(Config config, int index) {
        return config.areas().get(index).name();
    }
}
