package dev.loop.triage;

import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * How a triage walk looks: one message that is edited in place as the engineer answers. Every control carries the
 * issue, its revision and the state it leads to, so nothing is kept in memory between presses.
 */
final class TriagePrompt {

    /** Yes / No / Done buttons. */
    static final String BUTTON_PREFIX = "tri";
    /** The caveat select. */
    static final String CAVEAT_PREFIX = "tric";

    static final String YES = "Yes";
    static final String NO = "No";
    static final String DONE = "Done";

    /** What the record says about "brought up before", for the pre-answer line. */
    record RecordCounts(int places, int requesters) {}

    private TriagePrompt() {}

    static MessageCreateData create(Issue issue, TriageState state, RecordCounts counts) {
        Rendered r = render(issue, state, counts);
        return new MessageCreateBuilder()
                .setContent(r.content())
                .setComponents(r.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    static MessageEditData edit(Issue issue, TriageState state, RecordCounts counts) {
        Rendered r = render(issue, state, counts);
        return new MessageEditBuilder()
                .setContent(r.content())
                .setComponents(r.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** The prompt after the result was recorded: a summary and no controls. */
    static MessageEditData finished(Issue issue, TriageState state, String timeline) {
        TriageResult result = state.result().orElseThrow();
        StringBuilder b = new StringBuilder();
        b.append("✅ **")
                .append(issue.ref())
                .append("** ")
                .append(Safe.inline(issue.title(), 150))
                .append(" is triaged: **")
                .append(result.priority().label())
                .append("**\n");
        appendAnswers(b, state, null);
        b.append("Why: ").append(result.reason()).append('\n');
        b.append("Timeline for the requesters: ").append(timeline);
        return new MessageEditBuilder()
                .setContent(Safe.truncate(b.toString(), Message.MAX_CONTENT_LENGTH))
                .setComponents(List.of())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    private record Rendered(String content, List<ActionRow> rows) {}

    private static Rendered render(Issue issue, TriageState state, RecordCounts counts) {
        StringBuilder b = new StringBuilder();
        b.append("**Triage ")
                .append(issue.ref())
                .append("** ")
                .append(Safe.inline(issue.title(), 150))
                .append('\n');
        appendAnswers(b, state, counts);
        List<ActionRow> rows = new ArrayList<>();
        Optional<Question> current = state.currentQuestion();
        if (current.isPresent()) {
            Question q = current.get();
            b.append("**Question ")
                    .append(q.ordinal() + 1)
                    .append(" of ")
                    .append(Question.values().length)
                    .append(":** ")
                    .append(q.text());
            rows.add(ActionRow.of(
                    Button.primary(id(issue, state.answer(q, true)), YES),
                    Button.secondary(id(issue, state.answer(q, false)), NO)));
        } else {
            TriageResult result = state.result().orElseThrow();
            b.append("Result: **")
                    .append(result.priority().label())
                    .append("** (")
                    .append(result.reason())
                    .append(")\n");
            List<Button> buttons = new ArrayList<>();
            if (state.canOverrideBroughtUpBefore()) {
                boolean yes =
                        state.answerTo(Question.BROUGHT_UP_BEFORE).orElseThrow().yes();
                b.append("Change the answer to *")
                        .append(Question.BROUGHT_UP_BEFORE.text())
                        .append("* with Yes or No, ");
                buttons.add(
                        yes
                                ? Button.success(id(issue, state.answer(Question.BROUGHT_UP_BEFORE, true)), YES)
                                : Button.secondary(id(issue, state.answer(Question.BROUGHT_UP_BEFORE, true)), YES));
                buttons.add(
                        !yes
                                ? Button.success(id(issue, state.answer(Question.BROUGHT_UP_BEFORE, false)), NO)
                                : Button.secondary(id(issue, state.answer(Question.BROUGHT_UP_BEFORE, false)), NO));
            }
            b.append("press **Done** to record it, or pick a caveat to raise it.");
            buttons.add(Button.primary(id(issue, state.finish()), DONE));
            rows.add(ActionRow.of(buttons));
            StringSelectMenu.Builder caveats = StringSelectMenu.create(
                            new TriageToken(issue.number(), issue.revision(), state).toCustomId(CAVEAT_PREFIX))
                    .setPlaceholder("Raise it for a caveat…");
            for (Caveat c : Caveat.values()) {
                caveats.addOption(
                        Safe.truncate(
                                capitalise(c.reason()) + " → "
                                        + state.previewWith(c).priority().label(),
                                100),
                        c.code());
            }
            rows.add(ActionRow.of(caveats.build()));
        }
        return new Rendered(Safe.truncate(b.toString(), Message.MAX_CONTENT_LENGTH), rows);
    }

    private static void appendAnswers(StringBuilder b, TriageState state, RecordCounts counts) {
        for (TriageState.Answer a : state.answers()) {
            b.append("• ")
                    .append(a.question().text())
                    .append(" **")
                    .append(a.yes() ? "Yes" : "No")
                    .append("**");
            if (a.question() == Question.BROUGHT_UP_BEFORE
                    && state.recordSaysBroughtUpBefore().isPresent()) {
                if (a.fromRecord()) {
                    b.append(" (from the record");
                    if (counts != null) {
                        b.append(": ")
                                .append(plural(counts.places(), "place"))
                                .append(", ")
                                .append(plural(counts.requesters(), "requester"));
                    }
                    b.append(')');
                } else {
                    b.append(" (you changed the record's answer)");
                }
            }
            b.append('\n');
        }
    }

    static String id(Issue issue, TriageState next) {
        return new TriageToken(issue.number(), issue.revision(), next).toCustomId(BUTTON_PREFIX);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
