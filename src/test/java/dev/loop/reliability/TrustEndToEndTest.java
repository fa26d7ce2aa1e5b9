package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Loop tells people must be true and worth a ping: the real Loop against the Discord simulator, counting what
 * each person saw. Every test works on its own posts and words.
 */
@EndToEnd
class TrustEndToEndTest {

    static final String FIX_NOW_TEXT = "today or tomorrow";

    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .forumTags("installer", "sync", "tracked", "shipped")
            .build();

    static SimMessage press(SimMember who, SimMessage prompt, String label) {
        return who.pressButton(prompt, label).awaitUpdate();
    }

    @Test
    void linkingAThreadToAShippedIssueSaysItShippedWithTheVersion() {
        Captured c = s.capture(s.alice, "Narwhal export loses colours", "Exported files are grey");
        s.issues().markShipped(c.number(), "2.4.1", s.erin.id(), s.clock.instant());
        SimChannel later = s.bob.postInForum(s.support, "Grey narwhal exports", "My exports have no colour");

        SimMessage answer =
                s.erin.runSlash(later, "link", Map.of("issue", c.number())).awaitReply();

        assertThat(answer.content())
                .startsWith("Linked to **#" + c.number() + "** Narwhal export loses colours — Shipped in **2.4.1**.")
                .doesNotContain("week")
                .doesNotContain("High");
        assertThat(answer.pinged()).isEmpty();
    }

    @Test
    void aSecondThisBlocksMeOnAFixItNowCardReadsAsASentence() {
        Captured c = s.capture(s.alice, "Pelican sync stalls", "Sync never finishes");
        s.erin.react(c.card(), "🔥");
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **Fix it now**"));
        s.carol.pressButton(c.card(), "This blocks me").awaitReply();

        SimMessage again = s.carol.pressButton(c.card(), "This blocks me").awaitReply();

        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content())
                .contains("it counts once per person. It is already **Fix it now**: " + FIX_NOW_TEXT + ".")
                .doesNotContain("now now");
    }

    @Test
    void closingWithAReasonReadsAsASentenceEvenWhenTheTitleEndsWithAFullStop() {
        Captured c = s.capture(s.alice, "Heron icons look blurry.", "On high DPI screens");

        SimMessage closed = s.erin.runSlash(
                        s.help, "issue close", Map.of("number", c.number(), "reason", "fixed by the redesign"))
                .awaitReply();
        assertThat(closed.content()).startsWith("Closed **#" + c.number() + "**");

        SimMessage told = c.post().awaitMessage(m -> m.fromBot() && m.content().contains("We closed"));
        assertThat(told.content())
                .isEqualTo("<@" + s.alice.id() + "> We closed **#" + c.number()
                        + "** Heron icons look blurry without a change. The reason: fixed by the redesign. Thanks for"
                        + " raising it.");
        assertThat(told.pinged()).containsExactly(s.alice.id());
    }
}
