package dev.loop.capture;

import dev.loop.core.discord.Channels;
import dev.loop.core.discord.EarlierMessages;
import dev.loop.issue.IssueCard;
import dev.loop.issue.Place;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After a restart: the issue cards Loop stored a place for but never posted. */
final class MissingCards extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(MissingCards.class);

    private final Conversations conversations;

    MissingCards(CaptureContext context, Conversations conversations) {
        super(context);
        this.conversations = conversations;
        // taken before Discord can send any interaction, so nothing this run stores is counted as left behind
        this.lastPlaceBeforeStart = context.store().lastPlaceId();
    }

    /** The last place stored before this start: see {@link #postMissingCards}. */
    private final long lastPlaceBeforeStart;

    /**
     * Loop may stop between storing a capture and posting its issue card. Places of open issues stored before this
     * start that still have no card get it now, once (the card is stored as soon as it is posted). Places stored
     * since this start are their own command's business: /link, for one, answers with the card. A place whose
     * thread is deleted or hidden from Loop gives its card up for good; one that is locked or closed to Loop for now
     * is left for a later start.
     */
    void postMissingCards(JDA jda) {
        for (Place place : store.placesWithoutCard(lastPlaceBeforeStart)) {
            try {
                Optional<GuildMessageChannel> channel = Channels.find(jda, place.channelId());
                if (channel.isEmpty()) {
                    // deleted, or hidden from Loop: remembered, so later starts don't ask Discord about it again
                    store.giveUpCard(place.id(), actions.now());
                    log.info(
                            "The card of #{} can't be posted in {}: the place is gone or hidden from Loop",
                            place.issueNumber(),
                            place.channelId());
                    continue;
                }
                if (!Conversations.writable(channel.get())) {
                    // locked or archived for now: a later start tries again
                    log.info(
                            "The card of #{} can't be posted in {} yet: the place is closed to Loop",
                            place.issueNumber(),
                            place.channelId());
                    continue;
                }
                Optional<Message> earlier = postedBefore(channel.get(), place.issueNumber());
                if (earlier.isPresent()) {
                    // posted just before a stop that came before it was stored: adopt it, never post a second
                    store.setCard(place.id(), earlier.get().getIdLong());
                    log.info("Found the card of #{} already in {}", place.issueNumber(), place.channelId());
                    continue;
                }
                IssueCard view = store.card(place.issueNumber()).orElseThrow();
                conversations.postCard(channel.get(), place.id(), views.cardMessage(view));
                store.addHistory(
                        place.issueNumber(),
                        null,
                        "card",
                        "issue card posted after a restart in " + place.url(),
                        actions.now());
            } catch (RuntimeException failed) {
                log.warn(
                        "Could not post the missing card of #{} in {}: {}",
                        place.issueNumber(),
                        place.channelId(),
                        failed.toString());
            }
        }
    }

    /** Loop's own card of the issue among the newest messages of the place (its embed's title starts "#N "). */
    private static Optional<Message> postedBefore(GuildMessageChannel channel, int number) {
        return EarlierMessages.findOwn(
                channel,
                m -> m.getEmbeds().stream()
                        .anyMatch(e -> e.getTitle() != null && e.getTitle().startsWith("#" + number + " ")));
    }
}
