package dev.loop.triage;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Told;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * `/issue propose`: a solution shown to the requesters in every source thread, with **Solves it** /
 * **Doesn't solve it**. Only the requesters' answers count.
 */
final class Proposals {

    static final String MODAL_PREFIX = "prop";
    static final String ANSWER_PREFIX = "psol";

    /** {@code prop:<issue>}: the form that proposes a solution. */
    static final Shape PROPOSE_FORM =
            Shape.of(MODAL_PREFIX, "That form can't be read any more; run `/issue propose` again.", Kind.NUMBER);

    /**
     * {@code psol:<proposal>:<y|n>}. The proposal's own id pins what was asked: a proposal never changes once shown,
     * and a newer one comes with its own buttons, so an answer can't land on something the person didn't read.
     */
    static final Shape ANSWER = Shape.of(ANSWER_PREFIX, "That proposal can't be found any more.", Kind.ID, Kind.WORD)
            .words("y", "n");

    static final String SOLVES = "Solves it";
    static final String DOES_NOT_SOLVE = "Doesn't solve it";
    /** Room is left for the mentions of a thread's requesters within Discord's 2,000 characters. */
    static final int SOLUTION_MAX = 900;

    static final int SNIPPET_MAX = 400;

    private final IssueActions actions;
    private final IssueStore issues;
    private final TriageStore store;
    private final Access access;

    Proposals(IssueActions actions, IssueStore issues, TriageStore store, Access access) {
        this.actions = actions;
        this.issues = issues;
        this.store = store;
        this.access = access;
    }

