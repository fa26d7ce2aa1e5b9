package dev.loop.issue;

import dev.loop.core.text.Safe;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Autocomplete for issue-number options: open issues whose number or title matches what was typed. */
public final class IssueAutocomplete {
    private final IssueStore store;
    private final boolean activeOnly;

    public IssueAutocomplete(IssueStore store, boolean activeOnly) {
        this.store = store;
        this.activeOnly = activeOnly;
    }

    public List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event) {
        return store.suggest(event.getFocusedOption().getValue(), activeOnly, 25).stream()
                .map(i -> new Command.Choice(
                        Safe.truncate(Safe.oneLineRaw(i.ref() + " " + i.title()), 100), String.valueOf(i.number())))
                .toList();
    }
}
