package dev.loop.capture;

import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.NewTranscriptLine;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asking a bug's reporters for debug details: the request in the thread, the form, and adding the answers. */
final class DetailsFlow {

    static final Logger log = LoggerFactory.getLogger(DetailsFlow.class);

    private final Services services;
    private final Config config;
    private final IssueActions actions;
    private final IssueStore store;
    private final IssueViews views;
    private final Conversations conversations;

    DetailsFlow(CaptureContext context, Conversations conversations) {
        this.services = context.services();
        this.config = context.services().config();
        this.actions = context.actions();
        this.store = context.store();
        this.views = context.actions().views();
        this.conversations = conversations;
    }

    static final String DETAILS = "details";

    /** {@code details:<issue>}, both the Add details button and the form it opens. */
    static final Shape DETAILS_ID = Shape.of(
            DETAILS, "That details button is from an older version of Loop; use `/issue show` instead.", Kind.NUMBER);

    void askForDetails(GuildMessageChannel channel, Issue issue, List<Long> reporters) {
        StringBuilder text = new StringBuilder();
        for (Long r : reporters) text.append("<@").append(r).append("> ");
        text.append("thanks — this is tracked as **")
                .append(issue.ref())
                .append("**. While you're here, could you add:");
        for (String q : config.debugQuestions()) text.append("\n• ").append(Safe.inline(q, 100));
        text.append("\nPress **Add details** to answer.");
        MessageCreateData data = Replies.pinging(text.toString(), reporters)
                .setComponents(ActionRow.of(Button.primary(DETAILS_ID.id(issue.number()), "Add details")))
                .build();
        channel.sendMessage(data)
                .queue(null, e -> log.warn("Could not ask for details on {}: {}", issue.ref(), e.toString()));
    }

    void openDetails(ButtonInteractionEvent e) {
        int number = DETAILS_ID.parse(e.getComponentId()).orRefuse().number(0);
        Issue issue = store.find(number).orElseThrow(() -> new UserError("Issue #" + number + " no longer exists."));
        if (!issue.status().isActive())
            throw new UserError(
                    issue.ref() + " is " + issue.status().label().toLowerCase() + ", so it needs no more details.");
        Modal.Builder modal = Modal.create(DETAILS_ID.id(number), Safe.truncate("Details for " + issue.ref(), 45));
        List<String> questions = config.debugQuestions();
        for (int i = 0; i < questions.size(); i++) {
            modal.addComponents(Label.of(
                    questions.get(i),
                    TextInput.create("q" + i, TextInputStyle.PARAGRAPH)
                            .setRequired(false)
                            .setMaxLength(4000)
                            .build()));
        }
        e.replyModal(modal.build()).queue();
    }

    void submitDetails(ModalInteractionEvent e) {
        int number = DETAILS_ID.parse(e.getModalId()).orRefuse().number(0);
        Issue issue = store.find(number).orElseThrow(() -> new UserError("Issue #" + number + " no longer exists."));
        StringBuilder details = new StringBuilder("Debug details:");
        int answered = 0;
        List<String> questions = config.debugQuestions();
        for (int i = 0; i < questions.size(); i++) {
            var v = e.getValue("q" + i);
            if (v == null || v.getAsString().isBlank()) continue;
            details.append("\n")
                    .append(questions.get(i))
                    .append(": ")
                    .append(v.getAsString().strip());
            answered++;
        }
        if (answered == 0) throw new UserError("Nothing was filled in, so nothing was added.");
        Instant now = actions.now();
        store.appendTranscript(
                number,
                null,
                List.of(new NewTranscriptLine(
                        e.getIdLong(),
                        e.getUser().getIdLong(),
                        e.getUser().getEffectiveName(),
                        now,
                        details.toString(),
                        List.of())));
        store.addHistory(number, e.getUser().getIdLong(), "details", answered + " debug details added", now);
        e.reply(Replies.text("Thanks! Your details were added to **" + issue.ref() + "**."))
                .setEphemeral(true)
                .queue();
        Conversations.dm(
                e.getJDA(),
                issue.createdBy(),
                "<@" + e.getUser().getId() + "> added debug details to **" + issue.ref() + "** "
                        + Safe.inline(issue.title(), 150) + ".");
    }
}
