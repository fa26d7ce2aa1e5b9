package dev.loop.issue;

import dev.loop.core.discord.Channels;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telling an issue's requesters something where they asked, behind {@link IssueActions#tellRequesters}: in each
 * source thread mentioning exactly the requesters who came from it, by DM where a thread cannot take the message,
 * and a history line naming whoever could not be reached at all.
 */
final class RequesterTelling {

    private static final Logger log = LoggerFactory.getLogger(RequesterTelling.class);

    private final IssueStore store;
    private final Clock clock;

    RequesterTelling(IssueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Told tell(
            JDA jda,
            int number,
            String text,
            List<? extends MessageTopLevelComponent> components,
            java.util.Set<Long> only) {
        List<Place> places = store.places(number);
        List<Requester> requesters = store.requesters(number);
        Map<Long, List<Long>> byThread = new LinkedHashMap<>();
        Long fallbackThread = places.stream()
                .filter(p -> p.kind() != Place.PlaceKind.GITHUB && p.channelId() != null)
                .map(Place::channelId)
                .findFirst()
                .orElse(null);
        Map<Long, Long> placeChannel = new HashMap<>();
        for (Place p : places) if (p.channelId() != null) placeChannel.put(p.id(), p.channelId());
        List<Long> inThread = new ArrayList<>();
        List<Long> dmOnly = new ArrayList<>();
        for (Requester r : requesters) {
            if (!r.toldOnDiscord()) continue; // GitHub accounts are told on GitHub; erased people not at all
            if (only != null && !only.contains(r.userId())) continue;
            Long channel =
                    r.placeId() == null ? fallbackThread : placeChannel.getOrDefault(r.placeId(), fallbackThread);
            if (channel == null) dmOnly.add(r.userId());
            else byThread.computeIfAbsent(channel, c -> new ArrayList<>()).add(r.userId());
        }
        for (Map.Entry<Long, List<Long>> e : byThread.entrySet()) {
            // an archived thread is woken by the message; a locked or deleted one can't be answered in
            GuildMessageChannel channel = Channels.find(jda, e.getKey()).orElse(null);
            boolean usable = channel != null && !(channel instanceof ThreadChannel t && t.isLocked());
            if (!usable) {
                dmOnly.addAll(e.getValue());
                continue;
            }
            for (List<Long> group : Chunker.pack(
                    e.getValue(), id -> "<@" + id + ">", " ", text.length() + 1, Chunker.MESSAGE_LIMIT, 100)) {
                StringBuilder content = new StringBuilder();
                for (Long id : group) content.append("<@").append(id).append("> ");
                content.append(text);
                try {
                    channel.sendMessage(Replies.pinging(content.toString(), group)
                                    .setComponents(components)
                                    .build())
                            .complete();
                    inThread.addAll(group);
                } catch (RuntimeException failed) {
                    log.info("Could not tell requesters in {} ({}); sending DMs", e.getKey(), failed.toString());
                    dmOnly.addAll(group);
                }
            }
        }
        List<Long> byDm = new ArrayList<>();
        List<Long> unreachable = new ArrayList<>();
        direct(jda, dmOnly, text, components, byDm, unreachable);
        Told told = new Told(inThread, byDm, unreachable);
        if (!told.unreachable().isEmpty()) {
            StringBuilder who = new StringBuilder();
            for (Long id : told.unreachable())
                who.append(who.isEmpty() ? "" : ", ").append("<@").append(id).append('>');
            store.addHistory(
                    number,
                    null,
                    "unreachable",
                    "couldn't tell " + who + " (no thread to post in, DMs closed): "
                            + Safe.truncate(Safe.oneLineRaw(text), 120),
                    clock.instant());
        }
        return told;
    }

    /** DMs everyone in {@code users} at once and waits for each answer: who got it, and whose DMs refused it. */
    private static void direct(
            JDA jda,
            List<Long> users,
            String text,
            List<? extends MessageTopLevelComponent> components,
            List<Long> byDm,
            List<Long> unreachable) {
        Map<Long, CompletableFuture<?>> sent = new LinkedHashMap<>();
        for (Long user : users) {
            sent.put(
                    user,
                    jda.openPrivateChannelById(user)
                            .flatMap(dm -> dm.sendMessage(MessageCreateBuilder.from(Replies.text(text))
                                    .setComponents(components)
                                    .build()))
                            .submit());
        }
        for (Map.Entry<Long, CompletableFuture<?>> e : sent.entrySet()) {
            try {
                e.getValue().join();
                byDm.add(e.getKey());
            } catch (CompletionException | CancellationException refused) {
                log.info("Could not DM {}: {}", e.getKey(), refused.getCause() == null ? refused : refused.getCause());
                unreachable.add(e.getKey());
            }
        }
    }
}
