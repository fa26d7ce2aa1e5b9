package dev.loop.capture;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.Channels;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueAutocomplete;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueRecordView;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.NewTranscriptLine;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.issue.search.DuplicateSearch;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.SimilarityRanking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /capture, Capture as issue, /link, 📌 quick capture, Me too (button and 👍) and the debug-details request. */
public final class CaptureFeature implements Feature {

    private static final Logger log = LoggerFactory.getLogger(CaptureFeature.class);

    static final String MODAL = "capture";
    static final String CHOICE = "capchoice";
    static final String DETAILS = "details";
    public static final String MESSAGE_COMMAND = "Capture as issue";
    static final int MAX_SIMILAR = 3;

    private final Services services;
    private final Config config;
    private final IssueActions actions;
    private final IssueStore store;
    private final IssueViews views;
    private final IssueCaptured afterCapture;
    private final Drafts drafts = new Drafts();
    /** The last place stored before this start: see {@link #postMissingCards}. */
    private final long lastPlaceBeforeStart;

    public CaptureFeature(Services services, IssueStore store, IssueActions actions, IssueCaptured afterCapture) {
        this.services = services;
        this.config = services.config();
        this.actions = actions;
        this.store = store;
        this.views = actions.views();
        this.afterCapture = afterCapture;
        // taken before Discord can send any interaction, so nothing this run stores is counted as left behind
        this.lastPlaceBeforeStart = store.lastPlaceId();
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                Commands.slash("capture", "Capture this support thread into an issue record"),
                Commands.message(MESSAGE_COMMAND),
                Commands.slash("link", "Add this thread (and its author) to an existing issue")
                        .addOptions(
                                IssueNumberOption.option("issue", "The issue (type a number or words from its title)"),
                                new OptionData(
                                        OptionType.USER,
                                        "user",
                                        "Someone else in the thread who asked for it",
                                        false)));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("capture", this::capture)
                .messageCommand(MESSAGE_COMMAND, this::captureMessage)
                .slash("link", this::link)
                .autocomplete("link", "issue", new IssueAutocomplete(store, true)::complete)
                .modal(MODAL, this::submit)
                .button(CHOICE, this::choose)
                .button(IssueViews.ME_TOO_PREFIX, this::meToo)
                .button(DETAILS, this::openDetails)
                .modal(DETAILS, this::submitDetails);
    }

    @Override
    public List<EventListener> listeners() {
        return List.of(new ListenerAdapter() {
            @Override
            public void onMessageReactionAdd(MessageReactionAddEvent event) {
                if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong() || !event.isFromGuild()) return;
                String emoji = event.getEmoji().getFormatted();
                if (emoji.equals(config.reactions().capture())) {
                    services.workers().execute(() -> guarded(() -> quickCapture(event)));
                } else if (emoji.equals(config.reactions().meToo())) {
                    services.workers().execute(() -> guarded(() -> reactionMeToo(event)));
                }
            }
        });
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("Reaction handling failed", e);
        }
    }

    @Override
    public void onReady(JDA jda) {
        services.workers().execute(() -> {
            try {
                postMissingCards(jda);
            } catch (RuntimeException e) {
                log.error("Posting the issue cards left behind failed", e);
            }
        });
    }

    /**
     * Loop may stop between storing a capture and posting its issue card. Places of open issues stored before this
     * start that still have no card get it now, once (the card is stored as soon as it is posted). Places stored
     * since this start are their own command's business: /link, for one, answers with the card. A place whose
     * thread is gone, locked or closed to Loop is left as it is.
     */
    private void postMissingCards(JDA jda) {
        for (Place place : store.placesWithoutCard(lastPlaceBeforeStart)) {
            try {
                Optional<GuildMessageChannel> channel = Channels.find(jda, place.channelId());
                if (channel.isEmpty() || !writable(channel.get())) {
                    log.info(
                            "The card of #{} can't be posted in {}: the place is gone or closed to Loop",
                            place.issueNumber(),
                            place.channelId());
                    continue;
                }
                IssueRecordView view = store.view(place.issueNumber()).orElseThrow();
                postCard(channel.get(), place.id(), views.cardMessage(view));
                store.addHistory(
                        place.issueNumber(),
                        null,
                        "card",
                        "issue card posted after a restart in " + place.url(),
                        actions.now());
            } catch (RuntimeException failed) {
                log.warn(
                        "Could not post the missing card of #{} in {}: {}",
                        place.issueNumber(),
                        place.channelId(),
                        failed.toString());
            }
        }
    }

    private static boolean writable(GuildMessageChannel channel) {
        return !(channel instanceof ThreadChannel t && t.isLocked()) && channel.canTalk();
    }

    /** Posts an issue card and stores it as the place's card, so that it is kept current and counts Me too. */
    private Message postCard(GuildMessageChannel channel, long placeId, MessageCreateData card) {
        Message posted = channel.sendMessage(card).complete();
        store.setCard(placeId, posted.getIdLong());
        return posted;
    }

    // ------------------------------------------------------------------ /capture and Capture as issue

    private void capture(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        ThreadChannel thread = supportThread(e.getChannel(), "/capture");
        Optional<Issue> existing = store.findByChannel(thread.getIdLong());
        if (existing.isPresent()) {
            showExisting(
                    e,
                    existing.get(),
                    "This thread is already captured as **" + existing.get().ref() + "**.");
            return;
        }
        Message first = firstMessage(thread);
        String summary = first == null ? "" : first.getContentRaw();
        e.replyModal(captureModal("t:" + thread.getIdLong(), thread.getName(), summary, guessKind(thread)))
                .queue();
    }

    private void captureMessage(MessageContextInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        Message message = e.getTarget();
        if (!e.isFromGuild() || !isSupport(e.getChannel())) {
            throw new UserError("Capture as issue works on messages in support channels and their threads.");
        }
        if (message.getAuthor().isBot())
            throw new UserError("That message was posted by a bot; capture a person's message.");
        Optional<Issue> existing = store.findByMessage(message.getIdLong());
        if (existing.isPresent()) {
            showExisting(
                    e,
                    existing.get(),
                    "That message is already captured as **" + existing.get().ref() + "**.");
            return;
        }
        String content = message.getContentRaw();
        String title = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        e.replyModal(captureModal(
                        "m:" + message.getChannel().getIdLong() + ":" + message.getIdLong(),
                        title,
                        content,
                        IssueKind.BUG))
                .queue();
    }

    private void showExisting(
            net.dv8tion.jda.api.interactions.callbacks.IReplyCallback e, Issue issue, String sentence) {
        IssueRecordView view = store.view(issue.number()).orElseThrow();
        e.reply(new MessageCreateBuilder()
                        .setContent(sentence)
                        .setEmbeds(views.card(view))
                        .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    private Modal captureModal(String source, String title, String summary, IssueKind kind) {
        TextInput.Builder titleInput =
                TextInput.create("title", TextInputStyle.SHORT).setRequiredRange(1, 300);
        String t = Safe.truncate(Safe.oneLineRaw(title), 300);
        if (!t.isBlank()) titleInput.setValue(t);
        TextInput.Builder summaryInput =
                TextInput.create("summary", TextInputStyle.PARAGRAPH).setRequiredRange(1, 4000);
        String s = Safe.truncate(summary == null ? "" : summary.strip(), 4000);
        if (!s.isBlank()) summaryInput.setValue(s);
        return Modal.create(MODAL + ":" + source, "Capture as issue")
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

    private void submit(ModalInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        String[] parts = e.getModalId().split(":");
        long channelId;
        Long messageId = null;
        try {
            channelId = Long.parseLong(parts[2]);
            if (parts[1].equals("m")) messageId = Long.parseLong(parts[3]);
        } catch (RuntimeException bad) {
            throw new UserError("That capture form is from an older version of Loop. Run /capture again.");
        }
        String title = value(e, "title").strip();
        String summary = value(e, "summary").strip();
        if (title.isEmpty()) throw new UserError("The title can't be empty.");
        IssueKind kind = IssueKind.parse(first(e, "kind")).orElse(IssueKind.BUG);
        boolean needsDocs = "yes".equals(first(e, "needs_docs"));
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

    private List<Issue> similarOpenIssues(String text) {
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

    private MessageCreateData similarChoice(List<Issue> similar, long draftId) {
        StringBuilder text =
                new StringBuilder("This may already be tracked. Link it to one of these, or create a new issue:\n");
        List<Button> buttons = new ArrayList<>();
        for (Issue i : similar) {
            text.append("\n• ").append(views.row(i));
            buttons.add(Button.primary(CHOICE + ":link:" + draftId + ":" + i.number(), "Link to " + i.ref()));
        }
        buttons.add(Button.secondary(CHOICE + ":new:" + draftId, "Create new issue"));
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(text.toString(), 2000))
                .setComponents(ActionRow.of(buttons))
                .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    private void choose(ButtonInteractionEvent e) {
        services.engineers().require(e.getMember(), "capture issues");
        String[] parts = e.getComponentId().split(":");
        long draftId = Long.parseLong(parts[2]);
        CaptureDraft draft = drafts.take(draftId, e.getUser().getIdLong(), actions.now())
                .orElseThrow(
                        () -> new UserError("This capture has expired or was already handled. Run /capture again."));
        e.deferEdit().queue();
        e.getHook().editOriginalComponents().queue(null, ignored -> {});
        if (parts[1].equals("new")) {
            create(e.getJDA(), draft, e.getHook());
        } else {
            int number = Integer.parseInt(parts[3]);
            Issue issue =
                    store.find(number).orElseThrow(() -> new UserError("Issue #" + number + " no longer exists."));
            Linked linked = linkPlace(
                    e.getJDA(),
                    issue,
                    draft.channelId(),
                    draft.messageId(),
                    null,
                    Requester.How.LINK,
                    draft.engineerId());
            // the conversation hears where it is tracked, as after /link
            try {
                postCard(linked.channel(), linked.placeId(), linkedCard(linked));
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

    private MessageCreateData linkedCard(Linked linked) {
        IssueRecordView view = store.view(linked.number()).orElseThrow();
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(linked.sentence(), 2000))
                .setEmbeds(views.card(view))
                .setComponents(views.cardButtons(view.issue()))
                .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** Creates the issue from a draft: reads the conversation, stores it, posts the card, asks for details. */
    private void create(JDA jda, CaptureDraft draft, InteractionHook hook) {
        GuildMessageChannel channel = Channels.find(jda, draft.channelId())
                .orElseThrow(() -> new UserError("That thread no longer exists, so there is nothing to capture."));
        Source source = readSource(channel, draft.messageId(), "capture");
        if (draft.messageId() == null) {
            Optional<Issue> existing = store.findByChannel(channel.getIdLong());
            if (existing.isPresent()) {
                throw new UserError(
                        "This thread was captured as " + existing.get().ref() + " in the meantime.");
            }
        }
        Area area = areaOf(channel);
        Issue issue = store.create(
                new NewIssue(
                        draft.title(), draft.kind(), draft.summary(), draft.needsDocs(), area.name(), area.ownerId()),
                source.place(),
                source.requesters(),
                source.how(),
                source.transcript().lines(),
                source.transcript().capped(),
                draft.engineerId(),
                actions.now());
        boolean carded = publish(jda, issue, channel, source, draft.engineerId());
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

    /** Where a capture comes from: the place, who asked, and what was said. */
    private record Source(
            NewPlace place, List<Long> requesters, Requester.How how, TranscriptReader.Transcript transcript) {}

    private Source readSource(GuildMessageChannel channel, Long messageId, String verb) {
        if (messageId == null) {
            ThreadChannel thread = (ThreadChannel) channel;
            TranscriptReader.Transcript transcript;
            try {
                transcript = TranscriptReader.readChannel(thread, config.transcriptLimit());
            } catch (ErrorResponseException failed) {
                throw unreadable(failed, verb);
            }
            if (transcript.lines().isEmpty()) {
                throw new UserError(
                        "There are no messages from people in this thread, so there is nothing to " + verb + ".");
            }
            long author = thread.getOwnerIdLong();
            return new Source(placeOf(thread), List.of(author), Requester.How.AUTHOR, transcript);
        }
        Message message;
        try {
            message = channel.retrieveMessageById(messageId).complete();
        } catch (ErrorResponseException gone) {
            if (gone.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) throw unreadable(gone, verb);
            throw new UserError("That message was deleted, so there is nothing to " + verb + ".");
        }
        NewPlace place = new NewPlace(
                Place.PlaceKind.MESSAGE,
                channel.getGuild().getIdLong(),
                parentOf(channel),
                channel.getIdLong(),
                message.getIdLong(),
                message.getJumpUrl(),
                channel.getName());
        return new Source(
                place,
                List.of(message.getAuthor().getIdLong()),
                Requester.How.MESSAGE_AUTHOR,
                new TranscriptReader.Transcript(List.of(TranscriptReader.line(message)), false));
    }

    /** Reading the conversation failed, before anything was stored: say so, so the engineer knows to retry. */
    private static UserError unreadable(ErrorResponseException failed, String verb) {
        if (failed.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
            return new UserError("That thread no longer exists, so there is nothing to " + verb + ".");
        }
        log.warn("Reading a conversation to {} failed: {}", verb, failed.toString());
        return new UserError("Discord didn't let Loop read the conversation just now, so nothing was "
                + (verb.endsWith("e") ? verb + "d" : verb + "ed") + ". Try again in a moment.");
    }

    private static NewPlace placeOf(ThreadChannel thread) {
        boolean forum = thread.getParentChannel().getType() == ChannelType.FORUM;
        return new NewPlace(
                forum ? Place.PlaceKind.FORUM_POST : Place.PlaceKind.THREAD,
                thread.getGuild().getIdLong(),
                thread.getParentChannel().getIdLong(),
                thread.getIdLong(),
                null,
                thread.getJumpUrl(),
                thread.getName());
    }

    private static Long parentOf(GuildMessageChannel channel) {
        return channel instanceof ThreadChannel t ? t.getParentChannel().getIdLong() : null;
    }

    /**
     * Posts the card, tags the forum post, asks a bug's reporter for details, tells the owner. Returns whether the
     * card was posted; the issue is stored either way.
     */
    private boolean publish(JDA jda, Issue issue, GuildMessageChannel channel, Source source, long engineerId) {
        IssueRecordView view = store.view(issue.number()).orElseThrow();
        Place place = view.places().getFirst();
        boolean carded = false;
        try {
            postCard(channel, place.id(), views.cardMessage(view));
            carded = true;
        } catch (RuntimeException failed) {
            log.warn("Could not post the card of {} in {}: {}", issue.ref(), channel.getId(), failed.toString());
        }
        if (channel instanceof ThreadChannel thread)
            applyTag(thread, config.tags().tracked());
        if (issue.kind() == IssueKind.BUG && !config.debugQuestions().isEmpty()) {
            askForDetails(channel, issue, source.requesters());
        }
        if (issue.ownerId() != null && issue.ownerId() != engineerId) {
            dm(
                    jda,
                    issue.ownerId(),
                    "**" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + " was captured in " + "your area"
                            + (issue.area() == null ? "" : " " + Safe.inline(issue.area(), 100)) + ": " + place.url());
        }
        return carded;
    }

    static void applyTag(ThreadChannel thread, String tagName) {
        if (tagName == null || !(thread.getParentChannel() instanceof ForumChannel forum)) return;
        List<ForumTag> tags = forum.getAvailableTagsByName(tagName, true);
        if (tags.isEmpty()) return;
        List<ForumTag> applied = new ArrayList<>(thread.getAppliedTags());
        if (applied.contains(tags.getFirst())) return;
        if (applied.size() >= ForumChannel.MAX_POST_TAGS) {
            log.info("Post {} already has {} tags; not adding '{}'", thread.getId(), applied.size(), tagName);
            return;
        }
        applied.add(tags.getFirst());
        // an archived post takes other changes only together with being woken; Loop is answering in it anyway
        var manager = thread.getManager().setAppliedTags(applied);
        if (thread.isArchived()) manager = manager.setArchived(false);
        manager.queue(null, e -> log.warn("Tagging {} failed: {}", thread.getId(), e.toString()));
    }

    private void askForDetails(GuildMessageChannel channel, Issue issue, List<Long> reporters) {
        StringBuilder text = new StringBuilder();
        for (Long r : reporters) text.append("<@").append(r).append("> ");
        text.append("thanks — this is tracked as **")
                .append(issue.ref())
                .append("**. While you're here, could you add:");
        for (String q : config.debugQuestions()) text.append("\n• ").append(Safe.inline(q, 100));
        text.append("\nPress **Add details** to answer.");
        MessageCreateData data = Replies.pinging(text.toString(), reporters)
                .setComponents(ActionRow.of(Button.primary(DETAILS + ":" + issue.number(), "Add details")))
                .build();
        channel.sendMessage(data)
                .queue(null, e -> log.warn("Could not ask for details on {}: {}", issue.ref(), e.toString()));
    }

    private void openDetails(ButtonInteractionEvent e) {
        int number = number(e.getComponentId());
        Issue issue = store.find(number).orElseThrow(() -> new UserError("Issue #" + number + " no longer exists."));
        if (!issue.status().isActive())
            throw new UserError(
                    issue.ref() + " is " + issue.status().label().toLowerCase() + ", so it needs no more details.");
        Modal.Builder modal = Modal.create(DETAILS + ":" + number, Safe.truncate("Details for " + issue.ref(), 45));
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

    private void submitDetails(ModalInteractionEvent e) {
        int number = number(e.getModalId());
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
        dm(
                e.getJDA(),
                issue.createdBy(),
                "<@" + e.getUser().getId() + "> added debug details to **" + issue.ref() + "** "
                        + Safe.inline(issue.title(), 150) + ".");
    }

    // ------------------------------------------------------------------ /link

    private void link(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "link threads to issues");
        ThreadChannel thread = supportThread(e.getChannel(), "/link");
        int number = IssueNumberOption.read(e, "issue");
        Issue issue = linkable(number, thread.getIdLong());
        // a user, not a member: someone who asked and has since left the server still asked
        User extra = e.getOption("user", OptionMapping::getAsUser);
        if (extra != null && extra.isBot()) throw new UserError("Bots can't be requesters.");
        // the answer is for the whole thread; reading the thread may take longer than Discord's 3 seconds
        e.deferReply().queue();
        Linked linked;
        try {
            linked = linkPlace(
                    e.getJDA(),
                    issue,
                    thread.getIdLong(),
                    null,
                    extra == null ? null : extra.getIdLong(),
                    Requester.How.LINK,
                    e.getUser().getIdLong());
        } catch (UserError refused) {
            // the deferred answer is public: remove it so the refusal is only seen by the engineer
            try {
                e.getHook().deleteOriginal().complete();
            } catch (RuntimeException gone) {
                log.debug("Deferred /link answer already gone: {}", gone.toString());
            }
            e.getHook()
                    .sendMessage(Replies.text(refused.getMessage()))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        Message card;
        try {
            card = e.getHook().sendMessage(linkedCard(linked)).complete();
        } catch (RuntimeException answerFailed) {
            // the link is stored; its answer is for the thread, so it goes there even when the interaction's fails
            log.warn(
                    "Could not answer /link for {}; posting the card in the thread: {}",
                    linked.number(),
                    answerFailed.toString());
            card = linked.channel().sendMessage(linkedCard(linked)).complete();
        }
        store.setCard(linked.placeId(), card.getIdLong());
    }

    /**
     * Links a support thread to an issue exactly as {@code /link} does (the thread as a place, its author as a
     * requester added {@code how}, its messages to the transcript, the tracked tag) and posts /link's answer, the
     * status and the issue card, in the thread. For other features, e.g. a hint's Link button. Blocking.
     *
     * @throws UserError when the issue or thread cannot be linked, with the sentence to show
     */
    public void linkThread(JDA jda, int number, long threadId, Requester.How how, long actor) {
        Issue issue = linkable(number, threadId);
        if (Channels.find(jda, threadId).isEmpty()) throw new UserError("That thread no longer exists.");
        Linked linked = linkPlace(jda, issue, threadId, null, null, how, actor);
        postCard(linked.channel(), linked.placeId(), linkedCard(linked));
    }

    private Issue linkable(int number, long threadId) {
        Issue issue = store.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
        if (issue.status() == IssueStatus.DUPLICATE) {
            throw new UserError(issue.ref() + " is a duplicate of #" + issue.duplicateOf() + "; link to #"
                    + issue.duplicateOf() + " instead.");
        }
        Optional<Issue> other = store.findByChannel(threadId).filter(i -> i.number() != number);
        if (other.isPresent()) {
            throw new UserError(
                    "This thread is already " + other.get().ref() + ". To combine the two, use /issue merge.");
        }
        return issue;
    }

    /** What linking did: the sentence for the engineer and the thread, and where the card goes. */
    private record Linked(int number, long placeId, GuildMessageChannel channel, String sentence) {}

    /** Adds a thread (or one message) to an issue as a place, its people as requesters and its messages. */
    private Linked linkPlace(
            JDA jda, Issue issue, long channelId, Long messageId, Long extraUser, Requester.How how, long actor) {
        GuildMessageChannel channel =
                Channels.find(jda, channelId).orElseThrow(() -> new UserError("That thread no longer exists."));
        Source source = readSource(channel, messageId, "link");
        Map<Long, Requester.How> people = new LinkedHashMap<>();
        for (Long author : source.requesters()) people.put(author, how);
        if (extraUser != null) people.putIfAbsent(extraUser, Requester.How.MANUAL);
        IssueActions.BroughtUp up = actions.bringUp(jda, issue.number(), source.place(), people, actor);
        store.appendTranscript(issue.number(), up.placeId(), source.transcript().lines());
        if (channel instanceof ThreadChannel t) applyTag(t, config.tags().tracked());
        Issue now = store.find(issue.number()).orElseThrow();
        String status = "**" + now.ref() + "** " + Safe.inline(now.title(), 150) + " — "
                + now.status().label() + ", " + now.priority().label() + ": " + views.timeline(now.priority()) + ".";
        String what = messageId == null ? "This thread" : "This message";
        String sentence = !up.changed()
                ? what + " was already linked to " + status
                : "Linked to " + status
                        + (up.requestersAdded() > 0
                                ? " " + up.requestersAdded() + " new requester" + (up.requestersAdded() == 1 ? "" : "s")
                                        + "."
                                : "")
                        + (up.bumped() ? " It has now been brought up before, so it moved up to High." : "");
        return new Linked(now.number(), up.placeId(), channel, sentence);
    }

    // ------------------------------------------------------------------ Me too

    private void meToo(ButtonInteractionEvent e) {
        int number = number(e.getComponentId());
        Issue issue = store.find(number).orElseThrow(() -> new UserError("Issue #" + number + " no longer exists."));
        if (!issue.status().isActive()) {
            throw new UserError(issue.ref() + " is already "
                    + issue.status().label().toLowerCase()
                    + (issue.shippedVersion() == null ? "" : " (in " + Safe.inline(issue.shippedVersion(), 64) + ")")
                    + ".");
        }
        if (e.getUser().isBot()) throw new UserError("Bots can't be requesters.");
        Long placeId = store.placeOfCard(e.getMessageIdLong()).map(Place::id).orElse(null);
        IssueActions.Added a = actions.addRequester(
                e.getJDA(),
                number,
                e.getUser().getIdLong(),
                Requester.How.ME_TOO,
                placeId,
                e.getUser().getIdLong());
        e.reply(Replies.text(
                        a.added()
                                ? "Thanks — you're on **" + issue.ref() + "** now. We'll let you know when it ships."
                                : "You're already on **" + issue.ref() + "**. We'll let you know when it ships."))
                .setEphemeral(true)
                .queue();
    }

    private void reactionMeToo(MessageReactionAddEvent e) {
        Optional<Place> place = store.placeOfCard(e.getMessageIdLong());
        if (place.isEmpty()) return;
        Issue issue = store.find(place.get().issueNumber()).orElseThrow();
        if (!issue.status().isActive()) return;
        if (e.getUser() != null && e.getUser().isBot()) return;
        actions.addRequester(
                e.getJDA(),
                issue.number(),
                e.getUserIdLong(),
                Requester.How.REACTION,
                place.get().id(),
                e.getUserIdLong());
    }

    // ------------------------------------------------------------------ 📌 quick capture

    private void quickCapture(MessageReactionAddEvent e) {
        Member member = e.getMember();
        if (member == null || !services.engineers().isEngineer(member)) return;
        MessageChannelUnion ch = e.getChannel();
        if (!isSupport(ch)) return;
        Message message = e.retrieveMessage().complete();
        if (message.getAuthor().isBot()) return;
        GuildMessageChannel channel = ch.asGuildMessageChannel();
        long engineer = member.getIdLong();
        boolean inThread = channel instanceof ThreadChannel;
        Optional<Issue> existing =
                inThread ? store.findByChannel(channel.getIdLong()) : store.findByMessage(message.getIdLong());
        if (existing.isPresent()) {
            dm(
                    e.getJDA(),
                    engineer,
                    "That conversation is already **" + existing.get().ref() + "** "
                            + Safe.inline(existing.get().title(), 150) + ".");
            return;
        }
        String title = inThread
                ? channel.getName()
                : message.getContentRaw()
                        .lines()
                        .filter(l -> !l.isBlank())
                        .findFirst()
                        .orElse("Untitled");
        CaptureDraft draft = new CaptureDraft(
                engineer,
                channel.getGuild().getIdLong(),
                channel.getIdLong(),
                inThread ? null : message.getIdLong(),
                Safe.truncate(Safe.oneLineRaw(title), 300),
                IssueKind.QUESTION,
                message.getContentRaw(),
                false);
        try {
            create(e.getJDA(), draft, null);
        } catch (UserError refused) {
            dm(e.getJDA(), engineer, refused.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private boolean isSupport(MessageChannelUnion channel) {
        if (channel.getType().isThread()) {
            return config.channels()
                    .isSupport(channel.asThreadChannel().getParentChannel().getIdLong());
        }
        return config.channels().isSupport(channel.getIdLong());
    }

    private ThreadChannel supportThread(MessageChannelUnion channel, String command) {
        if (channel == null || !channel.getType().isThread()) {
            throw new UserError("Run " + command + " inside a support thread or forum post.");
        }
        ThreadChannel thread = channel.asThreadChannel();
        if (!config.channels().isSupport(thread.getParentChannel().getIdLong())) {
            throw new UserError("This thread isn't in a support channel, so Loop doesn't track it.");
        }
        return thread;
    }

    /**
     * The first message a person wrote in the thread: a forum post's starter, or for a thread in a text channel
     * (which has no starter inside it) or a post whose starter was deleted, the oldest message left.
     */
    private static Message firstMessage(ThreadChannel thread) {
        try {
            // one request, kept well inside Discord's 3 seconds for opening the modal
            List<Message> oldest = MessageHistory.getHistoryFromBeginning(thread)
                    .limit(10)
                    .timeout(1200, TimeUnit.MILLISECONDS)
                    .complete()
                    .getRetrievedHistory();
            return oldest.stream()
                    .filter(m -> !m.getAuthor().isBot() && !m.getAuthor().isSystem())
                    .min(java.util.Comparator.comparingLong(Message::getIdLong))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private IssueKind guessKind(ThreadChannel thread) {
        if (thread.getParentChannel() instanceof ForumChannel) {
            for (ForumTag t : thread.getAppliedTags()) {
                String n = t.getName().toLowerCase(java.util.Locale.ROOT);
                if (n.contains("feature") || n.contains("idea") || n.contains("request")) return IssueKind.FEATURE;
                if (n.contains("question") || n.contains("help")) return IssueKind.QUESTION;
            }
        }
        return IssueKind.BUG;
    }

    private record Area(String name, Long ownerId) {}

    /** The product area a forum post belongs to, by its tags. */
    private Area areaOf(GuildMessageChannel channel) {
        if (channel instanceof ThreadChannel thread && thread.getParentChannel() instanceof ForumChannel) {
            for (ForumTag tag : thread.getAppliedTags()) {
                for (Config.Area a : config.areas()) {
                    if (a.forumTag() != null && a.forumTag().equalsIgnoreCase(tag.getName()))
                        return new Area(a.name(), a.ownerId());
                }
            }
        }
        return new Area(null, null);
    }

    static void dm(JDA jda, long userId, String text) {
        jda.openPrivateChannelById(userId)
                .flatMap(dm -> dm.sendMessage(Replies.text(text)))
                .queue(null, e -> log.info("Could not DM {}: {}", userId, e.toString()));
    }

    private static String value(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        return v == null ? "" : v.getAsString();
    }

    private static String first(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        if (v == null) return null;
        List<String> values = v.getAsStringList();
        return values.isEmpty() ? null : values.getFirst();
    }

    private static int number(String customId) {
        try {
            return Integer.parseInt(customId.split(":")[1]);
        } catch (RuntimeException e) {
            throw new UserError("That button is from an older version of Loop.");
        }
    }
}
