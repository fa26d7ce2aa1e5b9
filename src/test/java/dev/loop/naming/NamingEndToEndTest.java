package dev.loop.naming;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /name: a native poll in the team channel, and its result when it closes. */
@EndToEnd
class NamingEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z")
            .yaml("naming:\n  poll-duration: 24h\n")
            .build();

    NamingPollStore store() {
        return new NamingPollStore(c.db);
    }

    SimMessage startVote(String proposal, String a1, String a2, String reason) {
        Map<String, Object> options =
                new java.util.HashMap<>(Map.of("proposal", proposal, "alternative1", a1, "alternative2", a2));
        if (reason != null) options.put("reason", reason);
        SimMessage ack = c.erin.runSlash(c.team, "name", options)
                .awaitReply(m -> m.content().startsWith("Naming vote posted"));
        assertThat(ack.ephemeral()).isTrue();
        return c.team.awaitMessage(m -> m.fromBot()
                && m.poll() != null
                && m.poll().answers().getFirst().text().equals(proposal));
    }

    @Test
    void aVoteRunsAsANativePollAndItsResultIsPostedWhenItCloses() {
        SimMessage poll = startVote("Loop", "Circle", "Ring", "The old name clashes with @everyone's favourite tool");
        assertThat(poll.poll().question()).isEqualTo("Which name should we use?");
        assertThat(poll.poll().answers())
                .extracting(SimMessage.PollAnswer::text)
                .containsExactly("Loop", "Circle", "Ring");
        assertThat(poll.content())
                .contains("**Naming vote** started by <@" + c.erin.id() + ">")
                .contains("**Reason:** The old name clashes with @\u200Beveryone's favourite tool");
        assertThat(poll.pinged()).isEmpty();
        assertThat(poll.pingedEveryone()).isFalse();
        NamingPoll stored = store().findByMessage(poll.id()).orElseThrow();
        assertThat(stored.closesAt()).isEqualTo(c.clock.instant().plus(Duration.ofHours(24)));
        assertThat(stored.createdBy()).isEqualTo(c.erin.id());

        c.alice.vote(poll, "Circle");
        c.bob.vote(poll, "Circle");
        c.carol.vote(poll, "Loop");
        eventually("the votes", () -> poll.poll().answers().get(1).votes() == 2);

        // not closed yet, and Discord has not finalized it: nothing is posted
        assertThat(c.naming().runDue(c.clock.instant().plus(Duration.ofHours(1))))
                .isZero();
        // closed, but Discord may still be counting: wait for the grace period
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofMinutes(1))))
                .isZero();
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofMinutes(6))))
                .isEqualTo(1);
        SimMessage result =
                c.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("🗳️ The naming vote on **Loop**"));
        assertThat(result.content())
                .isEqualTo(
                        "🗳️ The naming vote on **Loop** closed: **Circle** wins with 2 of 3 votes (Loop 1 · Circle 2 · Ring 0).");
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofMinutes(7))))
                .isZero();
        assertThat(store().find(stored.id()).orElseThrow().result()).isEqualTo(result.content());
    }

    @Test
    void aPollEndedEarlyPostsItsResultAtOnce() {
        SimMessage poll = startVote("Beacon", "Signal", "Lamp", null);
        assertThat(poll.content()).doesNotContain("Reason");
        c.alice.vote(poll, "Lamp");
        c.bob.vote(poll, "Signal");
        eventually(
                "the votes",
                () -> poll.poll().answers().get(1).votes() == 1
                        && poll.poll().answers().get(2).votes() == 1);
        // ending a poll early (the author's "End poll now") finalizes it on Discord's side
        c.loop()
                .jda()
                .getChannelById(GuildMessageChannel.class, c.team.id())
                .retrieveMessageById(poll.id())
                .complete()
                .endPoll()
                .complete();
        SimMessage result =
                c.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("🗳️ The naming vote on **Beacon**"));
        assertThat(result.content())
                .isEqualTo(
                        "🗳️ The naming vote on **Beacon** closed in a tie between **Signal** and **Lamp** (Beacon 0 · Signal 1 · Lamp 1).");
        NamingPoll stored = store().findByMessage(poll.id()).orElseThrow();
        assertThat(stored.resultPostedAt()).isNotNull();
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofHours(1))))
                .isZero();
        assertThat(c.team.messages().stream().filter(m -> m.content().startsWith("🗳️ The naming vote on **Beacon**")))
                .hasSize(1);
    }

    @Test
    void badNamesGetSpecificAnswers() {
        SimMessage tooLong = c.erin.runSlash(
                        c.team, "name", Map.of("proposal", "x".repeat(56), "alternative1", "b", "alternative2", "c"))
                .awaitReply();
        assertThat(tooLong.content()).isEqualTo("The proposal is 56 characters long; poll answers can be at most 55.");
        assertThat(tooLong.ephemeral()).isTrue();
        SimMessage same = c.erin.runSlash(
                        c.team, "name", Map.of("proposal", "Loop", "alternative1", "LOOP", "alternative2", "c"))
                .awaitReply();
        assertThat(same.content())
                .isEqualTo("The proposal and alternative1 are the same name; offer three different names.");
        SimMessage member = c.alice
                .runSlash(c.team, "name", Map.of("proposal", "a", "alternative1", "b", "alternative2", "c"))
                .awaitReply();
        assertThat(member.content()).isEqualTo("Only engineers can start naming votes.");
    }
}
