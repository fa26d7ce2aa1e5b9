package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buttons and forms whose custom ids Loop didn't write this way (drawn by an older version, or tampered with): each
 * press or submission gets one polite sentence only the presser sees, nothing is recorded, and Loop keeps answering
 * the buttons it did write. Every handler reads its ids through {@code ComponentId}; the presses here reach the
 * record views, the roadmap's paging, {@code /issue edit} and the "What is still missing?" form.
 */
@EndToEnd
class ForgedIdsTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    static final String UNREADABLE_ME_TOO =
            "That Me too button can't be read any more; use `/issue show` to get a fresh card.";

    static final String OLD_RECORD_VIEW = "Those buttons are from an older version of Loop. Run /issue show again.";
    static final String OLD_ROADMAP = "That roadmap is from an older version of Loop. Run /roadmap again.";
    static final String OLD_EDIT_FORM = "That form is from an older version of Loop. Run /issue edit again.";
    static final String GONE_PROPOSAL = "That proposal can't be found any more.";

    /** Each forged id, sent by {@code send}, is answered with {@code sentence} that only the sender sees. */
    static void eachAnsweredWith(String sentence, Function<String, SimMessage> send, String... forged) {
        for (String id : forged) {
            SimMessage reply = send.apply(id);
            assertThat(reply.ephemeral()).as(id).isTrue();
            assertThat(reply.content()).as(id).isEqualTo(sentence);
        }
    }

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

    @Test
    void forgedRecordViewAndRoadmapPagesAreRefusedPolitelyAndChangeNothing() {
        Captured c = s.capture(s.alice, "Lark history loses edits", "Older edits vanish from the history");
        Community.Record before = s.record(c.number());
        int n = c.number();

        eachAnsweredWith(
                OLD_RECORD_VIEW,
                id -> pressMeTooAs(id, c),
                "rec:" + n + ":x:0:v",
                "rec:" + n + ":t:1000000:v",
                "rec:" + n + ":v:0:t",
                "rec:" + n + ":t:0",
                "rec:" + n + ":t:0:v:extra",
                "rec:0:t:0:v",
                "rec:" + n + ":t:-1:v");
        eachAnsweredWith(
                OLD_ROADMAP,
                id -> pressMeTooAs(id, c),
                "roadmap:x:0:-1",
                "roadmap:0:-5:-1",
                "roadmap:0:0:-2",
                "roadmap:0:0",
                "roadmap:0:0:7",
                "roadmap:0:0:-1:1");
        assertThat(s.record(c.number())).isEqualTo(before);
    }

    /** erin opens /issue edit for issue {@code number}, and the form comes back under {@code customId}. */
    SimMessage submitEditFormAs(String customId, int number) {
        return s.erin.runSlash(s.team, "issue edit", Map.of("number", number))
                .awaitModal()
                .rewriteId(customId)
                .submit(Map.of("title", "Forged title"))
                .awaitReply();
    }

    @Test
    void forgedEditAndWhatIsStillMissingFormsAreRefusedPolitelyAndChangeNothing() {
        int n = s.capture(s.alice, "Magpie drafts vanish", "Drafts are gone after a restart")
                .number();
        Community.Record before = s.record(n);
        Function<String, SimMessage> submit = id -> submitEditFormAs(id, n);

        eachAnsweredWith(
                OLD_EDIT_FORM,
                submit,
                "issueedit:" + n,
                "issueedit:" + n + ":x",
                "issueedit:0:0",
                "issueedit:" + n + ":0:1");
        eachAnsweredWith(GONE_PROPOSAL, submit, "pmiss:abc", "pmiss:0", "pmiss:1:2", "pmiss:", "pmiss:999999");
        assertThat(s.record(n)).isEqualTo(before);
    }
}
