package dev.loop.capture;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueViews;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Me too, by the button on an issue card or by the 👍 reaction on it: the person becomes a requester. */
final class MeToo extends CaptureFlowBase {

    static final Logger log = LoggerFactory.getLogger(MeToo.class);

    private final Conversations conversations;

    MeToo(CaptureContext context, Conversations conversations) {
        super(context);
        this.conversations = conversations;
    }

    void meToo(ButtonInteractionEvent e) {
        ComponentId.Valid press = IssueViews.ME_TOO_ID.parse(e.getComponentId()).valid();
        int number = press.id().number(0);
        Issue issue = store.lookup(number).orRefuse();
        // A press on an out-of-date card still counts while the issue is open (it says something about the person,
        // not about what the card showed); a closed or merged issue is refused below, and the card is redrawn.
        boolean staleCard = press.isStale(issue.revision());
        if (!issue.status().isActive()) {
            throw new UserError(issue.ref() + " is already "
                    + issue.status().label().toLowerCase()
                    + (issue.shippedVersion() == null ? "" : " (in " + Safe.inline(issue.shippedVersion(), 64) + ")")
                    + ".");
        }
        if (e.getUser().isBot()) throw new UserError("Bots can't be requesters.");
        Long placeId = store.placeOfCard(e.getMessageIdLong()).map(Place::id).orElse(null);
        IssueActions.Added a = actions.addRequester(
                e.getJDA(),
                number,
                e.getUser().getIdLong(),
                Requester.How.ME_TOO,
                placeId,
                e.getUser().getIdLong());
        e.reply(Replies.text(
                        a.added()
                                ? "Thanks — you're on **" + issue.ref() + "** now. We'll let you know when it ships."
                                : "You're already on **" + issue.ref() + "**. We'll let you know when it ships."))
                .setEphemeral(true)
                .queue();
        if (staleCard && !a.added()) actions.refreshCards(e.getJDA(), number);
    }

    void reactionMeToo(MessageReactionAddEvent e) {
        Optional<Place> place = store.placeOfCard(e.getMessageIdLong());
        if (place.isEmpty()) return;
        Issue issue = store.find(place.get().issueNumber()).orElseThrow();
        if (!issue.status().isActive()) return;
        if (e.getUser() != null && e.getUser().isBot()) return;
        actions.addRequester(
                e.getJDA(),
                issue.number(),
                e.getUserIdLong(),
                Requester.How.REACTION,
                place.get().id(),
                e.getUserIdLong());
    }
}
