package dev.loop.capture;

import dev.loop.core.discord.Channels;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueCard;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueViews;
import dev.loop.issue.Requester;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /link, and linking a conversation to an issue for the other flows (a similar issue chosen at capture, a hint). */
final class LinkFlow extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(LinkFlow.class);

    private final Conversations conversations;
    private volatile GitHubPlaces gitHubPlaces = GitHubPlaces.NOT_CONFIGURED;

    LinkFlow(CaptureContext context, Conversations conversations) {
        super(context);
        this.conversations = conversations;
    }

    void gitHubPlaces(GitHubPlaces places) {
        this.gitHubPlaces = places;
    }

    void link(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "link threads to issues");
        String github = e.getOption("github", OptionMapping::getAsString);
        if (github != null && !github.isBlank()) {
            linkGitHub(e, github);
            return;
        }
        ThreadChannel thread = conversations.supportThread(e.getChannel(), "/link");
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
        dev.loop.core.Crashpoints.reach("capture.issue.stored"); // linked, no card yet: the next start posts it
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
        dev.loop.core.Crashpoints.reach("capture.card.posted");
        store.setCard(linked.placeId(), card.getIdLong());
    }

    /** /link with a GitHub issue: anywhere, answered to the engineer alone (nothing in a thread changes). */
    private void linkGitHub(SlashCommandInteractionEvent e, String typed) {
        int number = IssueNumberOption.read(e, "issue");
        if (e.getOption("user") != null)
            throw new UserError("A GitHub issue brings its own requesters: leave out the user when linking one.");
        e.deferReply(true).queue();
        String answer = gitHubPlaces.link(e.getJDA(), number, typed, e.getUser().getIdLong());
        IssueCard view = store.card(number).orElseThrow();
        e.getHook()
                .sendMessage(new MessageCreateBuilder()
                        .setContent(Safe.truncate(answer, 2000))
                        .setEmbeds(views.card(view))
                        .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
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
        conversations.postCard(linked.channel(), linked.placeId(), linkedCard(linked));
    }

    Issue linkable(int number, long threadId) {
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
    record Linked(int number, long placeId, GuildMessageChannel channel, String sentence) {}

    /** Adds a thread (or one message) to an issue as a place, its people as requesters and its messages. */
    Linked linkPlace(
            JDA jda, Issue issue, long channelId, Long messageId, Long extraUser, Requester.How how, long actor) {
        GuildMessageChannel channel =
                Channels.find(jda, channelId).orElseThrow(() -> new UserError("That thread no longer exists."));
        Conversations.Source source = conversations.readSource(channel, messageId, "link");
        Map<Long, Requester.How> people = new LinkedHashMap<>();
        for (Long author : source.requesters()) people.put(author, how);
        if (extraUser != null) people.putIfAbsent(extraUser, Requester.How.MANUAL);
        IssueActions.BroughtUp up = actions.bringUp(jda, issue.number(), source.place(), people, actor);
        store.appendTranscript(issue.number(), up.placeId(), source.transcript().lines());
        if (channel instanceof ThreadChannel t)
            Conversations.applyTag(t, config.tags().tracked());
        Issue now = store.find(issue.number()).orElseThrow();
        // a shipped or closed issue has no timeline left: say what happened to it instead
        String status = IssueViews.named(now) + " — " + views.standing(now) + ".";
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

    MessageCreateData linkedCard(Linked linked) {
        IssueCard view = store.card(linked.number()).orElseThrow();
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(linked.sentence(), 2000))
                .setEmbeds(views.card(view))
                .setComponents(views.cardButtons(view.issue()))
                .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                .build();
    }
}
