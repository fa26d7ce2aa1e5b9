package dev.loop.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.IssueKind;
import dev.loop.issue.TranscriptLine;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Understanding the problem while the person is there: a captured feature asks its requester what they are trying to
 * achieve (the configured {@code features.questions}), only the people who asked (and engineers) may answer, and a 📌
 * quick capture is asked the same once an engineer makes it a feature with `/issue edit`.
 */
@EndToEnd
class ProblemQuestionsEndToEndTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").yaml("""
                    features:
                      questions:
                        - What are you trying to achieve?
                        - How do you do it today?
                    """).build();

    static SimMessage ask(SimMessage card, String ref) {
        return card.channel()
                .awaitMessage(m -> m.fromBot() && m.content().contains("this is tracked as **" + ref + "**"));
    }

    @Test
    void aCapturedFeatureAsksItsRequesterAboutTheProblemAndOnlyRequestersMayAnswer() {
        Captured c = s.capture(s.alice, "Kestrel export to CSV", "Please add a CSV button");
        String ref = "#" + c.number();
        SimMessage ask = ask(c.card(), ref);
        assertThat(ask.content())
                .isEqualTo("<@" + s.alice.id() + "> thanks — this is tracked as **" + ref
                        + "**. So we understand the problem behind it, could you tell us:"
                        + "\n• What are you trying to achieve?\n• How do you do it today?"
                        + "\nPress **Add details** to answer.");
        assertThat(ask.pinged()).containsExactly(s.alice.id());

        SimMessage refused = s.carol.pressButton(ask, "Add details").awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .isEqualTo("Only the people who asked for " + ref + " (and engineers) can add details to it. If it"
                        + " affects you too, press **Me too** on its card.");

        SimModal form = s.alice.pressButton(ask, "Add details").awaitModal();
        assertThat(form.fields())
                .extracting(SimModal.Field::label)
                .containsExactly("What are you trying to achieve?", "How do you do it today?");
        SimMessage thanks =
                form.submit(Map.of("q0", "Send the monthly numbers to finance")).awaitReply();
        assertThat(thanks.content()).isEqualTo("Thanks! Your details were added to **" + ref + "**.");
        assertThat(s.issues().transcript(c.number()))
                .extracting(TranscriptLine::content)
                .contains("About the problem:\nWhat are you trying to achieve?: Send the monthly numbers to finance");
        assertThat(s.history(c.number(), "details"))
                .extracting(HistoryEntry::detail)
                .containsExactly("1 answer about the problem added");

        // the answer is in the record's Details view
        SimMessage card = s.alice
                .runSlash(c.post(), "issue show", Map.of("number", c.number()))
                .awaitReply();
        SimMessage details = s.alice.pressButton(card, "Details").awaitReply();
        assertThat(details.embeds().getFirst().description())
                .contains("What are you trying to achieve?: Send the monthly numbers to finance");
    }

    @Test
    void aQuickCaptureIsAskedOnceAnEngineerMakesItAFeature() {
        SimMember dave = s.guild.member("dave");
        SimMessage said = dave.say(s.help, "Plover reports should go by email");
        int number = s.pin(said, "Plover reports");
        assertThat(s.issue(number).kind()).isEqualTo(IssueKind.QUESTION);

        s.erin.runSlash(s.team, "issue edit", Map.of("number", number))
                .awaitModal()
                .submit(Map.of("kind", "feature"))
                .awaitReply();
        SimMessage ask =
                s.help.awaitMessage(x -> x.fromBot() && x.content().contains("this is tracked as **#" + number + "**"));
        assertThat(ask.content()).contains("So we understand the problem behind it");
        assertThat(ask.pinged()).containsExactly(dave.id());
        SimMessage thanks = dave.pressButton(ask, "Add details")
                .awaitModal()
                .submit(Map.of("q1", "I copy them by hand"))
                .awaitReply();
        assertThat(thanks.content()).startsWith("Thanks!");
        assertThat(s.history(number, "edit"))
                .extracting(HistoryEntry::detail)
                .containsExactly("kind: Question → Feature");
    }
}
