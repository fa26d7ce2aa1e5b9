package dev.loop.triage;

import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import dev.loop.issue.TimelineNotice;
import dev.loop.issue.Told;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** `/issue assign`, `/issue working` and `/issue mine`. */
final class Ownership {

    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private final IssueActions actions;
    private final IssueStore issues;
    private final Access access;

    Ownership(IssueActions actions, IssueStore issues, Access access) {
        this.actions = actions;
        this.issues = issues;
        this.access = access;
    }

    void assign(SlashCommandInteractionEvent event) {
        access.requireEngineer(event, "assign issues");
        Issue issue = Issues.active(issues, Issues.number(event), "assigned");
        OptionMapping option = event.getOption("owner");
        if (option == null) throw new UserError("Name the engineer who will own it.");
        User owner = option.getAsUser();
        Member member = option.getAsMember();
        String name = Safe.inline(owner.getEffectiveName(), 80);
        if (owner.isBot()) throw new UserError("Bots can't own issues; pick an engineer.");
        if (member == null) throw new UserError(name + " isn't a member of this server.");
        if (!access.isEngineer(member))
            throw new UserError(name + " isn't an engineer; issues are owned by engineers.");
        if (issue.ownerId() != null && issue.ownerId() == owner.getIdLong()) {
            throw new UserError("**" + issue.ref() + "** is already owned by " + name + ".");
        }
        event.deferReply(true).queue();
        long actor = event.getUser().getIdLong();
        Issue updated = issues.setOwner(issue.number(), owner.getIdLong(), issue.area(), actor, actions.now());
        boolean told = owner.getIdLong() == actor || tellOwner(event, updated, owner, actor);
        actions.refreshCards(event.getJDA(), issue.number());
        event.getHook()
                .editOriginal(MessageEditData.fromCreateData(
                        Replies.text("**" + issue.ref() + "** is now owned by <@" + owner.getIdLong() + ">."
                                + (owner.getIdLong() == actor
                                        ? ""
                                        : told
                                                ? " They've been told by DM."
                                                : " Their DMs are closed, so tell them yourself."))))
                .queue();
    }

    private boolean tellOwner(SlashCommandInteractionEvent event, Issue issue, User owner, long actor) {
        List<Place> places = issues.places(issue.number());
        String text = "You now own **" + issue.ref() + "** " + Safe.inline(issue.title(), 150) + " ("
                + issue.priority().label() + ", " + issue.status().label().toLowerCase(java.util.Locale.ROOT)
                + "), assigned by <@" + actor + ">."
                + (places.isEmpty()
                        ? ""
                        : "\nWhere it came up: " + places.get(0).url())
                + "\nSee it with `/issue show " + issue.number() + "`.";
        try {
            owner.openPrivateChannel()
                    .flatMap(dm -> dm.sendMessage(Replies.text(text)))
                    .complete();
            issues.addHistory(
                    issue.number(), null, "notice", "owner <@" + owner.getIdLong() + "> told by DM", actions.now());
            return true;
        } catch (RuntimeException e) {
            log.info("Could not DM the new owner of {}: {}", issue.ref(), e.toString());
            return false;
        }
    }

    void working(SlashCommandInteractionEvent event) {
        access.requireEngineer(event, "mark issues in progress");
        Issue issue = Issues.active(issues, Issues.number(event), "worked on");
        if (issue.status() == IssueStatus.IN_PROGRESS) {
            throw new UserError("**" + issue.ref() + "** is already in progress"
                    + (issue.ownerId() == null ? "." : " (owner <@" + issue.ownerId() + ">)."));
        }
        event.deferReply(true).queue();
        long actor = event.getUser().getIdLong();
        issues.database().transaction(ctx -> {
            issues.setStatus(
                    issue.number(), IssueStatus.IN_PROGRESS, "<@" + actor + "> is working on it", actor, actions.now());
            // Whoever starts the work owns it unless someone already does.
            if (issue.ownerId() == null) issues.setOwner(issue.number(), actor, issue.area(), actor, actions.now());
        });
        Issue updated = issues.find(issue.number()).orElseThrow();
        Told told = actions.tellRequesters(event.getJDA(), issue.number(), TimelineNotice.working(updated));
        if (told.addressed() > 0) {
            issues.addHistory(
                    issue.number(),
                    null,
                    "notice",
                    "requesters told work has started (" + told.people() + ")",
                    actions.now());
        }
        actions.refreshCards(event.getJDA(), issue.number());
        event.getHook()
                .editOriginal(MessageEditData.fromCreateData(Replies.text("**" + issue.ref() + "** is in progress"
                        + (issue.ownerId() == null ? " and yours" : "") + "; " + whoWasTold(told))))
                .queue();
    }

    /** The end of the engineer's answer: who heard that work started. */
    static String whoWasTold(Told told) {
        int reached = told.reached();
        if (told.addressed() == 0) return "it has no requesters to tell.";
        if (told.unreachable().isEmpty())
            return reached == 1 ? "its requester was told." : "its " + reached + " requesters were told.";
        return reached + " of its " + told.addressed() + " requesters " + (reached == 1 ? "was" : "were") + " told"
                + told.unreachableNote() + ".";
    }

    void mine(SlashCommandInteractionEvent event) {
        access.requireEngineer(event, "list their issues");
        List<Issue> mine = issues.ownedBy(event.getUser().getIdLong());
        if (mine.isEmpty()) {
            event.reply(Replies.text("You don't own any open issues."))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        List<String> rows = mine.stream()
                .map(i -> actions.views().row(i)
                        + (i.promiseDueAt() == null
                                ? ""
                                : " · due <t:" + i.promiseDueAt().getEpochSecond() + ":d>"))
                .toList();
        EmbedBuilder e = Replies.card(Replies.BRAND)
                .setTitle(Replies.title("Your open issues (" + mine.size() + ")"))
                .setDescription(Replies.description(String.join("\n", rows)));
        event.reply(Replies.embed(e.build())).setEphemeral(true).queue();
    }
}
