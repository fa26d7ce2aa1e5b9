package dev.loop.reliability;

import static dev.loop.testing.Captured.cardIn;
import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discord delivers an event again (a RESUME replays what it thinks was missed) and people press twice: through the
 * real JDA, the simulator dispatches the same payload again under a new sequence number, and nothing happens twice —
 * one issue per source, one card, one triage prompt, one requester entry per person.
 *
 * <p>After each repeat the test makes a later capture and waits for it: Loop handled the repeat before it (the
 * gateway delivers in order), so what the repeat did, if anything, is visible by then.
 */
@EndToEnd
class RepeatedDeliveryTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    /** A capture made after the repeats and waited for: everything delivered before it has been handled. */
    void laterCapture(String title) {
        SimChannel later = s.carol.postInForum(s.support, title, title + ".");
        s.pin(later.starterMessage(), title);
    }

    static List<SimMessage> cards(SimChannel channel) {
        return channel.messages().stream()
                .filter(m -> m.fromBot() && !m.embeds().isEmpty())
                .toList();
    }

    @Test
    void aPinDeliveredThreeTimesMakesOneIssueOneCardAndOnePrompt() {
        SimChannel post = s.bob.postInForum(s.support, "Kestrel sync stalls", "Sync stalls at 80 percent");
        int number = s.pin(post.starterMessage(), "Kestrel sync stalls");
        cardIn(post, number);

        String erin = Long.toString(s.erin.id());
        s.sim.faults()
                .redeliver(
                        "MESSAGE_REACTION_ADD", d -> d.path("user_id").asText().equals(erin));
        s.sim.faults()
                .redeliver(
                        "MESSAGE_REACTION_ADD", d -> d.path("user_id").asText().equals(erin));
        laterCapture("Puffin sidebar jitters");

        assertThat(s.issues().findByChannel(post.id()).orElseThrow().number()).isEqualTo(number);
        assertThat(cards(post)).hasSize(1);
        assertThat(Seen.triagePrompts(s.erin, number)).isEqualTo(1);
        assertThat(s.erin.dmsFromBot()).noneMatch(m -> m.content().startsWith("That conversation is already"));
        assertThat(s.rows(Tables.CAPTURE_SOURCE, Tables.CAPTURE_SOURCE.ISSUE_NUMBER.eq(number)))
                .isEqualTo(1);
    }

    @Test
    void aCaptureFormSubmittedTwiceAndRepeatedByTheGatewayMakesOneIssue() {
        SimChannel post = s.alice.postInForum(s.support, "Osprey avatars blur", "Avatars blur after upload");
        Captured c = Captured.created(
                s.erin,
                post,
                s.erin.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "bug", "needs_docs", "no")));

        // the same modal submission delivered again: dropped by its interaction id before any effect
        s.sim.faults().redeliver("INTERACTION_CREATE", d -> d.path("type").asInt() == 5);
        laterCapture("Heron ribbon wobbles");

        assertThat(s.issues().findByChannel(post.id()).orElseThrow().number()).isEqualTo(c.number());
        assertThat(cards(post)).hasSize(1);
        assertThat(s.history(c.number(), "capture")).hasSize(1);
        assertThat(c.reply().content()).startsWith("Captured **#" + c.number() + "**");

        // a second form for the same post, opened before the first was stored, is refused when submitted
        SimChannel raced = s.alice.postInForum(s.support, "Osprey badges flicker", "Badges flicker on hover");
        var first = s.erin.runSlash(raced, "capture").awaitModal();
        var second = s.erin.runSlash(raced, "capture").awaitModal();
        Captured won = Captured.created(s.erin, raced, first.submit(Map.of("kind", "bug", "needs_docs", "no")));
        SimInteraction late = second.submit(Map.of("kind", "bug", "needs_docs", "no"));
        SimMessage refused = late.awaitReply(
                m -> m.content().contains("in the meantime") || m.buttonLabels().contains("Create new issue"));
        if (!refused.content().contains("in the meantime")) {
            refused = s.erin.pressButton(refused, "Create new issue")
                    .awaitReply(m -> m.content().contains("in the meantime"));
        }
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).endsWith(" was captured as #" + won.number() + " in the meantime.");
        assertThat(cards(raced)).hasSize(1);
    }

    @Test
    void meTooPressedTwiceAtOnceAndAThumbRepeatedAddOneRequester() {
        SimChannel post = s.alice.postInForum(
                s.support, "Plover spreadsheet freezes", "Huge workbooks freeze the plover spreadsheet");
        int number = s.pin(post.starterMessage(), "Plover spreadsheet freezes");
        SimMessage card = cardIn(post, number);

        SimInteraction one = s.bob.pressButton(card, "Me too");
        SimInteraction two = s.bob.pressButton(card, "Me too");
        List<String> answers =
                List.of(one.awaitReply().content(), two.awaitReply().content());
        assertThat(answers)
                .containsExactlyInAnyOrder(
                        "Thanks — you're on **#" + number + "** now. We'll let you know when it ships.",
                        "You're already on **#" + number + "**. We'll let you know when it ships.");

        s.carol.react(card, "👍");
        eventually(
                "carol to be a requester",
                () -> s.issues().requesters(number).stream().anyMatch(r -> r.userId() == s.carol.id()));
        String carol = Long.toString(s.carol.id());
        s.sim.faults()
                .redeliver(
                        "MESSAGE_REACTION_ADD", d -> d.path("user_id").asText().equals(carol));
        laterCapture("Grebe calendar stutters");

        assertThat(s.issues().requesters(number))
                .extracting(Requester::userId)
                .containsExactlyInAnyOrder(s.alice.id(), s.bob.id(), s.carol.id());
        assertThat(s.history(number, "requester")).hasSize(2);
    }
}
