package dev.loop.triage;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.util.EnumSet;
import java.util.Locale;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The process's first triage step, before priority: "Is the solution straightforward?". **Straightforward** goes on
 * to the priority questions as before; **Needs design** opens the issue's design thread ({@link DesignThreads}) and
 * then goes on to the priority questions, so an urgent design issue is known to be urgent. The buttons carry the
 * issue's revision: a prompt drawn before the issue changed is refused.
 */
final class SolutionQuestion {

    static final String PREFIX = "trisol";
    static final String STRAIGHTFORWARD = "Straightforward";
    static final String NEEDS_DESIGN = "Needs design";
    static final String TEXT = "Is the solution straightforward?";

    private static final String STRAIGHT = "straight";
    private static final String DESIGN = "design";

    static final Shape ID = Shape.of(
                    PREFIX,
                    "That triage prompt can't be read any more. Run `/issue triage` again to get a fresh one.",
                    Kind.NUMBER,
                    Kind.REVISION,
                    Kind.WORD)
            .words(STRAIGHT, DESIGN)
            .stale("This triage prompt is out of date: the issue changed since it was shown. Nothing was recorded; "
                    + "run `/issue triage` again.");

    private final IssueStore issues;
    private final DesignThreads design;
    private final Access access;
    private final TriageFlow flow;

    SolutionQuestion(IssueStore issues, DesignThreads design, Access access, TriageFlow flow) {
        this.issues = issues;
        this.design = design;
        this.access = access;
        this.flow = flow;
    }

    /** The first prompt of a triage walk: the question with its two answers. */
    static MessageCreateData prompt(Issue issue) {
        String content = "**Triage " + issue.ref() + "** " + Safe.inline(issue.title(), 150) + "\n**First:** " + TEXT
                + "\nStraightforward work goes on to its priority; work that needs design gets a design thread in "
                + "the team channel with the outline to fill in, then its priority.";
        return new MessageCreateBuilder()
                .setContent(content)
                .setComponents(ActionRow.of(
                        Button.primary(ID.id(issue.number(), issue.revision(), STRAIGHT), STRAIGHTFORWARD),
                        Button.secondary(ID.id(issue.number(), issue.revision(), DESIGN), NEEDS_DESIGN)))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    void press(ButtonInteractionEvent event) {
        ComponentId.Valid valid = ID.parse(event.getComponentId()).valid();
        access.requireEngineer(event, TriageFlow.ACTION);
        int number = valid.id().number(0);
        Issue issue = issues.find(number)
                .orElseThrow(
                        () -> new dev.loop.core.discord.UserError("Issue #" + number + " doesn't exist any more."));
        if (!issue.status().isActive()) {
            throw new dev.loop.core.discord.UserError("**" + issue.ref() + "** is "
                    + issue.status().label().toLowerCase(Locale.ROOT) + " now, so there is nothing to triage.");
        }
        valid.against(issue.revision()).orRefuse();
        String answer;
        if (valid.id().field(2).equals(DESIGN)) {
            DesignThreads.Opened opened =
                    design.needsDesign(event.getJDA(), issue, event.getUser().getIdLong());
            answer = "**No, it needs design** — "
                    + (opened.now()
                            ? "the design thread is being opened in the team channel"
                            : opened.threadId()
                                    .map(id -> "its design thread is <#" + id + ">")
                                    .orElse("its design thread is being opened in the team channel"));
        } else {
            answer = "**Yes**";
        }
        MessageEditData next = flow.priorityPrompt(issues.find(number).orElse(issue));
        String content = next.getContent();
        int firstLineEnd = content.indexOf('\n');
        String withAnswer = firstLineEnd < 0
                ? content + "\n• " + TEXT + " " + answer
                : content.substring(0, firstLineEnd + 1) + "• " + TEXT + " " + answer + content.substring(firstLineEnd);
        event.editMessage(MessageEditBuilder.from(next)
                        .setContent(Safe.truncate(withAnswer, Message.MAX_CONTENT_LENGTH))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }
}
