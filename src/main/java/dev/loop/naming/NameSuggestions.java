package dev.loop.naming;

import dev.loop.core.Services;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * **Suggest another** on a naming vote: anyone in the team (an engineer) adds a name with why, before the vote closes.
 * A Discord poll can't take new answers once posted, so the suggestion is a reply to the poll, and the 👍 reactions
 * on that reply are its votes in the result.
 */
final class NameSuggestions {

    static final String SUGGEST = "Suggest another";
    static final String VOTE_EMOJI = "👍";

    static final Shape BUTTON =
            Shape.of("namesug", "That vote's button can't be read any more; start a new vote with `/name`.", Kind.ID);
    static final Shape FORM =
            Shape.of("namesugf", "That suggestion form can't be read any more; press Suggest another again.", Kind.ID);

    private final Services services;
    private final NamingPollStore polls;
    private final NamingSuggestionStore suggestions;

    NameSuggestions(Services services, NamingPollStore polls, NamingSuggestionStore suggestions) {
        this.services = services;
        this.polls = polls;
        this.suggestions = suggestions;
    }

    static Button button(long pollId) {
        return Button.secondary(BUTTON.id(pollId), SUGGEST);
    }

    void press(ButtonInteractionEvent event) {
        long pollId = BUTTON.parse(event.getComponentId()).orRefuse().id(0);
        services.engineers().require(event.getMember(), "suggest names");
        NamingPoll poll = open(pollId);
        TextInput name = TextInput.create("name", TextInputStyle.SHORT)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(NameProposal.MAX_NAME)
                .build();
        TextInput why = TextInput.create("why", TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(NameProposal.MAX_LIKE)
                .setPlaceholder("What you like about it")
                .build();
        event.replyModal(
                        Modal.create(FORM.id(pollId), Safe.truncate("Suggest a name instead of " + poll.proposal(), 45))
                                .addComponents(Label.of("Name", name), Label.of("Why", why))
                                .build())
                .queue();
    }

    void submitted(ModalInteractionEvent event) {
        long pollId = FORM.parse(event.getModalId()).orRefuse().id(0);
        services.engineers().require(event.getMember(), "suggest names");
        NamingPoll poll = open(pollId);
        String name = Safe.oneLineRaw(value(event, "name"));
        String why = value(event, "why").strip();
        if (name.isEmpty()) throw new UserError("Give the name you suggest; it can't be empty.");
        if (name.length() > NameProposal.MAX_NAME) {
            throw new UserError(
                    "The name is " + name.length() + " characters long; keep it to " + NameProposal.MAX_NAME + ".");
        }
        if (why.isEmpty()) throw new UserError("Say what you like about the name; the team votes on the reasons too.");
        if (why.length() > NameProposal.MAX_LIKE) {
            throw new UserError(
                    "The reason is " + why.length() + " characters long; keep it to " + NameProposal.MAX_LIKE + ".");
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (poll.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(key))) {
            throw new UserError("**" + Safe.inline(name, 60) + "** is already in the poll; vote for it there.");
        }
        GuildMessageChannel channel = event.getJDA().getChannelById(GuildMessageChannel.class, poll.channelId());
        if (channel == null) throw new UserError("Loop cannot see the team channel, so nothing was added.");
        long by = event.getUser().getIdLong();
        NamingSuggestionStore.Suggestion s = suggestions
                .add(poll.id(), name, why, by, services.clock().instant())
                .orElseThrow(() -> new UserError(
                        "**" + Safe.inline(name, 60) + "** was already suggested; give it a 👍 on its reply."));
        event.deferReply(true).queue();
        String text = "💡 <@" + by + "> suggests **" + Safe.inline(name, 60) + "** for the naming vote on **"
                + Safe.inline(poll.proposal(), 60) + "**: " + Safe.block(why, NameProposal.MAX_LIKE)
                + "\nReact with " + VOTE_EMOJI + " to vote for it; it is counted in the result.";
        Message sent;
        try {
            sent = channel.sendMessage(new MessageCreateBuilder()
                            .setContent(Safe.truncate(text, Message.MAX_CONTENT_LENGTH))
                            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                            .build())
                    .setMessageReference(poll.messageId())
                    .failOnInvalidReply(false)
                    .complete();
        } catch (RuntimeException e) {
            suggestions.delete(s.id());
            throw e;
        }
        suggestions.setMessage(s.id(), sent.getIdLong());
        event.getHook()
                .sendMessage(Replies.text("Added **" + Safe.inline(name, 60) + "** to the vote: " + sent.getJumpUrl()))
                .setEphemeral(true)
                .queue();
    }

    private NamingPoll open(long pollId) {
        NamingPoll poll = polls.find(pollId)
                .filter(p -> p.messageId() != null)
                .orElseThrow(() -> new UserError("That naming vote doesn't exist any more."));
        Instant now = services.clock().instant();
        if (!poll.openAt(now)) {
            throw new UserError("The naming vote on **" + Safe.inline(poll.proposal(), 60)
                    + "** has closed, so no more names can be added.");
        }
        return poll;
    }

    private static String value(ModalInteractionEvent event, String id) {
        return Optional.ofNullable(event.getValue(id))
                .map(ModalMapping::getAsString)
                .orElse("");
    }
}
