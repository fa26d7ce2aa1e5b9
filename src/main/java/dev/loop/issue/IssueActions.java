package dev.loop.issue;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
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
    /**
     * The least time between two refreshes of one issue's cards while changes keep coming: Discord allows 5 message
     * edits per channel per 5 s, and a card edited once every two seconds still reads as live.
     */
    private static final java.time.Duration TRAILING_REFRESH_GAP = java.time.Duration.ofSeconds(2);

    /** Per issue: card refreshes asked for since the running one started; see {@link #refreshCards}. */
    private final Map<Integer, AtomicInteger> refreshRequests = new ConcurrentHashMap<>();

    private final TimelineTelling timelines;
    private final RequesterTelling telling;
    private volatile ThreadTaken threadTaken = ThreadTaken.NOBODY;

    public IssueActions(IssueStore store, IssueViews views, Config config, Clock clock) {
        this.store = store;
        this.views = views;
        this.config = config;
        this.clock = clock;
        this.timelines = new TimelineTelling(store, views, config);
        this.telling = new RequesterTelling(store, clock);
    }

    /** Who hears that a conversation became a place of an issue (the watch feature's hints). */
    public void whenThreadTaken(ThreadTaken listener) {
        this.threadTaken = listener;
    }

    /** A conversation was captured as or linked to {@code number}: tells the listener; never throws. */
    public void threadTaken(JDA jda, int number, long actor, boolean captured) {
        try {
            threadTaken.taken(jda, number, actor, captured);
        } catch (RuntimeException e) {
            log.warn("After a thread became a place of #{}: {}", number, e.toString());
        }
    }

    /**
     * Tells the requesters the issue's current timeline, each only if it is news to them (see {@link TimelineNews});
     * blocking. Returns whom it reached.
     */
    public Told tellTimeline(JDA jda, int number) {
        return timelines.tell(jda, number, this);
    }

    public IssueViews views() {
        return views;
    }

    public Instant now() {
        return clock.instant();
    }

    /** What an addition did. */
    public record Added(boolean added, boolean bumped, Issue issue) {}

    public Added addRequester(JDA jda, int number, long userId, Requester.How how, Long placeId, long actor) {
        Bump.Counts before = counts(number);
        Priority seen = store.find(number).map(Issue::priority).orElse(Priority.UNTRIAGED);
        boolean added = store.addRequester(number, userId, how, placeId, actor, now());
        if (added) timelines.joined(number, userId, seen, now());
        return afterAddition(jda, number, before, added);
    }

    /** A GitHub account that asked on the linked GitHub issue: counted like any requester, bump included. */
    public Added addGitHubRequester(JDA jda, int number, long githubId, String login) {
        Bump.Counts before = counts(number);
        boolean added = store.addGitHubRequester(number, githubId, login, null, now());
        return afterAddition(jda, number, before, added);
    }

    private Bump.Counts counts(int number) {
        // counted, not loaded: a popular issue has thousands of requesters and Me too asks twice per press
        int[] c = store.placeAndRequesterCounts(number);
        return new Bump.Counts(c[0], c[1]);
    }

    public record PlaceResult(long placeId, boolean added, boolean bumped, Issue issue) {}

    public PlaceResult addPlace(JDA jda, int number, NewPlace place, long actor) {
        Bump.Counts before = counts(number);
        IssueStore.PlaceAdded p = store.addPlace(number, place, actor, now());
        Added a = afterAddition(jda, number, before, p.added());
        return new PlaceResult(p.placeId(), p.added(), a.bumped(), a.issue());
    }

    /** What bringing an issue up in one more place did. */
    public record BroughtUp(long placeId, boolean placeAdded, int requestersAdded, boolean bumped, Issue issue) {
        public boolean changed() {
            return placeAdded || requestersAdded > 0;
        }
    }

    /**
     * Adds a place and the people who asked there as one addition. The bump is decided once, after everyone is
     * recorded, so the timeline notice of a bump also reaches the people just added.
     */
    public BroughtUp bringUp(JDA jda, int number, NewPlace place, Map<Long, Requester.How> people, long actor) {
        Bump.Counts before = counts(number);
        Priority seen = store.find(number).map(Issue::priority).orElse(Priority.UNTRIAGED);
        IssueStore.PlaceAdded p = store.addPlace(number, place, actor, now());
        int added = 0;
        for (Map.Entry<Long, Requester.How> person : people.entrySet()) {
            if (store.addRequester(number, person.getKey(), person.getValue(), p.placeId(), actor, now())) {
                added++;
                // the linking reply shows them where the issue stands
                timelines.joined(number, person.getKey(), seen, now());
            }
        }
        Added a = afterAddition(jda, number, before, p.added() || added > 0);
        if (p.added()) threadTaken(jda, number, actor, false);
        return new BroughtUp(p.placeId(), p.added(), added, a.bumped(), a.issue());
    }

    /** After a merge moved places and requesters onto {@code into}: the same bump and card refresh as an addition. */
    public Added afterMerge(JDA jda, int into, Bump.Counts before) {
        return afterAddition(jda, into, before, true);
    }

    private Added afterAddition(JDA jda, int number, Bump.Counts before, boolean added) {
        Issue issue = store.find(number).orElseThrow();
        boolean bumped = false;
        Bump.Decision decision = added ? Bump.decide(issue, before, counts(number)) : null;
        if (decision instanceof Bump.Bumped bump) {
            // the same one path as triage: records the reason and clears a caveat the Low priority carried
            issue = store.changePriority(
                            number,
                            new IssueStore.PriorityUpdate(
                                    bump.to(),
                                    bump.detail(),
                                    null,
                                    null,
                                    promiseFrom(bump.to()),
                                    null,
                                    PrioritySource.BUMP),
                            null,
                            now())
                    .after();
            bumped = true;
            announce(
                    jda,
                    "⬆️ **" + issue.ref() + "** " + Safe.inline(issue.title(), 120)
                            + " was brought up again and is bumped from Low to **High** ("
                            + views.timeline(Priority.HIGH) + ").");
            tellTimelineLater(jda, issue);
        } else if (decision instanceof Bump.Held held) {
            broughtUpAgain(jda, issue, held);
        }
        if (added) refreshCards(jda, number);
        return new Added(added, bumped, issue);
    }

    /**
     * A hand-set Low was brought up again: the owner (or, with no owner, the team channel without a ping) hears it at
     * most once a day per issue, with the counts, and decides. The requesters hear nothing: nothing changed for them.
     */
    private void broughtUpAgain(JDA jda, Issue issue, Bump.Held held) {
        Instant now = now();
        boolean toldToday = store.history(issue.number()).stream()
                .anyMatch(h ->
                        BROUGHT_UP_AGAIN.equals(h.type()) && h.at().isAfter(now.minus(java.time.Duration.ofDays(1))));
        if (toldToday) return;
        Long owner = issue.ownerId();
        store.addHistory(
                issue.number(),
                null,
                BROUGHT_UP_AGAIN,
                held.detail() + "; it stays " + held.priority().label() + " as an engineer set it by hand; told "
                        + (owner == null ? "the team channel" : "<@" + owner + ">"),
                now);
        String text = IssueViews.named(issue) + " was brought up again: "
                + plural(held.now().places(), "place")
                + ", " + plural(held.now().requesters(), "requester") + ". It stays **"
                + held.priority().label() + "** because an engineer set that by hand; react on its card to change it"
                + " if it should move.";
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) return;
        var message = owner == null
                ? Replies.text("📣 " + text)
                : Replies.pinging("<@" + owner + "> 📣 " + text, List.of(owner)).build();
        team.sendMessage(message).queue(null, e -> log.warn("Brought-up-again note failed: {}", e.toString()));
    }

    /** History type of the daily "brought up again" note about a hand-set priority. */
    public static final String BROUGHT_UP_AGAIN = "brought_up";

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * Tells the requesters the timeline of the issue's new priority, off the caller's thread: the caller may be an
     * interaction that must be answered within Discord's deadline, and telling several threads takes longer.
     */
    private void tellTimelineLater(JDA jda, Issue issue) {
        Thread.ofVirtual().name("loop-timeline-" + issue.number()).start(() -> {
            try {
                tellTimeline(jda, issue.number());
            } catch (RuntimeException e) {
                log.warn("Telling the requesters of {} the timeline failed", issue.ref(), e);
            }
        });
    }

    /** The promise deadline a priority implies from now, or null when its timeline promises nothing. */
    public Instant promiseFrom(Priority priority) {
        return priority.timelineIn(config.timelines())
                .map(Config.Timeline::promise)
                .map(d -> now().plus(d))
                .orElse(null);
    }

    /** Posts a line in the team channel (pings nobody). */
    public void announce(JDA jda, String text) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
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
     * back to a DM per person. Blocking: it returns who was told where, and who could not be reached at all (their
     * DMs are closed too), whom it also records in the issue's history.
     */
    public Told tellRequesters(JDA jda, int number, String text) {
        return tellRequesters(jda, number, text, List.of());
    }

    /** {@link #tellRequesters(JDA, int, String)} with components (buttons) on every message, DMs included. */
    public Told tellRequesters(JDA jda, int number, String text, List<? extends MessageTopLevelComponent> components) {
        return telling.tell(jda, number, text, components, null);
    }

    /** {@link #tellRequesters(JDA, int, String)} to only {@code who} among the requesters. */
    public Told tellSome(JDA jda, int number, String text, java.util.Set<Long> who) {
        return telling.tell(jda, number, text, List.of(), who);
    }

    /**
     * Re-renders every card of the issue where it was posted, off the caller's thread. Refreshes of one issue run one
     * at a time and each renders the record as it is when it runs: two changes made at once (a Me too and a 👍) must
     * not let the edit rendered before the second change reach Discord after the one rendered after it. Requests that
     * arrive while a refresh runs are folded into one more pass, at least {@link #TRAILING_REFRESH_GAP} after it, so a
     * burst on one card edits it a handful of times rather than once per change. Failures (deleted card, archived thread) are logged.
     */
    public void refreshCards(JDA jda, int number) {
        AtomicInteger requests = refreshRequests.computeIfAbsent(number, n -> new AtomicInteger());
        if (requests.getAndIncrement() > 0) return; // the refresh running now will pass once more
        Thread.ofVirtual().name("loop-cards-" + number).start(() -> {
            try {
                int seen;
                do {
                    seen = requests.get();
                    refreshNow(jda, number);
                    // more changes came in meanwhile: let a burst (a thousand Me too) gather into one later edit
                    if (requests.get() != seen) Thread.sleep(TRAILING_REFRESH_GAP);
                } while (!requests.compareAndSet(seen, 0));
            } catch (InterruptedException e) {
                requests.set(0);
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                requests.set(0); // the next change asks again
                log.warn("Refreshing the cards of #{} failed", number, e);
            }
        });
    }

    private void refreshNow(JDA jda, int number) {
        Optional<IssueCard> view = store.card(number);
        if (view.isEmpty()) return;
        for (Place p : view.get().places()) {
            if (p.cardMessageId() == null || p.channelId() == null) continue;
            GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, p.channelId());
            if (channel == null) continue;
            if (channel instanceof ThreadChannel t && (t.isArchived() || t.isLocked())) continue;
            try {
                channel.editMessageById(p.cardMessageId(), views.cardEdit(view.get()))
                        .complete();
            } catch (RuntimeException e) {
                log.debug("Card {} in {} not updated: {}", p.cardMessageId(), p.channelId(), e.toString());
            }
        }
    }
}
