package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Fixtures;
import dev.loop.issue.Issue;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** The prompt's controls carry the state they lead to, within Discord's limits. */
class TriagePromptTest {

    static final Issue ISSUE = Fixtures.numbered(1234567)
            .title("Installer crashes <@99>")
            .summary("s")
            .revision(41)
            .createdBy(1L)
            .at(Instant.EPOCH)
            .build();
    static final TriagePrompt.RecordCounts COUNTS = new TriagePrompt.RecordCounts(2, 1);

    private static List<Button> buttons(MessageCreateData m) {
        return m.getComponents().stream()
                .map(c -> (ActionRow) c)
                .flatMap(r -> r.getButtons().stream())
                .toList();
    }

    /**
     * An issue the record says was brought up before, answered No to blocked, a new user and quick: the prompt at
     * the pre-answered question.
     */
    static TriageState noToTheFirstThree() {
        return Flowchart.start(true)
                .answer(Question.USER_BLOCKED, false)
                .answer(Question.NEW_USER, false)
                .answer(Question.QUICK_CHANGE, false);
    }

    @Test
    void firstQuestionHasYesAndNoLeadingToTheNextStates() {
        TriageState start = Flowchart.start(true);
        MessageCreateData m = TriagePrompt.create(ISSUE, start, COUNTS);
        assertThat(m.getContent())
                .contains("**Question 1 of 4:** Is a user blocked by it?")
                .doesNotContain("<@99>");
        assertThat(buttons(m)).extracting(Button::getLabel).containsExactly("Yes", "No");
        assertThat(buttons(m).get(0).getCustomId()).isEqualTo("tri:1234567:41:yy");
        assertThat(buttons(m).get(1).getCustomId()).isEqualTo("tri:1234567:41:yn");
    }

    @Test
    void preAnsweredBroughtUpBeforeCanBeOverriddenThenDoneOrCaveat() {
        TriageState s = noToTheFirstThree();
        MessageCreateData m = TriagePrompt.create(ISSUE, s, COUNTS);
        assertThat(m.getContent())
                .contains("Has it been brought up before? **Yes** (from the record: 2 places, 1 requester)")
                .contains("Result: **High**");
        assertThat(buttons(m)).extracting(Button::getLabel).containsExactly("Yes", "No", "Done");
        assertThat(buttons(m))
                .extracting(Button::getCustomId)
                .containsExactly("tri:1234567:41:ynnnY", "tri:1234567:41:ynnnn", "tri:1234567:41:ynnnY!")
                .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(100));
        StringSelectMenu select = m.getComponents().stream()
                .map(c -> (ActionRow) c)
                .flatMap(r -> r.getComponents().stream())
                .filter(StringSelectMenu.class::isInstance)
                .map(StringSelectMenu.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(select.getCustomId()).isEqualTo("tric:1234567:41:ynnnY");
        assertThat(select.getOptions())
                .extracting(o -> o.getLabel())
                .containsExactly(
                        "Requested by a valued community member → Fix it now",
                        "A contributor needs it → Fix it now",
                        "A novel solution with big impact → Fix it now");
    }

    @Test
    void overridingShowsItWasChanged() {
        TriageState s = noToTheFirstThree().answer(Question.BROUGHT_UP_BEFORE, false);
        MessageCreateData m = TriagePrompt.create(ISSUE, s, COUNTS);
        assertThat(m.getContent())
                .contains("**No** (you changed the record's answer)")
                .contains("Result: **Low**");
    }

    @Test
    void aYesEndsTheQuestionsWithOnlyDoneAndCaveats() {
        TriageState s = Flowchart.start(false).answer(Question.USER_BLOCKED, true);
        MessageCreateData m = TriagePrompt.create(ISSUE, s, COUNTS);
        assertThat(buttons(m)).extracting(Button::getLabel).containsExactly("Done");
        assertThat(m.getContent()).contains("Result: **Fix it now** (a user is blocked by it)");
    }
}
