package dev.loop.triage;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import dev.loop.issue.TimelineNotice;
import dev.loop.issue.Told;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way triage sets a priority (flowchart, reaction, "This blocks me"): record it, then tell the requesters
 * the timeline, refresh the cards, and alert the owner when it became Fix it now. Recording and telling are two
 * steps so an interaction can be answered between them, within Discord's deadline.
 */
final class PriorityChanges {

    private static final Logger log = LoggerFactory.getLogger(PriorityChanges.class);

    /** A recorded change; {@code before} is the issue as it was. */
    record Change(Issue before, Issue after) {
        boolean priorityChanged() {
            return before.priority() != after.priority();
        }

        boolean becameFixNow() {
            return after.priority() == Priority.FIX_NOW && before.priority() != Priority.FIX_NOW;
        }
    }

    private final IssueActions actions;
    private final IssueStore issues;
    private final Config config;
    private final Engineers engineers;

    PriorityChanges(IssueActions actions, IssueStore issues, Config config, Engineers engineers) {
        this.actions = actions;
        this.issues = issues;
        this.config = config;
        this.engineers = engineers;
    }

    /**
     * Records a priority through the issue store's one path (which keeps a promise already running for the same
     * priority). {@code triageSummary}, when given, goes to the history first; a null {@code caveat} clears it.
     */
    Change record(
            int number,
            Priority priority,
            String reason,
            String answers,
            Caveat caveat,
            String triageSummary,
            Long actor) {
        IssueStore.PriorityChanged changed = issues.changePriority(
                number,
                new IssueStore.PriorityUpdate(
                        priority,
                        reason,
                        answers,
                        caveat == null ? null : caveat.code(),
                        actions.promiseFrom(priority),
                        triageSummary),
                actor,
                actions.now());
        return new Change(changed.before(), changed.after());
    }

    /** Tells everyone who needs to know. Runs after the interaction was answered; failures are logged. */
    void announce(JDA jda, Change change, String why) {
        Issue issue = change.after();
        if (change.priorityChanged()) {
            try {
                String text = TimelineNotice.of(
                        issue, issue.priority(), actions.views().timeline(issue.priority()));
                Told told = actions.tellRequesters(jda, issue.number(), text);
                if (told.addressed() > 0) {
                    issues.addHistory(
                            issue.number(),
                            null,
                            "notice",
                            "requesters told the timeline of "
                                    + issue.priority().label() + " (" + told.people() + ")",
                            actions.now());
                }
            } catch (RuntimeException e) {
                log.warn("Telling the requesters of {} the new timeline failed", issue.ref(), e);
            }
        }
        actions.refreshCards(jda, issue.number());
        if (change.becameFixNow()) alertFixNow(jda, issue, why);
    }

    /**
     * "Fix it now" alerts the team channel at once, pinging the owner, or the first engineer role when the issue
     * has nobody yet. The reason is shown but pings nobody else.
     */
    void alertFixNow(JDA jda, Issue issue, String why) {
        String text = "🔥 **" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + " is now **Fix it now**"
                + (why == null || why.isBlank() ? "" : ": " + Safe.truncate(why, 500)) + ".";
        alertTeam(jda, issue, text);
    }

    /** Posts in the team channel addressed to one person, pinging only them. */
    void alertTeamUser(JDA jda, long userId, String text) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) return;
        team.sendMessage(Replies.pinging("<@" + userId + "> " + text, List.of(userId))
                        .build())
                .queue(null, e -> log.warn("Team channel message failed: {}", e.toString()));
    }

    /** Posts in the team channel addressed to the owner (or the engineer role), pinging only them. */
    void alertTeam(JDA jda, Issue issue, String text) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible to Loop; alert for {} not sent",
                    config.channels().team(),
                    issue.ref());
            return;
        }
        var message = issue.ownerId() != null
                ? Replies.pinging("<@" + issue.ownerId() + "> " + text, List.of(issue.ownerId()))
                : Replies.pingingRole("<@&" + engineers.firstRoleId() + "> " + text, engineers.firstRoleId());
        team.sendMessage(message.build())
                .queue(null, e -> log.warn("Alert for {} failed: {}", issue.ref(), e.toString()));
    }
}
