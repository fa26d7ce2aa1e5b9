package dev.loop.triage;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.Priority;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that needs design gets a thread in the team channel, once per issue: the outline the team discusses (root
 * cause, prior art with pros and cons, the options weighed, the proposed solution, how it fits the rest of the
 * product), addressed to the owner (or the team when nobody owns it yet) so the proposed solution is filled in
 * before the discussion. An issue that is also Fix it now pings the on-call leadership role ({@code
 * roles.leadership}) in that thread, once.
 */
final class DesignThreads {

    private static final Logger log = LoggerFactory.getLogger(DesignThreads.class);

    /** The history entry type that marks an issue as needing design; the card shows "design" until a proposal. */
    static final String HISTORY_TYPE = dev.loop.issue.IssueRecordView.NEEDS_DESIGN;

    private final IssueActions actions;
    private final IssueStore issues;
    private final DesignThreadStore store;
    private final Config config;
    private final Engineers engineers;

    DesignThreads(
            IssueActions actions, IssueStore issues, DesignThreadStore store, Config config, Engineers engineers) {
        this.actions = actions;
        this.issues = issues;
        this.store = store;
        this.config = config;
        this.engineers = engineers;
    }

    /** What a press of Needs design found: a thread opened now, or the one opened before (empty while being made). */
    record Opened(boolean now, Optional<Long> threadId) {}

    /**
     * Marks the issue as needing design and opens its thread, unless one was opened before. The record is written
     * here; the thread is made in the background (a failure releases the claim so the next press tries again).
     */
    Opened needsDesign(JDA jda, Issue issue, long actor) {
        long team = config.channels().team();
        if (!store.claim(issue.number(), team, actor, actions.now())) {
            return new Opened(false, store.find(issue.number()).flatMap(DesignThreadStore.DesignThread::threadId));
        }
        issues.addHistory(
                issue.number(),
                actor,
                HISTORY_TYPE,
                "needs design: the solution is not straightforward; a design thread was opened in the team channel",
                actions.now());
        actions.refreshCards(jda, issue.number());
        TextChannel channel = jda.getTextChannelById(team);
        if (channel == null) {
            log.warn("Team channel {} is not visible to Loop; no design thread for {}", team, issue.ref());
            store.release(issue.number());
            return new Opened(true, Optional.empty());
        }
        channel.createThreadChannel(Safe.truncate("Design " + issue.ref() + " " + Safe.oneLineRaw(issue.title()), 100))
                .queue(
                        thread -> {
                            store.opened(issue.number(), thread.getIdLong());
                            thread.sendMessage(outline(issue))
                                    .queue(
                                            sent -> pingLeadershipIfFixNow(jda, issue.number()),
                                            e -> log.warn(
                                                    "Design outline for {} not posted: {}", issue.ref(), e.toString()));
                        },
                        e -> {
                            log.warn("Design thread for {} not opened: {}", issue.ref(), e.toString());
                            store.release(issue.number());
                        });
        return new Opened(true, Optional.empty());
    }

    /**
     * After a priority change: when the issue is Fix it now and has a design thread, the leadership role (when one
     * is configured) is pinged there, once per issue.
     */
    void pingLeadershipIfFixNow(JDA jda, int number) {
        Optional<Long> role = config.leadershipRole();
        if (role.isEmpty()) return;
        Optional<Issue> issue = issues.find(number);
        if (issue.isEmpty() || issue.get().priority() != Priority.FIX_NOW) return;
        Optional<Long> threadId = store.find(number).flatMap(DesignThreadStore.DesignThread::threadId);
        if (threadId.isEmpty()) return; // the thread's own opening pings once it exists
        ThreadChannel thread = jda.getThreadChannelById(threadId.get());
        if (thread == null || !store.claimLeadershipPing(number, actions.now())) return;
        String text = "<@&" + role.get() + "> " + IssueViews.named(issue.get())
                + " needs design and is **Fix it now**: it needs someone from leadership in this discussion soon.";
        thread.sendMessage(Replies.pingingRole(text, role.get()).build()).queue(null, e -> {
            log.warn("Leadership ping for #{} not sent: {}", number, e.toString());
            store.leadershipPingFailed(number);
        });
    }

    private net.dv8tion.jda.api.utils.messages.MessageCreateData outline(Issue issue) {
        String who = issue.ownerId() != null ? "<@" + issue.ownerId() + ">" : "<@&" + engineers.firstRoleId() + ">";
        StringBuilder b = new StringBuilder();
        b.append(who)
                .append(" ")
                .append(IssueViews.named(issue))
                .append(" needs design. ")
                .append(issue.ownerId() != null ? "Please" : "Whoever takes it, please")
                .append(" fill in the proposed solution below before the team discusses it, then show it to the ")
                .append("requesters with `/issue propose ")
                .append(issue.number())
                .append("`.\n\n")
                .append("**Root cause:** what is really behind it?\n")
                .append("**Prior art:** how others solve it, with the pros and cons of each.\n")
                .append("**Options weighed:** what we could do, and what each costs.\n")
                .append("**Proposed solution:** to be filled in by the owner.\n")
                .append("**How it fits the rest of the product:** what it touches, and what stays consistent.");
        MessageCreateBuilder message = issue.ownerId() != null
                ? Replies.pinging(b.toString(), List.of(issue.ownerId()))
                : Replies.pingingRole(b.toString(), engineers.firstRoleId());
        return message.build();
    }
}
