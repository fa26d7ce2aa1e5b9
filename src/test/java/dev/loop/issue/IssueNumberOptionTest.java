package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.discord.UserError;
import org.junit.jupiter.api.Test;

class IssueNumberOptionTest {

    @Test
    void acceptsNumbersHashNumbersAndPickedChoices() {
        assertThat(IssueNumberOption.parse("12")).isEqualTo(12);
        assertThat(IssueNumberOption.parse(" #12 ")).isEqualTo(12);
        assertThat(IssueNumberOption.parse("#12 Dark mode forgets its setting")).isEqualTo(12);
    }

    @Test
    void refusesWordsZeroAndHugeNumbersWithASentence() {
        assertThatThrownBy(() -> IssueNumberOption.parse("dark mode"))
                .isInstanceOf(UserError.class)
                .hasMessage("\"dark mode\" is not an issue: pick one from the list or type its number, like 12.");
        assertThatThrownBy(() -> IssueNumberOption.parse("0"))
                .isInstanceOf(UserError.class)
                .hasMessage("There is no issue #0.");
        assertThatThrownBy(() -> IssueNumberOption.parse("12345678901")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> IssueNumberOption.parse("@everyone"))
                .isInstanceOf(UserError.class)
                .hasMessageNotContaining("@everyone");
    }
}
