package dev.loop.capture;

import dev.loop.core.Services;
import dev.loop.issue.TranscriptCorrections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps copied transcripts true to Discord: a deleted message (one by one or in bulk) is blanked in every transcript
 * that copied it, an edit replaces the copy, and at start the captured places' recent messages are read again to
 * catch up with what changed while Loop was stopped.
 */
final class TranscriptUpkeep extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TranscriptUpkeep.class);

    /** Places re-read at start, newest first; older ones rarely change and each costs one request. */
    static final int CATCH_UP_PLACES = 200;

    /** Discord's page of message history. */
    static final int RECENT = 100;

    private final Services services;
    private final TranscriptCorrections corrections;

    TranscriptUpkeep(Services services) {
        this.services = services;
        this.corrections = new TranscriptCorrections(services.database());
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        long id = event.getMessageIdLong();
        later(() -> corrections.deleted(List.of(id)));
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        List<Long> ids = event.getMessageIds().stream().map(Long::parseLong).toList();
        later(() -> corrections.deleted(ids));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (event.getAuthor().isBot()) return;
        long id = event.getMessageIdLong();
        String content = event.getMessage().getContentRaw();
        var editedAt = event.getMessage().getTimeEdited(); // orders edits that arrive late or twice
        later(() -> corrections.edited(id, content, editedAt == null ? null : editedAt.toInstant()));
    }

    private void later(Runnable work) {
        services.workers().execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Could not update a copied transcript: {}", e.toString());
            }
        });
    }

    /** Compares each captured place's recent messages with their copies and applies deletes and edits missed. */
    void catchUp(JDA jda) {
        int deleted = 0;
        int edited = 0;
        for (long channelId : corrections.capturedChannels(CATCH_UP_PLACES)) {
            GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
            if (channel == null) continue; // a deleted thread keeps its record: that is what the copy is for
            Map<Long, String> copied = corrections.copiedIn(channelId, RECENT);
            if (copied.isEmpty()) continue;
            List<Message> recent;
            try {
                recent = channel.getHistory().retrievePast(RECENT).complete();
            } catch (RuntimeException e) {
                log.debug("Could not re-read {}: {}", channelId, e.toString());
                continue;
            }
            Map<Long, Message> byId = new HashMap<>();
            for (Message m : recent) byId.put(m.getIdLong(), m);
            // a copy older than the oldest message read may simply be out of reach, not deleted
            long oldest = recent.size() < RECENT
                    ? Long.MIN_VALUE
                    : recent.stream().mapToLong(Message::getIdLong).min().orElse(Long.MAX_VALUE);
            Set<Long> gone = copied.keySet().stream()
                    .filter(id -> id >= oldest && !byId.containsKey(id))
                    .filter(id -> !TranscriptCorrections.DELETED.equals(copied.get(id)))
                    .collect(Collectors.toSet());
            deleted += corrections.deleted(gone);
            for (var copy : copied.entrySet()) {
                Message now = byId.get(copy.getKey());
                if (now != null && !now.getContentRaw().equals(copy.getValue())) {
                    var editedAt = now.getTimeEdited();
                    edited += corrections.edited(
                            copy.getKey(), now.getContentRaw(), editedAt == null ? null : editedAt.toInstant());
                }
            }
        }
        if (deleted + edited > 0) {
            log.info("Caught up with Discord: {} copied lines deleted, {} edited", deleted, edited);
        }
    }
}
