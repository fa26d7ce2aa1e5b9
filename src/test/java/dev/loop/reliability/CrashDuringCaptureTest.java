package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.Crashpoints;
import dev.loop.issue.Place;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loop stopped dead after posting an issue card and before storing it (a capture, a link), started again an hour
 * later: the start finds the card in the place and stores it instead of posting a second one.
 */
@EndToEnd
class CrashDuringCaptureTest {

    static final String STEP = "capture.card.posted";

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @AfterEach
    void disarm() throws InterruptedException {
        StopDead.disarm(s);
    }

    static List<SimMessage> cards(SimChannel post, int number) {
        return post.messages().stream()
                .filter(m -> m.fromBot()
                        && !m.embeds().isEmpty()
                        && m.embeds().getFirst().title().startsWith("#" + number + " "))
                .toList();
    }

    Long storedCard(int number, SimChannel post) {
        return s.issues().places(number).stream()
                .filter(p -> Objects.equals(p.channelId(), post.id()))
                .map(Place::cardMessageId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aCardPostedJustBeforeACrashIsAdoptedNotPostedAgain() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Quail printer jams", "Printing jams at page nine");
        // another test's issue may come close: the engineer creates a new one anyway
        StopDead.captureWhileArmed(s.erin, post, STEP);
        eventually(
                "the card in the post",
                () -> post.messages().stream()
                        .anyMatch(m -> m.fromBot() && !m.embeds().isEmpty()));
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        assertThat(storedCard(number, post)).isNull(); // the stop came before it was stored
        StopDead.thenStartAnHourLater(s, STEP);

        eventually("the card to be stored", () -> storedCard(number, post) != null);
        assertThat(cards(post, number))
                .singleElement()
                .satisfies(card -> assertThat(card.id()).isEqualTo(storedCard(number, post)));
    }

    @Test
    void aCardPostedByLinkJustBeforeACrashIsAdoptedNotPostedAgain() throws Exception {
        Captured c = s.capture(s.alice, "Avocet sync forgets folders", "Sync forgets folders after restart");
        SimChannel second = s.bob.postInForum(s.support, "Folders lost on sync", "My folders vanish after sync");
        Crashpoints.arm(STEP);
        s.erin.runSlash(second, "link", Map.of("issue", c.number()));
        eventually(
                "the card in the linked post", () -> !cards(second, c.number()).isEmpty());
        assertThat(storedCard(c.number(), second)).isNull();
        StopDead.thenStartAnHourLater(s, STEP);

        eventually("the card to be stored", () -> storedCard(c.number(), second) != null);
        assertThat(cards(second, c.number()))
                .singleElement()
                .satisfies(card -> assertThat(card.id()).isEqualTo(storedCard(c.number(), second)));
        assertThat(cards(c.post(), c.number())).hasSize(1);
    }
}
