package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimChannel;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.Map;
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

    @RegisterExtension
    final StopDead stopDead = new StopDead(s);

    final IssueCards cards = new IssueCards(s);

    @Test
    void aCardPostedJustBeforeACrashIsAdoptedNotPostedAgain() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Quail printer jams", "Printing jams at page nine");
        stopDead.at(STEP);
        cards.captureAnyway(post, stopDead::reached);
        eventually(
                "the card in the post",
                () -> post.messages().stream()
                        .anyMatch(m -> m.fromBot() && !m.embeds().isEmpty()));
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        assertThat(cards.stored(number, post)).isNull(); // the stop came before it was stored
        stopDead.thenStartAnHourLater();

        cards.awaitTheOneStoredCard(post, number);
    }

    @Test
    void aCardPostedByLinkJustBeforeACrashIsAdoptedNotPostedAgain() throws Exception {
        Captured c = s.capture(s.alice, "Avocet sync forgets folders", "Sync forgets folders after restart");
        SimChannel second = s.bob.postInForum(s.support, "Folders lost on sync", "My folders vanish after sync");
        stopDead.at(STEP);
        s.erin.runSlash(second, "link", Map.of("issue", c.number()));
        eventually(
                "the card in the linked post",
                () -> !cards.in(second, c.number()).isEmpty());
        assertThat(cards.stored(c.number(), second)).isNull();
        stopDead.thenStartAnHourLater();

        cards.awaitTheOneStoredCard(second, c.number());
        assertThat(cards.in(c.post(), c.number())).hasSize(1);
    }
}
