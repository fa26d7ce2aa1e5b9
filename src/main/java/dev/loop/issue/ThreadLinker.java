package dev.loop.issue;

import dev.loop.core.text.Safe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * Links a Discord thread or forum post to an existing issue the one way every feature does it (the {@code /link}
 * command, a hint's Link button): the thread becomes a place, the given people become requesters (through
 * {@link IssueActions}, so the Low → High bump and card refresh happen), and the thread's messages are appended to the
 * transcript. Also reads a thread into transcript lines for capture.
 */
public final class ThreadLinker {

    private final IssueActions actions;
    private final int transcriptLimit;

    public ThreadLinker(IssueActions actions, int transcriptLimit) {
        this.actions = actions;
        this.transcriptLimit = transcriptLimit;
    }

    /** What linking changed. {@code issue} is the issue after any bump. */
    public record Linked(long placeId, boolean placeAdded, int requestersAdded, int transcriptAdded, boolean bumped,
                         Issue issue) {
    }

    /** The messages of a thread as transcript lines, oldest first, and whether older ones were left out. */
    public record Transcript(List<NewTranscriptLine> lines, boolean capped) {
    }

    /** Blocking (it reads the thread's history): call from a worker thread. */
    public Linked link(JDA jda, int number, ThreadChannel thread, Collection<Long> requesterIds, Requester.How how,
                       long actor) {
        IssueActions.PlaceResult place = actions.addPlace(jda, number, placeOf(thread), actor);
        int added = 0;
        boolean bumped = place.bumped();
        for (Long user : requesterIds) {
            IssueActions.Added a = actions.addRequester(jda, number, user, how, place.placeId(), actor);
            if (a.added()) added++;
            bumped |= a.bumped();
        }
        Transcript transcript = read(thread);
        int lines = actions.store().appendTranscript(number, place.placeId(), transcript.lines());
        Issue issue = actions.store().find(number).orElseThrow();
        return new Linked(place.placeId(), place.added(), added, lines, bumped, issue);
    }

    /** The place a thread or forum post is. */
    public static NewPlace placeOf(ThreadChannel thread) {
        Place.PlaceKind kind = thread.getParentChannel().getType() == ChannelType.FORUM
                ? Place.PlaceKind.FORUM_POST : Place.PlaceKind.THREAD;
        return new NewPlace(kind, thread.getGuild().getIdLong(), thread.getParentChannel().getIdLong(),
                thread.getIdLong(), null, thread.getJumpUrl(), Safe.oneLineRaw(thread.getName()));
    }

    /**
     * The latest {@code transcriptLimit} messages people wrote in the thread, oldest first. Loop's own messages and
     * system messages (joins, pins) are left out.
     */
    public Transcript read(ThreadChannel thread) {
        long self = thread.getJDA().getSelfUser().getIdLong();
        List<NewTranscriptLine> lines = new ArrayList<>();
        boolean capped = false;
        for (Message m : thread.getIterableHistory()) {
            if (m.getAuthor().getIdLong() == self || !isConversation(m)) continue;
            if (lines.size() == transcriptLimit) {
                capped = true;
                break;
            }
            lines.add(line(m));
        }
        return new Transcript(lines.reversed(), capped);
    }

    static boolean isConversation(Message m) {
        MessageType t = m.getType();
        return t == MessageType.DEFAULT || t == MessageType.INLINE_REPLY || t == MessageType.SLASH_COMMAND
                || t == MessageType.CONTEXT_COMMAND;
    }

    public static NewTranscriptLine line(Message m) {
        String name = m.getMember() != null ? m.getMember().getEffectiveName() : m.getAuthor().getEffectiveName();
        List<String> urls = m.getAttachments().stream().map(Message.Attachment::getUrl).toList();
        return new NewTranscriptLine(m.getIdLong(), m.getAuthor().getIdLong(), name,
                m.getTimeCreated().toInstant(), m.getContentRaw(), urls);
    }

    /** "#12 is Open · High — this week or next week", for telling a thread what it was linked to. */
    public String statusLine(Issue issue) {
        return "**" + issue.ref() + "** " + Safe.inline(issue.title(), 120) + " is " + issue.status().label()
                + " · " + issue.priority().label() + " — " + actions.views().timeline(issue.priority());
    }
}
