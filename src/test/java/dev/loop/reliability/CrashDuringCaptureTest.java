package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.sim.SimChannel;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.StopDead;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loop stopped dead in the middle of a capture or a link, between its two writes, and started again an hour later,
 * past Discord's nonce window: wherever the stop fell, the place ends with exactly one card, and it is the stored one.
 */
@EndToEnd
class CrashDuringCaptureTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @RegisterExtension
    final StopDead stopDead = new StopDead(s);

    final IssueCards cards = new IssueCards(s);

    /**
     * The issue (or the link) stored, no card posted yet: the next start posts the one missing card, with no second
     * issue, no second place and no second card.
     */
    @Nested
    class StoppedBeforeTheCard {

        static final String STEP = "capture.issue.stored";

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
        void aPostDeletedWhileLoopWasStoppedHasItsCardGivenUpOnceAndForAll() throws Exception {
            SimChannel post = s.alice.postInForum(s.support, "Heron export hangs", "Export hangs at 99 percent");
            stopDead.at(STEP);
            cards.captureAnyway(post, stopDead::reached);
            int number = s.issues().findByChannel(post.id()).orElseThrow().number();
            post.delete();
            stopDead.thenStartAnHourLater();

            eventually(
                    "the card given up",
                    () -> s.rows(
                                    Tables.ISSUE_PLACE,
                                    Tables.ISSUE_PLACE
                                            .ISSUE_NUMBER
                                            .eq(number)
                                            .and(Tables.ISSUE_PLACE.CARD_GIVEN_UP_AT.isNotNull()))
                            == 1);
            // the issue keeps its place and its record; only the card is no longer owed
            assertThat(s.issues().places(number))
                    .singleElement()
                    .satisfies(p -> assertThat(p.cardMessageId()).isNull());
            assertThat(s.issues().placesWithoutCard(Integer.MAX_VALUE)).isEmpty();
        }

        @Test
        void aLinkStoppedBeforeItsCardGetsExactlyOneCardAtTheNextStart() throws Exception {
            Captured c = s.capture(s.alice, "Ibis search skips files", "Search skips files after rename");
            SimChannel second =
                    s.bob.postInForum(s.support, "Renamed files not found", "Search misses my renamed files");
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

    /**
     * The card posted, not yet stored: the next start finds the card in the place and stores it instead of posting a
     * second one.
     */
    @Nested
    class StoppedAfterPostingTheCard {

        static final String STEP = "capture.card.posted";

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
}
