package dev.loop.capture;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.NewTranscriptLine;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understanding the problem while the person is there: a bug's reporters are asked the debug questions, a feature's
 * the configured {@code features.questions}; the request in the thread, the form (open only to the issue's
 * requesters and engineers), and adding the answers to the record.
 */
final class DetailsFlow extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(DetailsFlow.class);

    private final Conversations conversations;

    DetailsFlow(CaptureContext context, Conversations conversations) {
        super(context);
        this.conversations = conversations;
    }

    static final String DETAILS = "details";

    /** {@code details:<issue>}, both the Add details button and the form it opens. */
    static final Shape DETAILS_ID = Shape.of(
            DETAILS, "That details button is from an older version of Loop; use `/issue show` instead.", Kind.NUMBER);

    /** {@code details:<issue>:<kind>}, the form: the kind travels in it, so the answers match the questions shown. */
    static final Shape DETAILS_FORM_ID = Shape.of(
                    DETAILS,
                    "That details form is from an older version of Loop; use `/issue show` instead.",
                    Kind.NUMBER,
                    Kind.WORD)
            .words("bug", "feature");

    /** The questions asked for an issue of this kind: the debug questions for a bug, the problem for a feature. */
    List<String> questionsFor(IssueKind kind) {
        return switch (kind) {
            case BUG -> config.debugQuestions();
            case FEATURE -> config.featureQuestions();
            case QUESTION -> List.of();
        };
    }

    /** Asks the reporters in the conversation; nothing when the issue's kind has no questions. */
    void askForDetails(GuildMessageChannel channel, Issue issue, List<Long> reporters) {
        List<String> questions = questionsFor(issue.kind());
        if (questions.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        for (Long r : reporters) text.append("<@").append(r).append("> ");
        text.append("thanks — this is tracked as **")
                .append(issue.ref())
                .append(
                        issue.kind() == IssueKind.FEATURE
                                ? "**. So we understand the problem behind it, could you tell us:"
                                : "**. While you're here, could you add:");
        for (String q : questions) text.append("\n• ").append(Safe.inline(q, 100));
        text.append("\nPress **Add details** to answer.");
        MessageCreateData data = Replies.pinging(text.toString(), reporters)
                .setComponents(ActionRow.of(Button.primary(DETAILS_ID.id(issue.number()), "Add details")))
                .build();
        channel.sendMessage(data)
                .queue(null, e -> log.warn("Could not ask for details on {}: {}", issue.ref(), e.toString()));
    }

    /** After `/issue edit` gives an issue a kind with questions: asks its reporters where the conversation is. */
    void askAfterKindSet(JDA jda, Issue issue) {
        if (questionsFor(issue.kind()).isEmpty()) return;
        List<Place> places = store.places(issue.number());
        List<Requester> requesters = store.requesters(issue.number());
        for (Place place : places) {
            if (place.channelId() == null) continue;
            GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, place.channelId());
            if (channel == null) continue;
            List<Long> reporters = requesters.stream()
                    .filter(r -> r.userId() > 0 && place.id() == (r.placeId() == null ? -1 : r.placeId()))
                    .filter(r -> r.how() == Requester.How.AUTHOR || r.how() == Requester.How.MESSAGE_AUTHOR)
                    .map(Requester::userId)
                    .toList();
            askForDetails(channel, issue, reporters);
            return;
        }
    }

    /** Only the people who asked for the issue, and engineers, add to what it says. */
    private Issue requireAsker(int number, long userId, Member member) {
        Issue issue = store.lookup(number).orRefuse();
        boolean asked = store.requesters(number).stream().anyMatch(r -> r.userId() == userId);
        if (!asked && !services.engineers().isEngineer(member)) {
            throw new UserError("Only the people who asked for " + issue.ref()
                    + " (and engineers) can add details to it. If it affects you too, press **Me too** on its card.");
        }
        return issue;
    }

    void openDetails(ButtonInteractionEvent e) {
        int number = DETAILS_ID.parse(e.getComponentId()).orRefuse().number(0);
        Issue issue = requireAsker(number, e.getUser().getIdLong(), e.getMember());
        if (!issue.status().isActive())
            throw new UserError(
                    issue.ref() + " is " + issue.status().label().toLowerCase() + ", so it needs no more details.");
        List<String> questions = questionsFor(issue.kind());
        if (questions.isEmpty())
            throw new UserError(issue.ref() + " is a question now, so there is nothing more to ask.");
        Modal.Builder modal = Modal.create(
                DETAILS_FORM_ID.id(number, issue.kind().code()), Safe.truncate("Details for " + issue.ref(), 45));
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
        ComponentId form = DETAILS_FORM_ID.parse(e.getModalId()).orRefuse();
        int number = form.number(0);
        IssueKind asked = IssueKind.fromCode(form.field(1));
        Issue issue = requireAsker(number, e.getUser().getIdLong(), e.getMember());
        boolean feature = asked == IssueKind.FEATURE;
        StringBuilder details = new StringBuilder(feature ? "About the problem:" : "Debug details:");
        int answered = 0;
        List<String> questions = questionsFor(asked);
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
        store.addHistory(
                number,
                e.getUser().getIdLong(),
                "details",
                feature
                        ? answered + (answered == 1 ? " answer" : " answers") + " about the problem added"
                        : answered + " debug details added",
                now);
        e.reply(Replies.text("Thanks! Your details were added to **" + issue.ref() + "**."))
                .setEphemeral(true)
                .queue();
        Conversations.dm(
                e.getJDA(),
                issue.createdBy(),
                "<@" + e.getUser().getId() + "> added " + (feature ? "details about the problem" : "debug details")
                        + " to **" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + ".");
    }
}
