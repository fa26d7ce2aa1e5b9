package dev.loop.reliability;

import static dev.loop.testing.Captured.cardIn;
import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.TranscriptCorrections;
import dev.loop.issue.TranscriptLine;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's message deleted or edited in Discord after it was copied into a transcript: the copy follows (deleted,
 * bulk deleted, edited), and what changed while Loop was stopped is caught up at the next start.
 */
@EndToEnd
class DeletedMessagesTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @Test
    void deletesAndEditsReachTheCopyLiveAndAfterARestart() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Wren uploads fail", "Uploads fail with error 413");
        SimMessage bobs = s.bob.say(post, "Mine fail too, my token is hunter2");
        SimMessage carols = s.carol.say(post, "Same on the beta");
        SimMessage carols2 = s.carol.say(post, "And on stable");
        SimMessage alices = s.alice.say(post, "Files over 10 MB only");
        int number = s.pin(post.starterMessage(), "Wren uploads fail");
        cardIn(post, number);
        assertThat(s.issues().transcript(number)).hasSize(5);

        s.bob.delete(bobs);
        eventually(
                "bob's copy to be blanked", () -> s.transcriptCopy(number, bobs).equals(TranscriptCorrections.DELETED));
        assertThat(s.issues().search("hunter2", false, 10)).isEmpty();

        s.alice.edit(post.starterMessage(), "Uploads fail with error 413 on Windows");
        eventually(
                "alice's edit to reach the copy",
                () -> s.transcriptCopy(number, post.starterMessage()).equals("Uploads fail with error 413 on Windows"));

        s.guild.owner().bulkDelete(carols, carols2); // a moderator clears two messages at once
        eventually(
                "the bulk delete to reach the copies",
                () -> s.transcriptCopy(number, carols).equals(TranscriptCorrections.DELETED)
                        && s.transcriptCopy(number, carols2).equals(TranscriptCorrections.DELETED));

        // while Loop is stopped, alice edits one message and deletes another; the next start catches up
        s.stop();
        SimMessage later = s.alice.say(post, "Still failing today");
        s.alice.edit(post.starterMessage(), "Uploads fail with error 413 on Windows and Mac");
        s.alice.delete(alices);
        s.start();
        eventually(
                "the start to catch up",
                () -> s.transcriptCopy(number, alices).equals(TranscriptCorrections.DELETED)
                        && s.transcriptCopy(number, post.starterMessage())
                                .equals("Uploads fail with error 413 on Windows and Mac"));
        assertThat(s.issues().transcript(number))
                .extracting(TranscriptLine::messageId)
                .doesNotContain(later.id()) // catching up corrects copies, it copies nothing new
                .hasSize(5);
        assertThat(s.issues().transcript(number))
                .filteredOn(l -> l.content().equals(TranscriptCorrections.DELETED))
                .hasSize(4);
    }
}
