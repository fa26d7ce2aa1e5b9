package dev.loop.issue;

import dev.loop.core.Services;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /issue reopen} (engineers): a closed issue is open again, as it was before the close (its priority, owner,
 * places and people stay), with a history line saying who reopened it and why. Only a closed issue can be reopened: a
 * duplicate is unmerged, a shipped issue stays shipped (a new problem is a new capture).
 */
final class IssueReopening {

    private final Services services;
    private final IssueStore store;
    private final IssueActions actions;

    IssueReopening(Services services, IssueStore store, IssueActions actions) {
        this.services = services;
        this.store = store;
        this.actions = actions;
    }

    static SubcommandData subcommand() {
        return new SubcommandData("reopen", "Open a closed issue again")
                .addOptions(
                        IssueNumberOption.option("number", "The closed issue"),
                        new OptionData(OptionType.STRING, "reason", "Why it is open again", false).setMaxLength(300));
    }

    void reopen(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "reopen issues");
        int number = IssueNumberOption.read(e, "number");
        Issue issue = store.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
        switch (issue.status()) {
            case CLOSED -> {}
            case DUPLICATE ->
                throw new UserError(issue.ref() + " was merged into "
                        + (issue.duplicateOf() == null ? "another issue" : "#" + issue.duplicateOf())
                        + "; use /issue unmerge to split it out again.");
            case SHIPPED ->
                throw new UserError(issue.ref() + " shipped"
                        + (issue.shippedVersion() == null ? "" : " in " + issue.shippedVersion())
                        + "; if the problem is back, capture it as a new issue.");
            default -> throw new UserError(issue.ref() + " is not closed, so there is nothing to reopen.");
        }
        String reason = e.getOption("reason", "", OptionMapping::getAsString).strip();
        Issue reopened = store.setStatus(
                number,
                IssueStatus.OPEN,
                reason.isEmpty() ? "reopened" : "reopened: " + reason,
                e.getUser().getIdLong(),
                actions.now());
        actions.refreshCards(e.getJDA(), number);
        e.reply(Replies.text("Reopened **" + reopened.ref() + "** " + Safe.inline(reopened.title(), 150) + "."))
                .setEphemeral(true)
                .queue();
    }
}
