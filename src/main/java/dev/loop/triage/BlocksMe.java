package dev.loop.triage;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.PrioritySource;
import dev.loop.issue.Requester;
import java.time.Instant;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * The card's **This blocks me** button: anyone may press it. The presser becomes a requester, the issue goes to
 * Fix it now with the reason, the thread is told, and the owner (or the engineer role) is alerted. Each person's
 * first press per issue counts; later presses get told so.
 */
final class BlocksMe {

    private final IssueActions actions;
    private final IssueStore issues;
    private final TriageStore store;
    private final PriorityChanges changes;

    BlocksMe(IssueActions actions, IssueStore issues, TriageStore store, PriorityChanges changes) {
        this.actions = actions;
        this.issues = issues;
        this.store = store;
        this.changes = changes;
    }

    void press(ButtonInteractionEvent event) {
        ComponentId.Valid press =
                IssueViews.BLOCKS_ID.parse(event.getComponentId()).valid();
        int number = press.id().number(0);
        long user = event.getUser().getIdLong();
        // An out-of-date card still counts while the issue is active (the press is about the person); the issue as
        // it is now decides what happens, and the cards are redrawn either way below.
        Issue issue = Issues.active(issues, number, "marked as blocking");
        Instant now = actions.now();
        if (!store.pressBlocker(number, user, now)) {
            Instant first = store.blockerPressedAt(number, user).orElse(now);
            throw new UserError("You already told us **" + issue.ref() + "** blocks you (<t:" + first.getEpochSecond()
                    + ":R>); it counts once per person. "
                    + (issue.priority() == Priority.FIX_NOW
                            ? "It is already **Fix it now**: " + actions.views().timeline(Priority.FIX_NOW) + "."
                            : "It is **" + issue.priority().label() + "** at the moment: "
                                    + actions.views().timeline(issue.priority()) + "."));
        }
        // The presser becomes a requester without the automatic Low → High bump: the issue is going to Fix it now.
        issues.addRequester(number, user, Requester.How.BLOCKS_ME, placeOfCard(number, event), user, now);
        String reason = "<@" + user + "> pressed " + IssueViews.BLOCKS_ME + ": a user is blocked by it";
        PriorityChanges.Change change;
        if (issue.priority() == Priority.FIX_NOW) {
            issues.addHistory(number, (Long) user, "blocks_me", reason + " (already Fix it now)", now);
            change = new PriorityChanges.Change(issue, issues.find(number).orElseThrow());
        } else {
            change = changes.record(
                    number,
                    Priority.FIX_NOW,
                    reason,
                    Flowchart.start().answer(Question.USER_BLOCKED, true).answersColumn(),
                    null,
                    null,
                    PrioritySource.BLOCKER,
                    user);
        }
        event.reply("Thanks — **" + change.after().ref() + "** is marked as blocking you and is **Fix it now** ("
                        + actions.views().timeline(Priority.FIX_NOW) + "). The team has been alerted, and you'll hear "
                        + "about it in the thread.")
                .setEphemeral(true)
                .queue();
        if (change.priorityChanged()) {
            changes.announce(event.getJDA(), change, reason);
        } else {
            actions.refreshCards(event.getJDA(), number);
            changes.anotherBlocker(
                    event.getJDA(),
                    change.after(),
                    "🔥 " + IssueViews.named(issue) + " is **Fix it now** and blocks another user: " + reason + ".");
        }
    }

    /** The place whose card was pressed, so the presser is told in that thread. */
    private Long placeOfCard(int number, ButtonInteractionEvent event) {
        long message = event.getMessageIdLong();
        for (Place p : issues.places(number)) {
            if (p.cardMessageId() != null && p.cardMessageId() == message) return p.id();
        }
        return null;
    }
}
