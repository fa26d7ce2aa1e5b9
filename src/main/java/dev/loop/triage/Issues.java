package dev.loop.triage;

import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueStore;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/** Reading the issue a command names, with the sentences people get when it can't be used. */
final class Issues {

    private Issues() {}

    /** The {@code number} option. */
    static int number(SlashCommandInteractionEvent event) {
        return IssueNumberOption.read(event, "number");
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
            throw new UserError(
                    "**" + issue.ref() + "** is " + status + extra + "; only open issues can be " + verb + ".");
        }
        return issue;
    }
}
