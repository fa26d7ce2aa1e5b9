package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buttons whose custom ids Loop didn't write this way (drawn by an older version, or tampered with): each press gets
 * one polite sentence only the presser sees, nothing is recorded, and Loop keeps answering the buttons it did write.
 */
@EndToEnd
class ForgedIdsTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    static final String UNREADABLE_ME_TOO =
            "That Me too button can't be read any more; use `/issue show` to get a fresh card.";

    SimMessage pressMeTooAs(String customId, Captured c) {
        c.card().rewriteButtonId("Me too", customId);
        return s.bob.pressButton(c.card(), "Me too").awaitReply();
    }

    @Test
    void aMeTooIdWithoutItsRevisionIsRefusedPolitelyAndChangesNothing() {
        Captured c = s.capture(s.alice, "Heron export drops the last row", "The CSV export misses the final line");
        Community.Record before = s.record(c.number());

        SimMessage reply = pressMeTooAs("metoo:" + c.number(), c);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo(UNREADABLE_ME_TOO);
        assertThat(s.record(c.number())).isEqualTo(before);
    }

    @Test
    void everyForgedShapeGetsTheSameSentence() {
        Captured c = s.capture(s.alice, "Ibis search forgets filters", "Filters reset after a search");
        Community.Record before = s.record(c.number());

        for (String forged : new String[] {
            "metoo:abc:1",
            "metoo:" + c.number() + ":-1",
            "metoo:" + c.number() + ":1:extra",
            "metoo:0:1",
            "metoo:" + c.number() + ":" + "9".repeat(90),
        }) {
            assertThat(pressMeTooAs(forged, c).content()).as(forged).isEqualTo(UNREADABLE_ME_TOO);
        }
        assertThat(s.record(c.number())).isEqualTo(before);
    }

    @Test
    void aButtonOfAHandlerLoopNoLongerHasIsAnsweredToo() {
        Captured c = s.capture(s.alice, "Jackal upload spins forever", "Uploads over 2 MB never finish");

        SimMessage reply = pressMeTooAs("retired:" + c.number(), c);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("That control is no longer in use. Run the command again to get a fresh one.");
    }

    @Test
    void theButtonLoopDrewStillWorksAfterForgedPresses() {
        Captured c = s.capture(s.alice, "Kestrel avatars are blurry", "Avatars look blurry on retina screens");
        String drawn = c.card().buttons().getFirst().customId();
        assertThat(drawn).startsWith("metoo:" + c.number() + ":");
        pressMeTooAs("metoo:" + c.number() + ":x", c);

        SimMessage reply = pressMeTooAs(drawn, c);

        assertThat(reply.content()).startsWith("Thanks — you're on **#" + c.number() + "**");
    }
}
