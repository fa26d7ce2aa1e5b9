package dev.loop.capture;

import dev.loop.core.HandledEvents;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The 📌 reaction by an engineer on a support message: captures it as a question without a form. */
final class QuickCapture extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(QuickCapture.class);

    private final Conversations conversations;
    private final CaptureFlow capture;
    private final HandledEvents handled;

    QuickCapture(CaptureContext context, Conversations conversations, CaptureFlow capture) {
        super(context);
        this.conversations = conversations;
        this.capture = capture;
        this.handled = new HandledEvents(services.database());
    }

    void quickCapture(MessageReactionAddEvent e) {
        Member member = e.getMember();
        if (member == null || !services.engineers().isEngineer(member)) return;
        MessageChannelUnion ch = e.getChannel();
        if (!conversations.isSupport(ch)) return;
        Message message = e.retrieveMessage().complete();
        if (message.getAuthor().isBot()) return;
        GuildMessageChannel channel = ch.asGuildMessageChannel();
        long engineer = member.getIdLong();
        // a reaction's identity is message + person + emoji: a repeated delivery of it is dropped before any effect
        String identity = "reaction:" + message.getIdLong() + ":" + engineer + ":"
                + e.getEmoji().getAsReactionCode();
        if (!handled.claim(identity, services.clock().instant())) {
            log.info("Dropped a repeated delivery of the capture reaction on {}", message.getId());
            return;
        }
        boolean inThread = channel instanceof ThreadChannel;
        Optional<Issue> existing =
                inThread ? store.findByChannel(channel.getIdLong()) : store.findByMessage(message.getIdLong());
        if (existing.isPresent()) {
            Conversations.dm(
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
            List<Issue> similar = capture.similarOpenIssues(draft.title() + " " + draft.summary());
            if (!similar.isEmpty()) {
                offerSimilar(e.getJDA(), engineer, capture.holdQuickDraft(draft), similar);
                return;
            }
            capture.createQuick(e.getJDA(), draft, null);
        } catch (UserError refused) {
            Conversations.dm(e.getJDA(), engineer, refused.getMessage());
        }
    }

    /**
     * The same choice /capture offers — Link to #N or Create new issue — for a 📌. /capture shows it ephemerally, but
     * a reaction carries no interaction token, so nothing can be shown to the engineer alone in the channel. A DM was
     * considered and not chosen: a button pressed in a DM arrives without a guild member, so Loop could not check the
     * engineer role on it as it does on every engineer action. So the choice goes to the team channel, where engineers
     * work, as one short message addressed to the engineer who reacted (pinging only them, nothing in the member's
     * conversation); only that engineer can use its buttons, because the draft is theirs.
     */
    private void offerSimilar(net.dv8tion.jda.api.JDA jda, long engineer, long draftId, List<Issue> similar) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            Conversations.dm(
                    jda,
                    engineer,
                    "📌 This may already be tracked, but Loop cannot see the team channel to"
                            + " offer the choice. Use /capture in the conversation instead.");
            return;
        }
        MessageCreateData choice = capture.similarChoice(similar, draftId);
        team.sendMessage(dev.loop.core.discord.Replies.pinging(
                                "<@" + engineer + "> 📌 " + choice.getContent(), List.of(engineer))
                        .setComponents(choice.getComponents())
                        .build())
                .queue(null, failed -> log.warn("Could not offer the similar issues for a 📌: {}", failed.toString()));
    }
}