    void command(SlashCommandInteractionEvent event) {
        access.requireEngineer(event, "propose solutions");
        Issue issue = Issues.active(issues, Issues.number(event), "given a proposed solution");
        requireRequesters(issue);
        TextInput solution = TextInput.create("solution", TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(SOLUTION_MAX)
                .setPlaceholder("What we plan to do, in words the requesters understand")
                .build();
        TextInput snippet = TextInput.create("snippet", TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(SNIPPET_MAX)
                .setPlaceholder("Optional: how it would look or be used")
                .build();
        Modal modal = Modal.create(
                        PROPOSE_FORM.id(issue.number()), Safe.truncate("Propose a solution for " + issue.ref(), 45))
                .addComponents(Label.of("Solution", solution), Label.of("Snippet (optional)", snippet))
                .build();
        event.replyModal(modal).queue();
    }

    void submitted(ModalInteractionEvent event) {
        access.requireEngineer(event, "propose solutions");
        int number = PROPOSE_FORM.parse(event.getModalId()).orRefuse().number(0);
        Issue issue = Issues.active(issues, number, "given a proposed solution");
        requireRequesters(issue);
        String solution = value(event, "solution");
        String snippet = value(event, "snippet");
        if (solution.isBlank()) throw new UserError("Write the proposed solution; it can't be empty.");
        event.deferReply(true).queue();
        long actor = event.getUser().getIdLong();
        Proposal proposal = store.propose(
                number,
                Safe.truncate(solution, SOLUTION_MAX),
                snippet.isBlank() ? null : Safe.truncate(snippet, SNIPPET_MAX),
                actor,
                actions.now());
        Told told = actions.tellRequesters(
                event.getJDA(),
                number,
                text(issue, proposal),
                List.of(ActionRow.of(
                        Button.success(ANSWER.id(proposal.id(), "y"), SOLVES),
                        Button.danger(ANSWER.id(proposal.id(), "n"), DOES_NOT_SOLVE))));
        issues.addHistory(
                number,
                null,
                "notice",
                "proposal " + proposal.id() + " shown to the requesters (" + told.people() + ")",
                actions.now());
        actions.refreshCards(event.getJDA(), number);
        int reached = told.reached();
        event.getHook()
                .editOriginal(MessageEditData.fromCreateData(Replies.text("Proposed to "
                        + (reached == 1 ? "the requester" : "the " + reached + " requesters") + " of **" + issue.ref()
                        + "**" + told.unreachableNote() + "; their answers will show on the issue card.")))
                .queue();
    }

    static String text(Issue issue, Proposal p) {
        StringBuilder b = new StringBuilder();
        b.append("💡 A proposed solution for **")
                .append(issue.ref())
                .append("** ")
                .append(Safe.inline(issue.title(), 120))
                .append(":\n")
                .append(quote(Safe.block(p.solution(), SOLUTION_MAX)));
        if (p.snippet() != null) b.append('\n').append(Safe.codeBlock(p.snippet(), null, SNIPPET_MAX + 20));
        b.append("\nDoes this solve your problem? Only the people who asked can answer.");
        return b.toString();
    }

    /**
     * A block quote of an already safe passage; capped because every line adds a marker. When the markers would
     * overflow, the passage itself is shortened (through {@link Safe#block}, so it stays inert).
     */
    static String quote(String safe) {
        String quoted = "> " + safe.replace("\n", "\n> ");
        int over = quoted.length() - QUOTE_MAX;
        if (over <= 0) return quoted;
        return quote(Safe.block(safe, Math.max(safe.length() - over, 16)));
    }

    static final int QUOTE_MAX = SOLUTION_MAX + 100;

    void answer(ButtonInteractionEvent event) {
        ComponentId id = ANSWER.parse(event.getComponentId()).orRefuse();
        Proposal proposal =
                store.proposal(id.id(0)).orElseThrow(() -> new UserError("That proposal can't be found any more."));
        boolean solves = id.field(1).equals("y");
        long user = event.getUser().getIdLong();
        Issue issue = issues.find(proposal.issueNumber()).orElseThrow();
        requireRequester(issue, user);
        if (!solves) {
            // What is still missing is the useful part of a "no": ask for it before recording the answer.
            event.replyModal(missingForm(issue, new MissingFormId(proposal.id())))
                    .queue();
            return;
        }
        TriageStore.AnswerOutcome outcome = store.answer(proposal, user, solves, actions.now());
        String said = solves ? "it solves your problem" : "it doesn't solve your problem";
        event.reply(Replies.text(
                        switch (outcome) {
                            case SAME -> "You already said " + said + ".";
                            case CHANGED -> "Changed your answer: " + said + ". Thanks!";
                            case NEW ->
                                "Thanks — noted that " + said + (solves ? "." : "; the team will take another look.");
                        }))
                .setEphemeral(true)
                .queue();
        if (outcome != TriageStore.AnswerOutcome.SAME) actions.refreshCards(event.getJDA(), issue.number());
    }

    private static Modal missingForm(Issue issue, MissingFormId id) {
        TextInput missing = TextInput.create("missing", TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(TriageStore.MISSING_MAX)
                .setPlaceholder("What would you still need for it to solve your problem?")
                .build();
        return Modal.create(id.toCustomId(), Safe.truncate("What is still missing for " + issue.ref() + "?", 45))
                .addComponents(Label.of("What is still missing", missing))
                .build();
    }

    /** The answer to "What is still missing?": recorded, and the owner (or the team) hears it once. */
    void missingSubmitted(ModalInteractionEvent event) {
        Proposal proposal = MissingFormId.parse(event.getModalId())
                .flatMap(id -> store.proposal(id.proposalId()))
                .orElseThrow(() -> new UserError("That proposal can't be found any more."));
        Issue issue = issues.find(proposal.issueNumber()).orElseThrow();
        long user = event.getUser().getIdLong();
        requireRequester(issue, user);
        String missing = value(event, "missing").strip();
        if (missing.isEmpty()) throw new UserError("Say what is still missing; it can't be empty.");
        missing = Safe.truncate(missing, TriageStore.MISSING_MAX);
        TriageStore.Rejection rejection = store.reject(proposal, user, missing, actions.now());
        event.reply(Replies.text(
                        switch (rejection.outcome()) {
                            case SAME -> "You already told us that; the team has it.";
                            case CHANGED ->
                                "Changed your answer: it doesn't solve your problem. Thanks — the team "
                                        + "has what is still missing.";
                            case NEW ->
                                "Thanks — noted that it doesn't solve your problem; the team has what is "
                                        + "still missing and will take another look.";
                        }))
                .setEphemeral(true)
                .queue();
        if (rejection.outcome() != TriageStore.AnswerOutcome.SAME) actions.refreshCards(event.getJDA(), issue.number());
        if (rejection.tellOwner()) tellOwner(event.getJDA(), issue, user, missing);
    }

    static String missingText(Issue issue, long requester, String missing, boolean toOwner) {
        return "👎 <@" + requester + "> says the proposed solution for **" + issue.ref() + "** "
                + Safe.inline(issue.title(), 120) + " doesn't solve their problem"
                + (toOwner ? "" : " (it has no owner yet)") + ". What is still missing:\n"
                + quote(Safe.block(missing, TriageStore.MISSING_MAX))
                + "\nSee the record with `/issue show " + issue.number() + "`.";
    }

    /** A DM to the owner; the team channel when there is no owner or their DMs are closed. */
    private void tellOwner(net.dv8tion.jda.api.JDA jda, Issue issue, long requester, String missing) {
        Long owner = issue.ownerId();
        if (owner == null) {
            actions.announce(jda, missingText(issue, requester, missing, false));
            return;
        }
        jda.openPrivateChannelById(owner)
                .flatMap(dm -> dm.sendMessage(Replies.text(missingText(issue, requester, missing, true))))
                .queue(
                        sent -> issues.addHistory(
                                issue.number(),
                                null,
                                "notice",
                                "owner <@" + owner + "> told by DM what is still missing for <@" + requester + ">",
                                actions.now()),
                        failed -> actions.announce(
                                jda,
                                missingText(issue, requester, missing, true) + "\n(<@" + owner
                                        + ">'s DMs are closed, so it is posted here.)"));
    }

    private void requireRequester(Issue issue, long user) {
        // After a merge the requesters live on the issue it was merged into.
        boolean requester = issues.requesters(issue.number()).stream().anyMatch(r -> r.userId() == user)
                || (issue.duplicateOf() != null
                        && issues.requesters(issue.duplicateOf()).stream().anyMatch(r -> r.userId() == user));
        if (!requester) {
            throw new UserError("Only the people who asked for **" + issue.ref() + "** can answer this. If it affects "
                    + "you too, press **Me too** on the issue's card first.");
        }
    }

    private void requireRequesters(Issue issue) {
        if (issues.requesters(issue.number()).isEmpty()) {
            throw new UserError("**" + issue.ref() + "** has no requesters to ask yet.");
        }
    }

    private static String value(ModalInteractionEvent event, String id) {
        ModalMapping m = event.getValue(id);
        return m == null ? "" : m.getAsString();
    }
}
