package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Fixtures;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loop stopped after storing a capture and before posting its issue card: on the next start the card is posted in
 * the post, once, and stored; posts that are locked or deleted, closed issues and GitHub places get none.
 */
@EndToEnd
class MissingCardTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    /** What a capture stores before it posts the card: the issue, the post as its place, the author. */
    int storedWithoutCard(SimChannel post) {
        return s.storeIssue(
                        new NewIssue(post.name(), IssueKind.FEATURE, "summary of " + post.name(), false, null, null),
                        new NewPlace(
                                Place.PlaceKind.FORUM_POST,
                                s.guild.id(),
                                s.support.id(),
                                post.id(),
                                null,
                                post.jumpUrl(),
                                post.name()),
                        List.of(s.alice.id()))
                .number();
    }

    static List<SimMessage> cards(SimChannel post) {
        return post.messages().stream()
                .filter(m -> m.fromBot() && !m.embeds().isEmpty())
                .toList();
    }

    Long storedCard(int number, SimChannel post) {
        return s.issues().places(number).stream()
                .filter(p -> Objects.equals(p.channelId(), post.id()))
                .findFirst()
                .orElseThrow()
                .cardMessageId();
    }

    @Test
    void aCaptureLeftWithoutItsCardGetsItOnceOnTheNextStart() throws Exception {
        s.stop();
        SimChannel locked = s.alice.postInForum(s.support, "Quokka theme resets", "The theme resets on restart");
        int lockedIssue = storedWithoutCard(locked);
        locked.lock();
        SimChannel gone = s.alice.postInForum(s.support, "Quokka fonts vanish", "Fonts vanish after an update");
        int goneIssue = storedWithoutCard(gone);
        gone.delete();
        SimChannel closedPost = s.alice.postInForum(s.support, "Quokka icons blurry", "Icons are blurry");
        int closedIssue = storedWithoutCard(closedPost);
        s.issues().setStatus(closedIssue, IssueStatus.CLOSED, "won't change", s.erin.id(), s.clock.instant());
        SimChannel post = s.alice.postInForum(s.support, "Quokka sync halts", "Sync halts at 99 percent");
        int number = storedWithoutCard(post);
        s.issues().addPlace(number, Fixtures.githubIssue("acme/quokka", 7), s.erin.id(), s.clock.instant());

        s.start();
        SimMessage card = Captured.cardIn(post, number);
        assertThat(card.buttonLabels()).containsExactly("Me too", "This blocks me");
        assertThat(card.pinged()).isEmpty();
        eventually("the card to be stored", () -> Objects.equals(storedCard(number, post), card.id()));
        assertThat(s.history(number, "card"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).contains(post.jumpUrl()));
        // the GitHub place holds no card
        assertThat(s.issues().places(number))
                .filteredOn(p -> p.kind() == Place.PlaceKind.GITHUB)
                .singleElement()
                .satisfies(p -> assertThat(p.cardMessageId()).isNull());

        // Loop stops again and one more capture is left without its card meanwhile; places are taken in the order
        // they were stored, so once the newest card is up the start has been through all of them
        s.stop();
        SimChannel later = s.alice.postInForum(s.support, "Quokka search slow", "Search takes ten seconds");
        int laterIssue = storedWithoutCard(later);
        s.start();
        Captured.cardIn(later, laterIssue);
        eventually("the later card to be stored", () -> storedCard(laterIssue, later) != null);

        assertThat(cards(post)).containsExactly(card);
        assertThat(s.history(number, "card")).hasSize(1);
        assertThat(cards(locked)).isEmpty();
        assertThat(cards(closedPost)).isEmpty();
        assertThat(storedCard(lockedIssue, locked)).isNull();
        assertThat(storedCard(goneIssue, gone)).isNull();
        assertThat(storedCard(closedIssue, closedPost)).isNull();
        // Me too on the late card counts, as on any card
        assertThat(s.bob.pressButton(card, "Me too").awaitReply().content())
                .startsWith("Thanks — you're on **#" + number + "**");
    }
}
