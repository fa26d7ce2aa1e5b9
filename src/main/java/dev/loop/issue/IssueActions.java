package dev.loop.issue;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import dev.loop.triage.Bump;
import dev.loop.triage.TimelineNotice;
import java.time.Clock;
import java.time.Instant;
import dev.loop.core.text.Chunker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to an issue that every feature makes the same way: adding a place or a requester (with the automatic
 * Low → High bump when it has now been brought up before), and keeping every posted issue card current.
 */
public final class IssueActions {

    private static final Logger log = LoggerFactory.getLogger(IssueActions.class);

    private final IssueStore store;
    private final IssueViews views;
    private final Config config;
    private final Clock clock;

    public IssueActions(IssueStore store, IssueViews views, Config config, Clock clock) {
        this.store = store;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    public IssueStore store() {
        return store;
    }

    public IssueViews views() {
        return views;
    }

    public Instant now() {
        return clock.instant();
    }

    /** What an addition did. */
    public record Added(boolean added, boolean bumped, Issue issue) {
    }

    public Added addRequester(JDA jda, int number, long userId, Requester.How how, Long placeId, long actor) {
        Bump.Counts before = counts(number);
        boolean added = store.addRequester(number, userId, how, placeId, actor, now());
        return afterAddition(jda, number, before, added);
    }

    private Bump.Counts counts(int number) {
        // counted, not loaded: a popular issue has thousands of requesters and Me too asks twice per press
        int[] c = store.placeAndRequesterCounts(number);
        return new Bump.Counts(c[0], c[1]);
    }

    public record PlaceResult(long placeId, boolean added, boolean bumped, Issue issue) {
    }

    public PlaceResult addPlace(JDA jda, int number, NewPlace place, long actor) {
        Bump.Counts before = counts(number);
        IssueStore.PlaceAdded p = store.addPlace(number, place, actor, now());
        Added a = afterAddition(jda, number, before, p.added());
        return new PlaceResult(p.placeId(), p.added(), a.bumped(), a.issue());
    }

    private Added afterAddition(JDA jda, int number, Bump.Counts before, boolean added) {
        Issue issue = store.find(number).orElseThrow();
        boolean bumped = false;
        if (added && Bump.decide(issue, before, counts(number)) instanceof Bump.Bumped bump) {
            {
                issue = store.setPriority(number, bump.to(), bump.detail(), null, promiseFrom(bump.to()), null, now());
                bumped = true;
                announce(jda, "⬆️ **" + issue.ref() + "** " + Safe.inline(issue.title(), 120)
                        + " was brought up again and is bumped from Low to **High** (" + views.timeline(Priority.HIGH) + ").");
                tellTimelineLater(jda, issue);
            }
        }
        if (added) refreshCards(jda, number);
        return new Added(added, bumped, issue);
    }

    /**
     * Tells the requesters the timeline of the issue's new priority, off the caller's thread: the caller may be an
     * interaction that must be answered within Discord's deadline, and telling several threads takes longer.
     */
    private void tellTimelineLater(JDA jda, Issue issue) {
        String text = TimelineNotice.of(issue, issue.priority(), views.timeline(issue.priority()));
        Thread.ofVirtual().name("loop-timeline-" + issue.number()).start(() -> {
            try {
                int told = tellRequesters(jda, issue.number(), text);
                store.addHistory(issue.number(), null, "notice", "requesters told the timeline of "
                        + issue.priority().label() + " (" + told + " people)", now());
            } catch (RuntimeException e) {
                log.warn("Telling the requesters of {} the timeline failed", issue.ref(), e);
            }
        });
    }

    /** The promise deadline a priority implies from now, or null when its timeline promises nothing. */
    public Instant promiseFrom(Priority priority) {
        return config.timelines().of(priority).map(Config.Timeline::promise).map(d -> now().plus(d)).orElse(null);
    }

    /** Posts a line in the team channel (pings nobody). */
    public void announce(JDA jda, String text) {
        GuildMessageChannel team = jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn("Team channel {} is not visible to Loop", config.channels().team());
            return;
        }
        team.sendMessage(Replies.text(text)).queue(null, e -> log.warn("Team announcement failed: {}", e.toString()));
    }

