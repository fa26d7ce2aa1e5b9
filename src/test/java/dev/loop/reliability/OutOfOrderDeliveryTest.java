package dev.loop.reliability;

import static dev.loop.testing.Captured.cardIn;
import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Requester;
import dev.loop.issue.TranscriptCorrections;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbound events delivered twice and out of order, as a RESUME replay or two overlapping connections deliver them: an
 * older edit after a newer one, an edit after a delete, a reaction's add after its remove, a message's create after
 * its update. Loop ends where in-order delivery would have left it.
 */
@EndToEnd
class OutOfOrderDeliveryTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    static final Pattern TRIAGE = Pattern.compile("\\*\\*Triage #(\\d+)\\*\\*");

    int pin(SimMessage message, String title) {
        return s.pin(message, title);
    }

    /** A capture made after the late events and waited for: what was delivered before it has been handled. */
    void laterCapture(String title) {
        SimChannel later = s.carol.postInForum(s.support, title, title + " since this morning");
        pin(later.starterMessage(), title);
    }

    @Test
    void anOlderEditArrivingLateNeverPutsOldWordsBackNorDoesAnEditAfterADelete() {
        SimChannel post = s.alice.postInForum(s.support, "Heron sync stalls", "Sync stalls at 99%");
        SimMessage bobs = s.bob.say(post, "Same here, on the laptop");
        int number = pin(post.starterMessage(), "Heron sync stalls");
        cardIn(post, number);

        s.clock.advance(Duration.ofMinutes(1));
        s.alice.edit(post.starterMessage(), "Sync stalls at 99% on Linux");
        eventually(
                "the first edit",
                () -> s.transcriptCopy(number, post.starterMessage()).equals("Sync stalls at 99% on Linux"));
        s.clock.advance(Duration.ofMinutes(1));
        s.alice.edit(post.starterMessage(), "Sync stalls at 99% on Linux and Mac");
        eventually(
                "the second edit",
                () -> s.transcriptCopy(number, post.starterMessage()).equals("Sync stalls at 99% on Linux and Mac"));

        // the first edit arrives again, after the second: the copy keeps the newer words
        s.sim.faults()
                .redeliver("MESSAGE_UPDATE", d -> d.path("content").asText().equals("Sync stalls at 99% on Linux"));
        // and the second one twice: nothing changes
        s.sim.faults()
                .redeliver(
                        "MESSAGE_UPDATE",
                        d -> d.path("content").asText().equals("Sync stalls at 99% on Linux and Mac"));

        // bob edits, then deletes; his edit arrives again after the delete: the copy stays deleted
        s.clock.advance(Duration.ofMinutes(1));
        s.bob.edit(bobs, "Same here, on the laptop, token hunter2");
        eventually("bob's edit", () -> s.transcriptCopy(number, bobs).endsWith("hunter2"));
        s.bob.delete(bobs);
        eventually("bob's delete", () -> s.transcriptCopy(number, bobs).equals(TranscriptCorrections.DELETED));
        s.sim.faults().redeliver("MESSAGE_UPDATE", d -> d.path("id").asText().equals(Long.toString(bobs.id())));

        laterCapture("Heron badges vanish");
        assertThat(s.transcriptCopy(number, post.starterMessage())).isEqualTo("Sync stalls at 99% on Linux and Mac");
        assertThat(s.transcriptCopy(number, bobs)).isEqualTo(TranscriptCorrections.DELETED);
        assertThat(s.issues().search("hunter2", false, 10)).isEmpty();
    }

    @Test
    void anEditArrivingLateAfterARestartIsOlderThanTheCopyCaughtUpAtStart() throws Exception {
        SimChannel post = s.alice.postInForum(s.support, "Egret login loops", "Login loops back");
        int number = pin(post.starterMessage(), "Egret login loops");
        cardIn(post, number);

        // edited twice while Loop is stopped; the start copies the newest words and the old edit comes late
        s.stop();
        s.clock.advance(Duration.ofMinutes(1));
        s.alice.edit(post.starterMessage(), "Login loops back to the start");
        s.clock.advance(Duration.ofMinutes(1));
        s.alice.edit(post.starterMessage(), "Login loops back to the start on Safari");
        s.start();
        eventually(
                "the start to catch up",
                () -> s.transcriptCopy(number, post.starterMessage())
                        .equals("Login loops back to the start on Safari"));
        s.sim.faults()
                .redeliver("MESSAGE_UPDATE", d -> d.path("content").asText().equals("Login loops back to the start"));

        laterCapture("Egret icons blur");
        assertThat(s.transcriptCopy(number, post.starterMessage()))
                .isEqualTo("Login loops back to the start on Safari");
    }

    @Test
    void aReactionAddArrivingAfterItsRemoveCountsOnceAsInOrder() {
        SimChannel post = s.alice.postInForum(s.support, "Plover uploads hang", "Uploads hang at 50%");

        // erin pins and unpins at once; the add reaches Loop after the remove, then again in a replay
        s.sim.faults().hold("MESSAGE_REACTION_ADD");
        s.erin.react(post.starterMessage(), "📌");
        s.erin.unreact(post.starterMessage(), "📌");
        assertThat(s.sim.faults().releaseHeld()).isEqualTo(1);
        SimMessage prompt = s.erin.awaitDm(
                m -> m.content().startsWith("**Triage #") && m.content().contains("Plover uploads hang"));
        Matcher m = TRIAGE.matcher(prompt.content());
        assertThat(m.find()).isTrue();
        int number = Integer.parseInt(m.group(1));
        SimMessage card = cardIn(post, number);
        String erin = Long.toString(s.erin.id());
        s.sim.faults()
                .redeliver(
                        "MESSAGE_REACTION_ADD",
                        d -> d.path("user_id").asText().equals(erin)
                                && d.path("message_id")
                                        .asText()
                                        .equals(Long.toString(
                                                post.starterMessage().id())));

        // carol 👍 and takes it back; the add arrives last
        s.sim.faults().hold("MESSAGE_REACTION_ADD");
        s.carol.react(card, "👍");
        s.carol.unreact(card, "👍");
        assertThat(s.sim.faults().releaseHeld()).isEqualTo(1);
        eventually(
                "carol to be a requester",
                () -> s.issues().requesters(number).stream().anyMatch(r -> r.userId() == s.carol.id()));

        laterCapture("Plover fonts blur");
        assertThat(s.issues().findByChannel(post.id()).orElseThrow().number()).isEqualTo(number);
        assertThat(card.channel().messages().stream()
                        .filter(x -> x.fromBot() && !x.embeds().isEmpty())
                        .count())
                .isEqualTo(1);
        assertThat(Seen.triagePrompts(s.erin, number)).isEqualTo(1);
        assertThat(s.rows(Tables.CAPTURE_SOURCE, Tables.CAPTURE_SOURCE.ISSUE_NUMBER.eq(number)))
                .isEqualTo(1);
        assertThat(s.issues().requesters(number))
                .extracting(Requester::userId)
                .containsExactlyInAnyOrder(s.alice.id(), s.carol.id());
    }

    @Test
    void aMessageCreateArrivingAfterItsUpdateRecordsTheReplyOnce() {
        SimChannel post = s.alice.postInForum(s.support, "Wren exports blank", "Exports come out blank");
        SimMessage said = s.bob.say(post, "Blank for me as well");

        // erin answers and corrects her answer; the create reaches Loop after the update, then again in a replay
        s.sim.faults().hold("MESSAGE_CREATE");
        SimMessage answer = s.erin.say(post, "Try the 2.1 beta");
        s.clock.advance(Duration.ofMinutes(1));
        s.erin.edit(answer, "Try the 2.1.1 beta");
        assertThat(s.sim.faults().releaseHeld()).isEqualTo(1);
        eventually(
                "erin's answer to count",
                () -> s.rows(
                                Tables.SUPPORT_THREAD,
                                Tables.SUPPORT_THREAD
                                        .THREAD_ID
                                        .eq(post.id())
                                        .and(Tables.SUPPORT_THREAD.FIRST_ENGINEER_ID.eq(s.erin.id())))
                        == 1);
        Long answeredAt = s.db.<Long>read(ctx -> ctx.select(Tables.SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT)
                .from(Tables.SUPPORT_THREAD)
                .where(Tables.SUPPORT_THREAD.THREAD_ID.eq(post.id()))
                .fetchOne(Tables.SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT));
        String erinsId = Long.toString(answer.id());
        s.sim.faults().redeliver("MESSAGE_CREATE", d -> d.path("id").asText().equals(erinsId));

        // captured afterwards, the transcript copies what the messages say now
        int number = pin(post.starterMessage(), "Wren exports blank");
        assertThat(s.transcriptCopy(number, answer)).isEqualTo("Try the 2.1.1 beta");
        assertThat(s.transcriptCopy(number, said)).isEqualTo("Blank for me as well");
        assertThat(s.rows(Tables.SUPPORT_THREAD, Tables.SUPPORT_THREAD.THREAD_ID.eq(post.id())))
                .isEqualTo(1);
        assertThat(s.db.<Long>read(ctx -> ctx.select(Tables.SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT)
                        .from(Tables.SUPPORT_THREAD)
                        .where(Tables.SUPPORT_THREAD.THREAD_ID.eq(post.id()))
                        .fetchOne(Tables.SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT)))
                .isEqualTo(answeredAt);
    }
}
