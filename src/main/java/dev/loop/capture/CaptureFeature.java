package dev.loop.capture;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueAutocomplete;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueKindSet;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.Requester;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture feature as the bot sees it: its commands, the interactions and reactions it answers, and what it does
 * once Discord is ready. Each flow is its own class: {@link CaptureFlow} (/capture, Capture as issue),
 * {@link QuickCapture} (📌), {@link LinkFlow} (/link), {@link MeToo}, {@link DetailsFlow} (debug details and the problem behind a feature) and
 * {@link MissingCards} (cards left behind by a restart).
 */
public final class CaptureFeature implements Feature {

    private static final Logger log = LoggerFactory.getLogger(CaptureFeature.class);

    public static final String MESSAGE_COMMAND = "Capture as issue";

    private final Services services;
    private final Config config;
    private final IssueStore store;
    private final CaptureFlow capture;
    private final QuickCapture quickCapture;
    private final LinkFlow links;
    private final MeToo meToo;
    private final DetailsFlow details;
    private final MissingCards missingCards;
    private final TranscriptUpkeep upkeep;

    public CaptureFeature(Services services, IssueStore store, IssueActions actions, IssueCaptured afterCapture) {
        this.services = services;
        this.config = services.config();
        this.store = store;
        CaptureContext context = new CaptureContext(services, actions, store);
        Conversations conversations = new Conversations(context);
        this.missingCards = new MissingCards(context, conversations);
        this.links = new LinkFlow(context, conversations);
        this.details = new DetailsFlow(context, conversations);
        this.capture = new CaptureFlow(context, conversations, links, details, afterCapture);
        this.quickCapture = new QuickCapture(context, conversations, capture);
        this.meToo = new MeToo(context, conversations);
        this.upkeep = new TranscriptUpkeep(services);
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                EngineerCommands.hidden(Commands.slash("capture", "Capture this support thread into an issue record")),
                EngineerCommands.hidden(Commands.message(MESSAGE_COMMAND)),
                EngineerCommands.hidden(Commands.slash("link", "Add this thread (and its author) to an existing issue"))
                        .addOptions(
                                IssueNumberOption.option("issue", "The issue (type a number or words from its title)"),
                                new OptionData(
                                        OptionType.USER, "user", "Someone else in the thread who asked for it", false),
                                new OptionData(
                                                OptionType.STRING,
                                                "github",
                                                "Link a GitHub issue instead of this thread: #123 or its address",
                                                false)
                                        .setMaxLength(300)));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("capture", capture::capture)
                .messageCommand(MESSAGE_COMMAND, capture::captureMessage)
                .slash("link", links::link)
                .autocomplete("link", "issue", new IssueAutocomplete(store, true)::complete)
                .modal(CaptureFlow.MODAL, capture::submit)
                .button(CaptureFlow.CHOICE, capture::choose)
                .button(IssueViews.ME_TOO_PREFIX, meToo::meToo)
                .button(DetailsFlow.DETAILS, details::openDetails)
                .modal(DetailsFlow.DETAILS, details::submitDetails);
    }

    @Override
    public List<EventListener> listeners() {
        return List.of(upkeep, new ListenerAdapter() {
            @Override
            public void onMessageReactionAdd(MessageReactionAddEvent event) {
                if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong() || !event.isFromGuild()) return;
                String emoji = event.getEmoji().getFormatted();
                if (emoji.equals(config.reactions().capture())) {
                    services.workers().execute(() -> guarded(() -> quickCapture.quickCapture(event)));
                } else if (emoji.equals(config.reactions().meToo())) {
                    services.workers().execute(() -> guarded(() -> meToo.reactionMeToo(event)));
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
                missingCards.postMissingCards(jda);
            } catch (RuntimeException e) {
                log.error("Posting the issue cards left behind failed", e);
            }
            try {
                upkeep.catchUp(jda);
            } catch (RuntimeException e) {
                log.error("Catching up with deleted and edited messages failed", e);
            }
        });
    }

    /**
     * Links a support thread to an issue exactly as {@code /link} does and posts /link's answer in the thread. For
     * other features, e.g. a hint's Link button (wired in {@code dev.loop.app}). Blocking.
     *
     * @throws UserError when the issue or thread cannot be linked, with the sentence to show
     */
    /** What `/issue edit` calls when it sets an issue's kind: the reporters are asked that kind's questions. */
    public IssueKindSet afterKindSet() {
        return details::askAfterKindSet;
    }

    /** Where {@code /link}'s github option goes (the GitHub sync, when configured). */
    public CaptureFeature onGitHubLink(GitHubPlaces places) {
        links.gitHubPlaces(places);
        return this;
    }

    public void linkThread(JDA jda, int number, long threadId, Requester.How how, long actor) {
        links.linkThread(jda, number, threadId, how, actor);
    }
}