    /**
     * Tells an issue's requesters something in every source thread, mentioning exactly the requesters who came from
     * that thread (requesters with no thread of their own are told in the first one). Messages are split under
     * Discord's 2,000 characters and 100 mentions. A thread that cannot take the message (deleted, locked) falls
     * back to a DM per person. Returns how many people were addressed.
     */
    public int tellRequesters(JDA jda, int number, String text) {
        return tellRequesters(jda, number, text, List.of());
    }

    /** {@link #tellRequesters(JDA, int, String)} with components (buttons) on every message, DMs included. */
    public int tellRequesters(JDA jda, int number, String text, List<? extends MessageTopLevelComponent> components) {
        List<Place> places = store.places(number);
        List<Requester> requesters = store.requesters(number);
        Map<Long, List<Long>> byThread = new LinkedHashMap<>();
        Long fallbackThread = places.stream().filter(p -> p.kind() != Place.PlaceKind.GITHUB && p.channelId() != null)
                .map(Place::channelId).findFirst().orElse(null);
        Map<Long, Long> placeChannel = new HashMap<>();
        for (Place p : places) if (p.channelId() != null) placeChannel.put(p.id(), p.channelId());
        List<Long> dmOnly = new ArrayList<>();
        for (Requester r : requesters) {
            Long channel = r.placeId() == null ? fallbackThread : placeChannel.getOrDefault(r.placeId(), fallbackThread);
            if (channel == null) dmOnly.add(r.userId());
            else byThread.computeIfAbsent(channel, c -> new ArrayList<>()).add(r.userId());
        }
        for (Map.Entry<Long, List<Long>> e : byThread.entrySet()) {
            GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, e.getKey());
            boolean usable = channel != null && !(channel instanceof ThreadChannel t && t.isLocked());
            if (!usable) {
                dmOnly.addAll(e.getValue());
                continue;
            }
            for (List<Long> group : Chunker.pack(e.getValue(), id -> "<@" + id + ">", " ", text.length() + 1,
                    Chunker.MESSAGE_LIMIT, 100)) {
                StringBuilder content = new StringBuilder();
                for (Long id : group) content.append("<@").append(id).append("> ");
                content.append(text);
                try {
                    channel.sendMessage(Replies.pinging(content.toString(), group).setComponents(components).build())
                            .complete();
                } catch (RuntimeException failed) {
                    log.info("Could not tell requesters in {} ({}); sending DMs", e.getKey(), failed.toString());
                    dmOnly.addAll(group);
                }
            }
        }
        for (Long user : dmOnly) {
            jda.openPrivateChannelById(user)
                    .flatMap(dm -> dm.sendMessage(MessageCreateBuilder.from(Replies.text(text)).setComponents(components).build()))
                    .queue(null, err -> log.info("Could not DM {}: {}", user, err.toString()));
        }
        return requesters.size();
    }

    /** Re-renders every card of the issue where it was posted. Failures (deleted card, archived thread) are logged. */
    public void refreshCards(JDA jda, int number) {
        Optional<IssueRecordView> view = store.view(number);
        if (view.isEmpty()) return;
        for (Place p : view.get().places()) {
            if (p.cardMessageId() == null || p.channelId() == null) continue;
            GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, p.channelId());
            if (channel == null) continue;
            if (channel instanceof ThreadChannel t && (t.isArchived() || t.isLocked())) continue;
            channel.editMessageById(p.cardMessageId(), views.cardEdit(view.get()))
                    .queue(null, e -> log.debug("Card {} in {} not updated: {}", p.cardMessageId(), p.channelId(), e.toString()));
        }
    }
}
