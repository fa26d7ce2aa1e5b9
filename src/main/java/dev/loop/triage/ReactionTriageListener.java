package dev.loop.triage;

import dev.loop.core.config.Config;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import dev.loop.issue.PrioritySource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 🔥 / ⬆️ / ⬇️ on an issue card: an engineer's reaction sets Fix it now / High / Low; anyone else's is removed and
 * changes nothing.
 */
final class ReactionTriageListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ReactionTriageListener.class);

    private final Config.Reactions reactions;
    private final IssueStore issues;
    private final PriorityChanges changes;
    private final Access access;
    private final ExecutorService workers;

    ReactionTriageListener(
            Config.Reactions reactions,
            IssueStore issues,
            PriorityChanges changes,
            Access access,
            ExecutorService workers) {
        this.reactions = reactions;
        this.issues = issues;
        this.changes = changes;
        this.access = access;
        this.workers = workers;
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (!event.isFromGuild()
                || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) return;
        Optional<Priority> priority =
                ReactionTriage.priorityFor(event.getEmoji().getFormatted(), reactions);
        if (priority.isEmpty()) return;
        workers.execute(() -> {
            try {
                handle(event, priority.get());
            } catch (RuntimeException e) {
                log.warn("Reaction triage on message {} failed", event.getMessageId(), e);
            }
        });
    }

    private void handle(MessageReactionAddEvent event, Priority priority) {
        Optional<Issue> found = issues.findByCard(event.getMessageIdLong());
        if (found.isEmpty()) return;
        Issue issue = found.get();
        Member member = event.getMember() != null ? event.getMember() : Access.memberOf(event.getGuild(), user(event));
        if (!access.isEngineer(member)) {
            event.getReaction()
                    .removeReaction(user(event))
                    .queue(null, e -> log.debug("Could not remove a reaction: {}", e.toString()));
            return;
        }
        if (!issue.status().isActive() || issue.priority() == priority) return;
        String reason = "set with " + event.getEmoji().getFormatted() + " by <@" + event.getUserIdLong() + ">";
        PriorityChanges.Change change = changes.record(
                issue.number(), priority, reason, null, null, null, PrioritySource.ENGINEER, event.getUserIdLong());
        changes.announce(event.getJDA(), change, reason);
    }

    private static User user(MessageReactionAddEvent event) {
        return event.getUser() != null ? event.getUser() : event.retrieveUser().complete();
    }
}
