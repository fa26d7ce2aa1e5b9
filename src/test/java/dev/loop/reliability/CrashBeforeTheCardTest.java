package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.sim.SimChannel;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.Map;
import java.util.Objects;
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

    @RegisterExtension
    final StopDead stopDead = new StopDead(s);

    final IssueCards cards = new IssueCards(s);

    @Test
    void aCaptureStoppedBeforeItsCardGetsExactlyOneCardAtTheNextStart() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Grebe charts freeze", "Charts freeze when zooming");
        stopDead.at(STEP);
        cards.captureAnyway(post, stopDead::reached);
        stopDead.thenStartAnHourLater();

        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        cards.awaitTheOneStoredCard(post, number);
        assertThat(s.rows(Tables.CAPTURE_SOURCE, Tables.CAPTURE_SOURCE.ISSUE_NUMBER.eq(number)))
                .isEqualTo(1);
        assertThat(s.issues().places(number)).hasSize(1);
        assertThat(s.history(number, "capture")).hasSize(1);
    }

    @Test
    void aLinkStoppedBeforeItsCardGetsExactlyOneCardAtTheNextStart() throws Exception {
        Captured c = s.capture(s.alice, "Ibis search skips files", "Search skips files after rename");
        SimChannel second = s.bob.postInForum(s.support, "Renamed files not found", "Search misses my renamed files");
        stopDead.at(STEP);
        s.erin.runSlash(second, "link", Map.of("issue", c.number()));
        stopDead.thenStartAnHourLater();

        cards.awaitTheOneStoredCard(second, c.number());
        assertThat(s.issues().places(c.number()))
                .filteredOn(p -> Objects.equals(p.channelId(), second.id()))
                .hasSize(1);
        assertThat(cards.in(c.post(), c.number())).hasSize(1);
    }
}
