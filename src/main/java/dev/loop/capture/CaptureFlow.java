package dev.loop.capture;

import dev.loop.core.discord.Channels;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.AlreadyCaptured;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueCard;
import dev.loop.issue.IssueKind;
import dev.loop.issue.NewIssue;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.issue.search.DuplicateSearch;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.SimilarityRanking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /capture and Capture as issue: the form, the similar open issues to link to instead, and creating the issue from
 * the conversation (also for the 📌 quick capture), then telling triage through {@link IssueCaptured}.
 */
final class CaptureFlow extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(CaptureFlow.class);

    private final Conversations conversations;
    private final LinkFlow links;
    private final DetailsFlow details;
    private final IssueCaptured afterCapture;
    private final Drafts drafts = new Drafts();
    /** Drafts made by a 📌 quick capture: answered, once created, in a thread on the message (see QuickCapture). */
    private final java.util.Set<Long> quickDrafts = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CaptureFlow(
            CaptureContext context,
            Conversations conversations,
            LinkFlow links,
            DetailsFlow details,
            IssueCaptured afterCapture) {
        super(context);
        this.conversations = conversations;
        this.links = links;
        this.details = details;
        this.afterCapture = afterCapture;
    }

    static final String MODAL = "capture";

    static final String CHOICE = "capchoice";

    private static final String OLD_FORM = "That capture form is from an older version of Loop. Run /capture again.";

    /** {@code capture:t:<thread>}: the form opened by /capture in a support thread. */
    static final Shape FORM_OF_THREAD =
            Shape.of(MODAL, OLD_FORM, Kind.WORD, Kind.ID).words("t");

    /** {@code capture:m:<channel>:<message>}: the form opened by Capture as issue on one message. */
    static final Shape FORM_OF_MESSAGE =
            Shape.of(MODAL, OLD_FORM, Kind.WORD, Kind.ID, Kind.ID).words("m");

    private static final String OLD_CHOICE = "That choice can't be read any more. Run /capture again.";

    /** {@code capchoice:link:<draft>:<issue>}: link the captured conversation to a similar open issue. */
    static final Shape LINK_CHOICE =
            Shape.of(CHOICE, OLD_CHOICE, Kind.WORD, Kind.ID, Kind.NUMBER).words("link");

    /** {@code capchoice:new:<draft>}: create a new issue after all. */
    static final Shape NEW_CHOICE =
            Shape.of(CHOICE, OLD_CHOICE, Kind.WORD, Kind.ID).words("new");

    static final int MAX_SIMILAR = 3;

    void capture(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        ThreadChannel thread = conversations.supportThread(e.getChannel(), "/capture");
        Optional<Issue> existing = store.findByChannel(thread.getIdLong());
        if (existing.isPresent()) {
            conversations.showExisting(
                    e,
                    existing.get(),
                    "This thread is already captured as **" + existing.get().ref() + "**.");
            return;
        }
        Message first = Conversations.firstMessage(thread);
        String summary = first == null ? "" : first.getContentRaw();
        e.replyModal(captureModal(
                        FORM_OF_THREAD.id("t", thread.getIdLong()),
                        thread.getName(),
                        summary,
                        conversations.guessKind(thread)))
                .queue();
    }

    void captureMessage(MessageContextInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        Message message = e.getTarget();
        if (!e.isFromGuild() || !conversations.isSupport(e.getChannel())) {
            throw new UserError("Capture as issue works on messages in support channels and their threads.");
        }
        if (message.getAuthor().isBot())
            throw new UserError("That message was posted by a bot; capture a person's message.");
        Optional<Issue> existing = store.findByMessage(message.getIdLong());
        if (existing.isPresent()) {
            conversations.showExisting(
                    e,
                    existing.get(),
                    "That message is already captured as **" + existing.get().ref() + "**.");
            return;
        }
        String content = message.getContentRaw();
        String title = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        e.replyModal(captureModal(
                        FORM_OF_MESSAGE.id("m", message.getChannel().getIdLong(), message.getIdLong()),
                        title,
                        content,
                        IssueKind.BUG))
                .queue();
    }

    Modal captureModal(String customId, String title, String summary, IssueKind kind) {
        TextInput.Builder titleInput =
                TextInput.create("title", TextInputStyle.SHORT).setRequiredRange(1, 300);
        String t = Safe.truncate(Safe.oneLineRaw(title), 300);
        if (!t.isBlank()) titleInput.setValue(t);
        TextInput.Builder summaryInput =
                TextInput.create("summary", TextInputStyle.PARAGRAPH).setRequiredRange(1, 4000);
        String s = Safe.truncate(summary == null ? "" : summary.strip(), 4000);
        if (!s.isBlank()) summaryInput.setValue(s);
        return Modal.create(customId, "Capture as issue")
                .addComponents(
                        Label.of("Title", titleInput.build()),
                        Label.of(
                                "Kind",
                                StringSelectMenu.create("kind")
                                        .addOption("Bug", "bug")
                                        .addOption("Feature", "feature")
                                        .addOption("Question", "question")
                                        .setDefaultValues(kind.code())
                                        .build()),
                        Label.of("Summary", summaryInput.build()),
                        Label.of(
                                "Needs docs or copy changes?",
                                StringSelectMenu.create("needs_docs")
                                        .addOption("No", "no")
                                        .addOption("Yes", "yes")
                                        .setDefaultValues("no")
                                        .build()))
                .build();
    }

    void submit(ModalInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        ComponentId.Parsed ofMessage = FORM_OF_MESSAGE.parse(e.getModalId());
        ComponentId form =
                (ofMessage instanceof ComponentId.Valid ? ofMessage : FORM_OF_THREAD.parse(e.getModalId())).orRefuse();
        long channelId = form.id(1);
        Long messageId = form.fields().size() == 3 ? form.id(2) : null;
        String title = Conversations.value(e, "title").strip();
        String summary = Conversations.value(e, "summary").strip();
        if (title.isEmpty()) throw new UserError("The title can't be empty.");
        IssueKind kind = IssueKind.parse(Conversations.first(e, "kind")).orElse(IssueKind.BUG);
        boolean needsDocs = "yes".equals(Conversations.first(e, "needs_docs"));
        CaptureDraft draft = new CaptureDraft(
                e.getUser().getIdLong(),
                e.getGuild().getIdLong(),
                channelId,
                messageId,
                title,
                kind,
                summary,
                needsDocs);

        List<Issue> similar = similarOpenIssues(title + " " + summary);
        if (!similar.isEmpty()) {
            long id = drafts.put(draft, actions.now());
            e.reply(similarChoice(similar, id)).setEphemeral(true).queue();
            return;
        }
        e.deferReply(true).queue();
        create(e.getJDA(), draft, e.getHook());
    }

    List<Issue> similarOpenIssues(String text) {
        List<SearchHit> hits = new DuplicateSearch(store).openIssuesLike(text, 10);
        List<SimilarityRanking.Candidate> candidates = hits.stream()
                .map(h -> new SimilarityRanking.Candidate(
                        h.issue().number(), h.issue().title(), h.issue().status(), h.score()))
                .toList();
        java.util.Map<Integer, Issue> byNumber = new java.util.HashMap<>();
        for (SearchHit h : hits) byNumber.put(h.issue().number(), h.issue());
        return SimilarityRanking.defaults().pick(candidates).stream()
                .map(c -> byNumber.get(c.number()))
                .toList();
    }

    MessageCreateData similarChoice(List<Issue> similar, long draftId) {
        StringBuilder text =
                new StringBuilder("This may already be tracked. Link it to one of these, or create a new issue:\n");
        List<Button> buttons = new ArrayList<>();
        for (Issue i : similar) {
            text.append("\n• ").append(views.row(i));
            buttons.add(Button.primary(LINK_CHOICE.id("link", draftId, i.number()), "Link to " + i.ref()));
        }
        buttons.add(Button.secondary(NEW_CHOICE.id("new", draftId), "Create new issue"));
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(text.toString(), 2000))
                .setComponents(ActionRow.of(buttons))
                .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    void choose(ButtonInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        ComponentId.Parsed toLink = LINK_CHOICE.parse(e.getComponentId());
        ComponentId choice =
                (toLink instanceof ComponentId.Valid ? toLink : NEW_CHOICE.parse(e.getComponentId())).orRefuse();
        long draftId = choice.id(1);
        CaptureDraft draft = drafts.take(draftId, e.getUser().getIdLong(), actions.now())
                .orElseThrow(
                        () -> new UserError("This capture has expired or was already handled. Run /capture again."));
        e.deferEdit().queue();
        e.getHook().editOriginalComponents().queue(null, ignored -> {});
        boolean quick = quickDrafts.remove(draftId);
        if (choice.field(0).equals("new")) {
            if (quick) createQuick(e.getJDA(), draft, e.getHook());
            else create(e.getJDA(), draft, e.getHook());
        } else {
            int number = choice.number(2);
            Issue issue = store.lookup(number).orRefuse();
            LinkFlow.Linked linked = links.linkPlace(
                    e.getJDA(),
                    issue,
                    draft.channelId(),
                    draft.messageId(),
                    null,
                    Requester.How.LINK,
                    draft.engineerId());
            // the conversation hears where it is tracked, as after /link
            try {
                conversations.postCard(linked.channel(), linked.placeId(), links.linkedCard(linked));
            } catch (RuntimeException failed) {
                log.warn(
                        "Could not post the card of #{} in {}: {}",
                        number,
                        linked.channel().getId(),
                        failed.toString());
            }
            e.getHook()
                    .sendMessage(Replies.text(linked.sentence()))
                    .setEphemeral(true)
                    .queue();
        }
    }

    /** Holds a 📌 draft for the engineer's choice between linking it to a similar issue and creating it. */
    long holdQuickDraft(CaptureDraft draft) {
        long id = drafts.put(draft, actions.now());
        quickDrafts.add(id);
        return id;
    }

    /**
     * Creates a 📌 draft. A message in a text channel is answered in a thread started on it, as a captured thread is
     * answered in itself: the card, Me too and the details request stay with the conversation instead of the channel.
     */
    void createQuick(JDA jda, CaptureDraft draft, InteractionHook hook) {
        GuildMessageChannel channel = Channels.find(jda, draft.channelId())
                .orElseThrow(() -> new UserError("That channel no longer exists, so there is nothing to capture."));
        GuildMessageChannel answerIn = channel;
        if (draft.messageId() != null
                && !(channel instanceof ThreadChannel)
                && channel instanceof net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer container) {
            try {
                answerIn = container
                        .createThreadChannel(Safe.truncate(Safe.oneLineRaw(draft.title()), 100), draft.messageId())
                        .complete();
            } catch (RuntimeException failed) {
                log.warn("Could not start a thread on {}; answering in the channel: {}", draft.messageId(), failed);
            }
        }
        create(jda, draft, hook, answerIn);
    }

    /** Creates the issue from a draft: reads the conversation, stores it, posts the card, asks for details. */
    void create(JDA jda, CaptureDraft draft, InteractionHook hook) {
        create(jda, draft, hook, null);
    }

    private void create(JDA jda, CaptureDraft draft, InteractionHook hook, GuildMessageChannel answerIn) {
        GuildMessageChannel channel = Channels.find(jda, draft.channelId())
                .orElseThrow(() -> new UserError("That thread no longer exists, so there is nothing to capture."));
        Conversations.Source source = conversations.readSource(channel, draft.messageId(), "capture");
        if (draft.messageId() == null) {
            Optional<Issue> existing = store.findByChannel(channel.getIdLong());
            if (existing.isPresent()) {
                throw new UserError(
                        "This thread was captured as " + existing.get().ref() + " in the meantime.");
            }
        }
        Conversations.Area area = conversations.areaOf(channel);
        Issue issue;
        try {
            issue = store.create(
                    new NewIssue(
                            draft.title(),
                            draft.kind(),
                            draft.summary(),
                            draft.needsDocs(),
                            area.name(),
                            area.ownerId()),
                    source.place(),
                    source.requesters(),
                    source.how(),
                    source.transcript().lines(),
                    source.transcript().capped(),
                    draft.engineerId(),
                    actions.now());
        } catch (AlreadyCaptured twice) {
            // another delivery or another engineer captured the same source first: nothing was stored
            throw new UserError("This conversation was captured as #" + twice.issueNumber() + " in the meantime.");
        }
        dev.loop.core.Crashpoints.reach("capture.issue.stored"); // stored, no card yet: the next start posts it
        boolean carded = publish(jda, issue, answerIn == null ? channel : answerIn, source, draft.engineerId());
        if (hook != null) {
            int read = source.transcript().lines().size();
            hook.sendMessage(Replies.text("Captured **" + issue.ref() + "** " + Safe.inline(issue.title(), 150)
                            + " with " + read + (read == 1 ? " message" : " messages")
                            + (source.transcript().capped() ? " (capped at " + config.transcriptLimit() + ")" : "")
                            + "."
                            + (carded
                                    ? ""
                                    : " Discord refused the issue card in the thread, so nobody there can press Me too "
                                            + "yet; `/issue show " + issue.number() + "` shows the card.")))
                    .setEphemeral(true)
                    .queue();
        }
        afterCapture.captured(jda, issue, draft.engineerId(), hook);
    }

    /**
     * Posts the card, tags the forum post, asks a bug's reporter for details, tells the owner. Returns whether the
     * card was posted; the issue is stored either way.
     */
    boolean publish(JDA jda, Issue issue, GuildMessageChannel channel, Conversations.Source source, long engineerId) {
        IssueCard view = store.card(issue.number()).orElseThrow();
        Place place = view.places().getFirst();
        boolean carded = false;
        try {
            conversations.postCard(channel, place.id(), views.cardMessage(view));
            carded = true;
        } catch (RuntimeException failed) {
            log.warn("Could not post the card of {} in {}: {}", issue.ref(), channel.getId(), failed.toString());
        }
        if (channel instanceof ThreadChannel thread)
            Conversations.applyTag(thread, config.tags().tracked());
        details.askForDetails(channel, issue, source.requesters());
        if (issue.ownerId() != null && issue.ownerId() != engineerId) {
            Conversations.dm(
                    jda,
                    issue.ownerId(),
                    "**" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + " was captured in " + "your area"
                            + (issue.area() == null ? "" : " " + Safe.inline(issue.area(), 100)) + ": " + place.url());
        }
        return carded;
    }
}
