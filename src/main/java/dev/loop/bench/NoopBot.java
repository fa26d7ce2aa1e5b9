package dev.loop.bench;

import java.util.EnumSet;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The simplest bot that answers the same interactions: it replies at once on JDA's event thread with the same
 * callback types Loop uses (an ephemeral message for {@code /issue show} and Me too, an in-place update for a
 * triage button), carrying just enough components for the load to go on. The floor Loop is measured against.
 */
final class NoopBot extends ListenerAdapter {

    private static final EnumSet<Message.MentionType> NONE = EnumSet.noneOf(Message.MentionType.class);

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        int number = e.getOption("number", 0, OptionMapping::getAsInt);
        MessageCreateBuilder reply = new MessageCreateBuilder().setAllowedMentions(NONE);
        switch (e.getFullCommandName()) {
            case "issue show" ->
                reply.setContent("#" + number).setComponents(ActionRow.of(Button.success("metoo:" + number, "Me too")));
            case "issue triage" -> reply.setContent("Triage #" + number).setComponents(triageButtons(number));
            default -> reply.setContent("ok");
        }
        e.reply(reply.build()).setEphemeral(true).queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        String id = e.getComponentId();
        if (id.startsWith("metoo:")) {
            e.reply(new MessageCreateBuilder()
                            .setContent("Thanks")
                            .setAllowedMentions(NONE)
                            .build())
                    .setEphemeral(true)
                    .queue();
        } else {
            e.editMessage(new MessageEditBuilder()
                            .setContent("Next question")
                            .setComponents(triageButtons(0))
                            .setAllowedMentions(NONE)
                            .build())
                    .queue();
        }
    }

    private static ActionRow triageButtons(int number) {
        return ActionRow.of(Button.primary("noop:y:" + number, "Yes"), Button.secondary("noop:n:" + number, "No"));
    }
}
