package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Place;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The issue cards of the crash stories: the cards Loop posted in a place, the one it stored for that place, and
 * the check every story ends with (exactly one card there, and it is the stored one).
 */
final class IssueCards {

    private final Community s;

    IssueCards(Community s) {
        this.s = s;
    }

    /** The cards of issue {@code number} Loop posted in {@code place}. */
    List<SimMessage> in(SimChannel place, int number) {
        return place.messages().stream()
                .filter(m -> m.fromBot()
                        && !m.embeds().isEmpty()
                        && m.embeds().getFirst().title().startsWith("#" + number + " "))
                .toList();
    }

    /** The card of issue {@code number} that Loop stored for {@code place}, or null while none is stored. */
    Long stored(int number, SimChannel place) {
        return s.issues().places(number).stream()
                .filter(p -> Objects.equals(p.channelId(), place.id()))
                .map(Place::cardMessageId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Waits until Loop stored a card of issue {@code number} for {@code place}; then it is the only one there. */
    void awaitTheOneStoredCard(SimChannel place, int number) {
        eventually("the card to be stored", () -> stored(number, place) != null);
        assertThat(in(place, number))
                .singleElement()
                .satisfies(card -> assertThat(card.id()).isEqualTo(stored(number, place)));
    }

    /**
     * erin captures {@code post} as a bug; where Loop suggests a similar issue (another story's may come close) she
     * creates a new one anyway. Returns once the capture went ahead or {@code stopped} says Loop stopped on the way,
     * with the interaction the capture went ahead in (the form's submission, or that press): its replies are what erin
     * saw.
     */
    SimInteraction captureAnyway(SimChannel post, BooleanSupplier stopped) {
        SimInteraction submit =
                s.erin.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "bug", "needs_docs", "no"));
        eventually(
                "the capture to go ahead",
                () -> stopped.getAsBoolean()
                        || submit.replies().stream()
                                .anyMatch(m -> m.buttonLabels().contains("Create new issue")));
        return submit.replies().stream()
                .filter(m -> m.buttonLabels().contains("Create new issue"))
                .findFirst()
                .map(m -> s.erin.pressButton(m, "Create new issue"))
                .orElse(submit);
    }
}
