package dev.loop.capture;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueCard;
import dev.loop.issue.IssueKind;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the capture flows share about support conversations: where they are, who asked, what was said. */
final class Conversations extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(Conversations.class);

    Conversations(CaptureContext context) {
        super(context);
    }

    boolean isSupport(MessageChannelUnion channel) {
        if (channel.getType().isThread()) {
            return config.channels()
                    .isSupport(channel.asThreadChannel().getParentChannel().getIdLong());
        }
        return config.channels().isSupport(channel.getIdLong());
    }

    ThreadChannel supportThread(MessageChannelUnion channel, String command) {
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
    static Message firstMessage(ThreadChannel thread) {
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

    IssueKind guessKind(ThreadChannel thread) {
        if (thread.getParentChannel() instanceof ForumChannel) {
            for (ForumTag t : thread.getAppliedTags()) {
                String n = t.getName().toLowerCase(java.util.Locale.ROOT);
                if (n.contains("feature") || n.contains("idea") || n.contains("request")) return IssueKind.FEATURE;
                if (n.contains("question") || n.contains("help")) return IssueKind.QUESTION;
            }
        }
        return IssueKind.BUG;
    }

    record Area(String name, Long ownerId) {}

    /** The product area a forum post belongs to, by its tags. */
    Area areaOf(GuildMessageChannel channel) {
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

    /** Where a capture comes from: the place, who asked, and what was said. */
    record Source(NewPlace place, List<Long> requesters, Requester.How how, TranscriptReader.Transcript transcript) {}

    Source readSource(GuildMessageChannel channel, Long messageId, String verb) {
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
    static UserError unreadable(ErrorResponseException failed, String verb) {
        if (failed.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
            return new UserError("That thread no longer exists, so there is nothing to " + verb + ".");
        }
        log.warn("Reading a conversation to {} failed: {}", verb, failed.toString());
        return new UserError("Discord didn't let Loop read the conversation just now, so nothing was "
                + (verb.endsWith("e") ? verb + "d" : verb + "ed") + ". Try again in a moment.");
    }

    static NewPlace placeOf(ThreadChannel thread) {
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

    static Long parentOf(GuildMessageChannel channel) {
        return channel instanceof ThreadChannel t ? t.getParentChannel().getIdLong() : null;
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

    static boolean writable(GuildMessageChannel channel) {
        return !(channel instanceof ThreadChannel t && t.isLocked()) && channel.canTalk();
    }

    /** Posts an issue card and stores it as the place's card, so that it is kept current and counts Me too. */
    Message postCard(GuildMessageChannel channel, long placeId, MessageCreateData card) {
        Message posted = channel.sendMessage(card).complete();
        dev.loop.core.Crashpoints.reach("capture.card.posted");
        store.setCard(placeId, posted.getIdLong());
        return posted;
    }

    void showExisting(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback e, Issue issue, String sentence) {
        IssueCard view = store.card(issue.number()).orElseThrow();
        e.reply(new MessageCreateBuilder()
                        .setContent(sentence)
                        .setEmbeds(views.card(view))
                        .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    static void dm(JDA jda, long userId, String text) {
        jda.openPrivateChannelById(userId)
                .flatMap(dm -> dm.sendMessage(Replies.text(text)))
                .queue(null, e -> log.info("Could not DM {}: {}", userId, e.toString()));
    }

    static String value(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        return v == null ? "" : v.getAsString();
    }

    static String first(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        if (v == null) return null;
        List<String> values = v.getAsStringList();
        return values.isEmpty() ? null : values.getFirst();
    }
}
