package dev.loop.triage;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import dev.loop.issue.PrioritySource;
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
    private final FixNowAlerts alerts;

    PriorityChanges(IssueActions actions, IssueStore issues, Config config, Engineers engineers, FixNowAlerts alerts) {
        this.actions = actions;
        this.issues = issues;
        this.config = config;
        this.engineers = engineers;
        this.alerts = alerts;
    }

    /** What else happens when an issue becomes Fix it now, whatever the route (flowchart, This blocks me, 🔥). */
    private volatile java.util.function.BiConsumer<JDA, Integer> whenFixNow = (jda, number) -> {};

    /** {@code then} runs after the team was alerted that an issue became Fix it now (the design thread's ping). */
    void whenFixNow(java.util.function.BiConsumer<JDA, Integer> then) {
        this.whenFixNow = then;
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
            PrioritySource source,
            Long actor) {
        IssueStore.PriorityChanged changed = issues.changePriority(
                number,
                new IssueStore.PriorityUpdate(
                        priority,
                        reason,
                        answers,
                        caveat == null ? null : caveat.code(),
                        actions.promiseFrom(priority),
                        triageSummary,
                        source),
                actor,
                actions.now());
        return new Change(changed.before(), changed.after());
    }

    /** Tells everyone who needs to know. Runs after the interaction was answered; failures are logged. */
    void announce(JDA jda, Change change, String why) {
        Issue issue = change.after();
        if (change.priorityChanged()) {
            try {
                // each requester hears only what is news to them; the history says who was told and who was not
                actions.tellTimeline(jda, issue.number());
            } catch (RuntimeException e) {
                log.warn("Telling the requesters of {} the new timeline failed", issue.ref(), e);
            }
        }
        actions.refreshCards(jda, issue.number());
        if (change.becameFixNow()) {
            alertFixNow(jda, issue, why);
            whenFixNow.accept(jda, issue.number());
        }
    }

    /**
     * "Fix it now" alerts the team channel at once, pinging the owner, or the first engineer role when the issue
     * has nobody yet. The reason is shown but pings nobody else.
     */
    void alertFixNow(JDA jda, Issue issue, String why) {
        String text = "🔥 **" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + " is now **Fix it now**"
                + (why == null || why.isBlank() ? "" : ": " + Safe.truncate(why, 500)) + ".";
        alertTeam(jda, issue, text, true);
    }

    /**
     * Someone else pressed This blocks me on an issue that is already Fix it now: the alert already posted says so
     * with the count (an edit pings nobody); only when there is none yet is one posted, pinging as the first would.
     */
    void anotherBlocker(JDA jda, Issue issue, String firstAlertText) {
        FixNowAlerts.Alert alert = alerts.pressed(issue.number()).orElse(null);
        if (alert == null) {
            alertTeam(jda, issue, firstAlertText, true);
            return;
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, alert.channelId());
        if (channel == null) return;
        channel.editMessageById(alert.messageId(), Safe.truncate(alert.current(), 2000))
                .setAllowedMentions(java.util.EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                .queue(null, e -> log.warn("Fix it now alert for {} not updated: {}", issue.ref(), e.toString()));
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

    /**
     * Posts in the team channel addressed to the owner (or the engineer role), pinging only them; a Fix it now alert
     * is remembered so later presses edit it instead of pinging again.
     */
    private void alertTeam(JDA jda, Issue issue, String text, boolean fixNowAlert) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible to Loop; alert for {} not sent",
                    config.channels().team(),
                    issue.ref());
            return;
        }
        String addressed = issue.ownerId() != null
                ? "<@" + issue.ownerId() + "> " + text
                : "<@&" + engineers.firstRoleId() + "> " + text;
        var message = issue.ownerId() != null
                ? Replies.pinging(addressed, List.of(issue.ownerId()))
                : Replies.pingingRole(addressed, engineers.firstRoleId());
        team.sendMessage(message.build())
                .queue(
                        sent -> {
                            if (fixNowAlert)
                                alerts.posted(
                                        issue.number(), team.getIdLong(), sent.getIdLong(), addressed, actions.now());
                        },
                        e -> log.warn("Alert for {} failed: {}", issue.ref(), e.toString()));
    }
}
