package dev.loop.issue;

import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * An option naming an issue. It is a text option, not an integer one: Discord's client lets people type only digits
 * into integer options, and people look issues up by title. Autocomplete offers matching issues whose value is the
 * number; typing "12", "#12" or picking "#12 Dark mode…" all name issue 12.
 */
public final class IssueNumberOption {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^#?\\s*(\\d{1,9})(?:\\D.*)?$", Pattern.DOTALL);

    private IssueNumberOption() {}

    public static OptionData option(String name, String description) {
        return new OptionData(OptionType.STRING, name, description, true, true).setMaxLength(100);
    }

    /** The issue number the option names, or the ephemeral sentence explaining what to type. */
    public static int read(SlashCommandInteractionEvent event, String name) {
        OptionMapping o = event.getOption(name);
        if (o == null) throw new UserError("Name the issue: pick one from the list or type its number, like 12.");
        return parse(o.getAsString());
    }

    public static int parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = LEADING_NUMBER.matcher(t);
        if (!m.matches()) {
            throw new UserError("\"" + Safe.inline(t, 60)
                    + "\" is not an issue: pick one from the list or type its number, like 12.");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1) throw new UserError("There is no issue #" + n + ".");
        return n;
    }
}
