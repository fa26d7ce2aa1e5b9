package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.Crashpoints;
import dev.loop.db.Tables;
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
 * Loop stopped dead between the two writes of a capture or a link: the issue (or the link) stored, no card posted
 * yet. Started again an hour later, past Discord's nonce window, it posts the one missing card: no second issue, no
 * second place, no second card.
 */
@EndToEnd
class CrashBeforeTheCardTest {

    static final String STEP = "capture.issue.stored";

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
    void aCaptureStoppedBeforeItsCardGetsExactlyOneCardAtTheNextStart() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Grebe charts freeze", "Charts freeze when zooming");
        StopDead.captureWhileArmed(s.erin, post, STEP);
        StopDead.thenStartAnHourLater(s, STEP);

        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        eventually("the card to be posted and stored", () -> storedCard(number, post) != null);
        assertThat(cards(post, number))
                .singleElement()
                .satisfies(card -> assertThat(card.id()).isEqualTo(storedCard(number, post)));
        assertThat(s.rows(Tables.CAPTURE_SOURCE, Tables.CAPTURE_SOURCE.ISSUE_NUMBER.eq(number)))
                .isEqualTo(1);
        assertThat(s.issues().places(number)).hasSize(1);
        assertThat(s.history(number, "capture")).hasSize(1);
    }

    @Test
    void aLinkStoppedBeforeItsCardGetsExactlyOneCardAtTheNextStart() throws Exception {
        Captured c = s.capture(s.alice, "Ibis search skips files", "Search skips files after rename");
        SimChannel second = s.bob.postInForum(s.support, "Renamed files not found", "Search misses my renamed files");
        Crashpoints.arm(STEP);
        s.erin.runSlash(second, "link", Map.of("issue", c.number()));
        StopDead.thenStartAnHourLater(s, STEP);

        eventually("the card to be posted and stored", () -> storedCard(c.number(), second) != null);
        assertThat(cards(second, c.number()))
                .singleElement()
                .satisfies(card -> assertThat(card.id()).isEqualTo(storedCard(c.number(), second)));
        assertThat(s.issues().places(c.number()))
                .filteredOn(p -> Objects.equals(p.channelId(), second.id()))
                .hasSize(1);
        assertThat(cards(c.post(), c.number())).hasSize(1);
    }
}
