package dev.loop.triage;

import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** Reading the issue a command names, with the sentences people get when it can't be used. */
final class Issues {

    private Issues() {
    }

    /** The {@code number} option; Discord enforces that it is an integer, this refuses the rest. */
    static int number(SlashCommandInteractionEvent event) {
        OptionMapping o = event.getOption("number");
        if (o == null) throw new UserError("Give the issue number, e.g. `12`.");
        long n;
        try {
            n = o.getAsLong();
        } catch (IllegalStateException | NumberFormatException e) {
            throw new UserError("The issue number must be a whole number, e.g. `12`.");
        }
        if (n < 1 || n > Integer.MAX_VALUE) throw new UserError("There is no issue #" + n + ".");
        return (int) n;
    }

    static Issue existing(IssueStore store, int number) {
        return store.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
    }

    /** An open or in-progress issue; {@code verb} completes "only open issues can be …". */
    static Issue active(IssueStore store, int number, String verb) {
        Issue issue = existing(store, number);
        if (!issue.status().isActive()) {
            String status = issue.status().label().toLowerCase(Locale.ROOT);
            String extra = issue.duplicateOf() != null ? " (a duplicate of #" + issue.duplicateOf() + ")" : "";
            throw new UserError("**" + issue.ref() + "** is " + status + extra + "; only open issues can be " + verb + ".");
        }
        return issue;
    }
}
