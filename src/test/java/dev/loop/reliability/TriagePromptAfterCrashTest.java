package dev.loop.reliability;

import static dev.loop.db.Tables.TRIAGE_PROMPT;
import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.tables.records.TriagePromptRecord;
import dev.loop.issue.Fixtures;
import dev.loop.issue.IssueKind;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Priority;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The triage prompt a capture owes its engineer, exactly once at any restart: Loop stopped dead after storing a
 * capture (before its prompt) or after sending the prompt (before recording it), started again an hour later, sends
 * the one missing prompt or finds and records the one it sent; a capture whose prompt was recorded gets no second,
 * nor does one triaged meanwhile by another route or an issue imported from GitHub get a late one.
 */
@EndToEnd
class TriagePromptAfterCrashTest {

    static final String STORED = "capture.issue.stored";
    static final String SENT = "triage.prompt.sent";

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @RegisterExtension
    final StopDead stopDead = new StopDead(s);

    final IssueCards cards = new IssueCards(s);

    /** The triage prompts of issue {@code number} Loop sent erin by DM (a finished one reads "✅ **#N** … is triaged"). */
    static List<SimMessage> dmPrompts(int number) {
        return s.erin.dmsFromBot().stream()
                .filter(m -> m.content().startsWith("**Triage #" + number + "**")
                        || m.content().startsWith("✅ **#" + number + "**"))
                .toList();
    }

    static Optional<TriagePromptRecord> recorded(int number) {
        return s.db.read(ctx -> ctx.selectFrom(TRIAGE_PROMPT)
                .where(TRIAGE_PROMPT.ISSUE_NUMBER.eq(number))
                .fetchOptional());
    }

    /** erin captures a new post by /capture and Loop stops dead right after storing it; an hour later it starts. */
    int capturedJustBeforeAStop(String title, String body) throws InterruptedException {
        SimChannel post = s.alice.postInForum(s.support, title, body);
        stopDead.at(STORED);
        SimInteraction capture = cards.captureAnyway(post, stopDead::reached);
        stopDead.thenStartAnHourLater();
        assertThat(capture.replies()).noneMatch(m -> m.content().startsWith("**Triage #"));
        return s.issues().findByChannel(post.id()).orElseThrow().number();
    }

    @Test
    void aCaptureStoppedBeforeItsPromptGetsExactlyOnePromptAnHourLater() throws Exception {
        int number = capturedJustBeforeAStop("Heron charts blank", "Charts stay blank after login");

        SimMessage prompt = s.erin.awaitDm(m -> m.content().startsWith("**Triage #" + number + "**"));
        assertThat(prompt.content()).contains("You captured it just before Loop stopped");
        assertThat(prompt.buttonLabels()).containsExactly("Straightforward", "Needs design");
        eventually("the prompt to be recorded", () -> recorded(number).isPresent());
        assertThat(recorded(number).orElseThrow().getMessageId()).isEqualTo(prompt.id());
        assertThat(dmPrompts(number)).containsExactly(prompt);
    }

    @Test
    void aPromptSentJustBeforeACrashIsRecordedNotSentAgainAndItsButtonsWork() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Heron export stalls", "Exports stall at half way");
        stopDead.at(SENT);
        int number = s.pin(post.starterMessage(), "Heron export stalls"); // its DM prompt went out
        assertThat(recorded(number)).isEmpty();
        stopDead.thenStartAnHourLater();

        eventually(
                "the prompt sent before the stop to be recorded",
                () -> recorded(number).isPresent());
        SimMessage prompt = dmPrompts(number).getFirst();
        assertThat(recorded(number).orElseThrow().getMessageId()).isEqualTo(prompt.id());
        assertThat(dmPrompts(number)).hasSize(1);

        SimMessage decided = s.erin.pressButton(Captured.straightforward(s.erin, prompt), "Yes")
                .awaitUpdate();
        assertThat(s.erin.pressButton(decided, "Done").awaitUpdate().content()).contains("is triaged: **Fix it now**");
        assertThat(dmPrompts(number)).hasSize(1);
    }

    @Test
    void anOrdinaryCaptureIsNotPromptedAgainAtTheNextStart() throws Exception {
        Captured c = s.capture(s.alice, "Heron fonts tiny", "Fonts are tiny on large screens");
        eventually("its prompt to be recorded", () -> recorded(c.number()).isPresent());
        // a later capture left without its prompt: once it has one, the start went through every older issue
        int later = capturedJustBeforeAStop("Heron tabs vanish", "Tabs vanish after a reload");
        s.erin.awaitDm(m -> m.content().startsWith("**Triage #" + later + "**"));

        assertThat(dmPrompts(c.number())).isEmpty();
        assertThat(recorded(c.number()).orElseThrow().getRoute()).isEqualTo("ephemeral");
    }

    /** An issue stored as a capture or an import stores it, with no prompt sent: what another route leaves. */
    int stored(String title, NewPlace place) {
        return s.storeIssue(
                        new NewIssue(title, IssueKind.BUG, "summary of " + title, false, null, null), place, List.of())
                .number();
    }

    @Test
    void aCaptureTriagedByAnotherRouteAndAnImportedIssueGetNoLatePrompt() throws Exception {
        int triaged = stored("Heron zoom resets", Fixtures.forumPost(990_001L));
        s.issues().setPriority(triaged, Priority.HIGH, "set by hand", null, null, s.erin.id(), s.clock.instant());
        int imported = stored("Heron logs rotate", Fixtures.githubIssue("acme/heron", 3));
        int later = capturedJustBeforeAStop("Heron menus flicker", "Menus flicker on hover");
        s.erin.awaitDm(m -> m.content().startsWith("**Triage #" + later + "**"));

        assertThat(dmPrompts(triaged)).isEmpty();
        assertThat(dmPrompts(imported)).isEmpty();
        assertThat(recorded(triaged)).isEmpty();
        assertThat(recorded(imported)).isEmpty();
    }
}
