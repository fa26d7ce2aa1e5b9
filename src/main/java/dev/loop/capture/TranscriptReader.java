package dev.loop.capture;

import dev.loop.issue.NewTranscriptLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/** Reads a conversation out of Discord into transcript lines: oldest first, people only, capped. */
final class TranscriptReader {

    record Transcript(List<NewTranscriptLine> lines, boolean capped) {}

    private TranscriptReader() {}

    /** Pages forward from the start of the channel; stops at {@code limit} lines (the original report is kept). */
    static Transcript readChannel(MessageChannel channel, int limit) {
        List<NewTranscriptLine> lines = new ArrayList<>();
        String after = "0";
        boolean capped = false;
        while (true) {
            List<Message> page = new ArrayList<>(MessageHistory.getHistoryAfter(channel, after)
                    .limit(100)
                    .complete()
                    .getRetrievedHistory());
            if (page.isEmpty()) break;
            page.sort(Comparator.comparingLong(Message::getIdLong));
            for (Message m : page) {
                if (m.getAuthor().isBot() || m.getAuthor().isSystem()) continue;
                if (lines.size() == limit) {
                    capped = true;
                    break;
                }
                lines.add(line(m));
            }
            if (capped || page.size() < 100) break;
            after = page.getLast().getId();
        }
        return new Transcript(lines, capped);
    }

    static NewTranscriptLine line(Message m) {
        return new NewTranscriptLine(
                m.getIdLong(),
                m.getAuthor().getIdLong(),
                m.getAuthor().getEffectiveName(),
                m.getTimeCreated().toInstant(),
                m.getContentRaw(),
                m.getAttachments().stream().map(Message.Attachment::getUrl).toList(),
                m.getTimeEdited() == null ? null : m.getTimeEdited().toInstant());
    }
}
