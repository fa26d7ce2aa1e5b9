package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a start knows Loop's own triage prompt of an issue among a DM's messages: by a button whose id names it. */
class CapturePromptsTest {

    @Test
    void theFirstQuestionsButtonsNameTheirIssue() {
        String straightforward = SolutionQuestion.ID.id(12, 3, "straight");
        assertThat(CapturePrompts.asksAbout(straightforward, 12)).isTrue();
        assertThat(CapturePrompts.asksAbout(straightforward, 1)).isFalse();
        assertThat(CapturePrompts.asksAbout(straightforward, 120)).isFalse();
    }

    @Test
    void theLaterQuestionsButtonsNameTheirIssueToo() {
        String yes = new TriageToken(12, 3, Flowchart.start()).toCustomId(TriagePrompt.BUTTON_PREFIX);
        assertThat(CapturePrompts.asksAbout(yes, 12)).isTrue();
        assertThat(CapturePrompts.asksAbout(yes, 13)).isFalse();
    }

    @Test
    void otherControlsAndNoIdAreNotAPrompt() {
        assertThat(CapturePrompts.asksAbout(null, 12)).isFalse();
        assertThat(CapturePrompts.asksAbout("", 12)).isFalse();
        assertThat(CapturePrompts.asksAbout("metoo:12:3", 12)).isFalse();
        assertThat(CapturePrompts.asksAbout("trisol:12", 12)).isFalse();
    }
}
