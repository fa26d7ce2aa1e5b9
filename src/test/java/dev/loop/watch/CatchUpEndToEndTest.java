package dev.loop.watch;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.IssueKind;
import dev.loop.issue.NewIssue;
import dev.loop.sim.SimChannel;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What happened in the support forum while Loop was down is caught up when it starts again, without duplicates. */
@EndToEnd
class CatchUpEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z").build();

    int rows() {
        return c.db.read(ctx -> ctx.fetchCount(dev.loop.db.Tables.SUPPORT_THREAD));
    }

    @Test
    void threadsAndRepliesMissedWhileOfflineAreRecordedOnce() throws Exception {
        c.seedIssue(
                new NewIssue("Proxy settings are ignored", IssueKind.BUG, "proxy not used", false, null, null),
                1L,
                c.carol);
        SimChannel before = c.alice.postInForum(c.support, "Login loop", "I keep getting logged out");
        eventually("the live post", () -> c.supportThreads().find(before.id()).isPresent());
        assertThat(c.supportThreads().find(before.id()).orElseThrow().answered())
                .isFalse();

        c.stop();
        Instant down = c.clock.instant();
        c.clock.advance(Duration.ofMinutes(15));
        c.erin.say(before, "Which version?"); // answered while Loop was down
        SimChannel missed =
                c.bob.postInForum(c.support, "Proxy settings ignored", "The proxy settings are ignored", "installer");
        c.clock.advance(Duration.ofMinutes(45));
        c.bob.say(missed, "anyone?");
        c.olga.say(missed, "On it"); // first engineer reply, 45 minutes in
        c.clock.advance(Duration.ofMinutes(5));
        c.erin.say(missed, "Confirmed");
        SimChannel unanswered = c.carol.postInForum(c.support, "Feature idea: themes", "Custom themes please");
        c.start();

        eventually(
                "the missed posts",
                () -> c.supportThreads().find(missed.id()).isPresent()
                        && c.supportThreads().find(unanswered.id()).isPresent()
                        && c.supportThreads().find(before.id()).orElseThrow().answered());
        SupportThread m = c.supportThreads().find(missed.id()).orElseThrow();
        assertThat(m.authorId()).isEqualTo(c.bob.id());
        assertThat(m.title()).isEqualTo("Proxy settings ignored");
        assertThat(m.tags()).containsExactly("installer");
        assertThat(m.createdAt())
                .isBetween(
                        down.plus(Duration.ofMinutes(15)).minusSeconds(1),
                        down.plus(Duration.ofMinutes(15)).plusSeconds(1));
        eventually(
                "the first reply of the missed post",
                () -> c.supportThreads().find(missed.id()).orElseThrow().answered());
        m = c.supportThreads().find(missed.id()).orElseThrow();
        assertThat(m.firstEngineerId()).isEqualTo(c.olga.id());
        assertThat(Duration.between(m.createdAt(), m.firstEngineerReplyAt()))
                .isBetween(
                        Duration.ofMinutes(45).minusSeconds(1),
                        Duration.ofMinutes(45).plusSeconds(1));
        SupportThread b = c.supportThreads().find(before.id()).orElseThrow();
        assertThat(b.firstEngineerId()).isEqualTo(c.erin.id());
        assertThat(c.supportThreads().find(unanswered.id()).orElseThrow().answered())
                .isFalse();
        // a missed post is matched like a live one
        c.team.awaitMessage(msg -> msg.fromBot() && msg.content().contains("<#" + missed.id() + ">"));

        // a second restart finds nothing new and duplicates nothing
        int count = rows();
        assertThat(count).isEqualTo(3);
        c.restart();
        c.alice.say(before, "thanks"); // live again
        c.watch().watcher().flush();
        assertThat(rows()).isEqualTo(count);
        assertThat(c.supportThreads().find(missed.id()).orElseThrow().firstEngineerReplyAt())
                .isEqualTo(m.firstEngineerReplyAt());
        assertThat(c.team.messages().stream().filter(msg -> msg.content().contains("<#" + missed.id() + ">")))
                .hasSize(1);
    }
}
