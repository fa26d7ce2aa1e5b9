package dev.loop.triage;

import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.PrioritySource;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flowchart, interactively: `/issue triage` and the Yes / No / Done buttons and caveat select (the prompt after
 * a capture is sent by {@link CapturePrompts}). Answers live in the controls until Done; only then is anything written, after checking the
 * issue has not changed since the prompt was shown.
 */
final class TriageFlow {

    private static final Logger log = LoggerFactory.getLogger(TriageFlow.class);
    static final String ACTION = "triage issues";

    private final IssueActions actions;
    private final IssueStore issues;
    private final PriorityChanges changes;
    private final Access access;
    private final DesignThreads design;

    TriageFlow(IssueActions actions, IssueStore issues, PriorityChanges changes, Access access, DesignThreads design) {
        this.actions = actions;
        this.issues = issues;
        this.changes = changes;
        this.access = access;
        this.design = design;
    }

    // ---------------------------------------------------------------- starting a walk

    void slash(SlashCommandInteractionEvent event) {
        access.requireEngineer(event, ACTION);
        Issue issue = Issues.active(issues, Issues.number(event), "triaged");
        event.reply(SolutionQuestion.prompt(issue)).setEphemeral(true).queue();
    }

    /** The priority questions, after "Is the solution straightforward?" was answered. */
    net.dv8tion.jda.api.utils.messages.MessageEditData priorityPrompt(Issue issue) {
        return TriagePrompt.edit(issue, start(issue), counts(issue));
    }

    private TriageState start(Issue issue) {
        TriagePrompt.RecordCounts c = counts(issue);
        return Flowchart.start(Flowchart.broughtUpBefore(c.places(), c.requesters()));
    }

    private TriagePrompt.RecordCounts counts(Issue issue) {
        return new TriagePrompt.RecordCounts(
                issues.places(issue.number()).size(),
                issues.requesters(issue.number()).size());
    }

    // ---------------------------------------------------------------- answering

    void button(ButtonInteractionEvent event) {
        TriageToken token = parse(TriagePrompt.BUTTON_PREFIX, event);
        Issue issue = current(event, token);
        if (token.state().isFinished()) {
            finish(event, issue, token.state());
        } else {
            event.editMessage(TriagePrompt.edit(issue, token.state(), counts(issue)))
                    .queue();
        }
    }

    void caveat(StringSelectInteractionEvent event) {
        TriageToken token = parse(TriagePrompt.CAVEAT_PREFIX, event);
        if (token.state().isFinished() || !token.state().isDecided()) throw broken(token.issueNumber());
        Caveat caveat = event.getValues().stream()
                .findFirst()
                .flatMap(Caveat::parse)
                .orElseThrow(() -> new UserError("Pick one of the caveats in the list."));
        Issue issue = current(event, token);
        finish(event, issue, token.state().finish(caveat));
    }

    private <E extends ComponentInteraction & IMessageEditCallback> void finish(
            E event, Issue issue, TriageState done) {
        TriageResult result = done.result().orElseThrow();
        PriorityChanges.Change change = changes.record(
                issue.number(),
                result.priority(),
                result.reason(),
                done.answersColumn(),
                result.caveat().orElse(null),
                "flowchart: " + done.summary(),
                PrioritySource.FLOWCHART,
                event.getUser().getIdLong());
        event.editMessage(TriagePrompt.finished(
                        change.after(), done, actions.views().timeline(result.priority())))
                .queue(null, e -> log.debug("Triage prompt not updated: {}", e.toString()));
        changes.announce(event.getJDA(), change, result.reason());
        design.pingLeadershipIfFixNow(event.getJDA(), issue.number());
    }

    private TriageToken parse(String prefix, ComponentInteraction event) {
        Optional<TriageToken> token = TriageToken.parse(prefix, event.getComponentId());
        if (token.isEmpty()) {
            throw new UserError(
                    "That triage prompt can't be read any more. Run `/issue triage` again to get a fresh one.");
        }
        return token.get();
    }

    /** The issue as it is now, refusing people who aren't engineers and prompts made before the issue changed. */
    private Issue current(ComponentInteraction event, TriageToken token) {
        access.requireEngineer(event, ACTION);
        Issue issue = issues.find(token.issueNumber())
                .orElseThrow(() -> new UserError("Issue #" + token.issueNumber() + " doesn't exist any more."));
        if (!issue.status().isActive()) {
            throw new UserError(
                    "**" + issue.ref() + "** is " + issue.status().label().toLowerCase(java.util.Locale.ROOT)
                            + " now, so there is nothing to triage.");
        }
        if (token.isStale(issue.revision())) {
            throw new UserError(
                    "This triage prompt for **" + issue.ref() + "** is out of date: the issue changed since "
                            + "it was shown (it is " + issue.priority().label()
                            + " now). Nothing was recorded. Run `/issue triage "
                            + issue.number() + "` to answer with what is current.");
        }
        return issue;
    }

    private static UserError broken(int number) {
        return new UserError("That triage prompt can't be read any more. Run `/issue triage " + number
                + "` again to get a fresh one.");
    }
}
