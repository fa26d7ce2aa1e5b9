package dev.loop.naming;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
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

    /** erin suggests {@code name} once more through Suggest another; what she is told. */
    String erinSuggestsAgain(SimMessage poll, String name) {
        return c.erin.pressButton(poll, "Suggest another")
                .awaitModal()
                .submit(Map.of("name", name, "why", "again"))
                .awaitReply()
                .content();
    }

    SimMessage startVote(String proposal, String a1, String a2, String reason) {
        return startVote(proposal, a1, a2, reason, null);
    }

    SimMessage startVote(String proposal, String a1, String a2, String reason, Integer issue) {
        Map<String, Object> options = new java.util.HashMap<>(Map.of(
                "proposal",
                proposal,
                "why",
                reason == null ? "It says what it does" : reason,
                "alternative1",
                a1,
                "like1",
                "It is friendly",
                "alternative2",
                a2,
                "like2",
                "It is short"));
        if (issue != null) options.put("issue", String.valueOf(issue));
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
                .contains("**Why Loop:** The old name clashes with @\u200Beveryone's favourite tool")
                .contains("**What we like about Circle:** It is friendly")
                .contains("**What we like about Ring:** It is short");
        assertThat(poll.buttonLabels()).containsExactly("Suggest another");
        assertThat(poll.pinged()).isEmpty();
        assertThat(poll.pingedEveryone()).isFalse();
        NamingPoll stored = c.namingPolls().findByMessage(poll.id()).orElseThrow();
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
        assertThat(c.namingPolls().find(stored.id()).orElseThrow().result()).isEqualTo(result.content());
    }

    @Test
    void aPollEndedEarlyPostsItsResultAtOnce() {
        SimMessage poll = startVote("Beacon", "Signal", "Lamp", null);
        assertThat(poll.content()).contains("**Why Beacon:** It says what it does");
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
        NamingPoll stored = c.namingPolls().findByMessage(poll.id()).orElseThrow();
        assertThat(stored.resultPostedAt()).isNotNull();
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofHours(1))))
                .isZero();
        assertThat(c.team.messages().stream().filter(m -> m.content().startsWith("🗳️ The naming vote on **Beacon**")))
                .hasSize(1);
    }

    @Test
    void badNamesGetSpecificAnswers() {
        SimMessage tooLong =
                c.erin.runSlash(c.team, "name", names("x".repeat(56), "b", "c")).awaitReply();
        assertThat(tooLong.content()).isEqualTo("The proposal is 56 characters long; poll answers can be at most 55.");
        assertThat(tooLong.ephemeral()).isTrue();
        SimMessage same =
                c.erin.runSlash(c.team, "name", names("Loop", "LOOP", "c")).awaitReply();
        assertThat(same.content())
                .isEqualTo("The proposal and alternative1 are the same name; offer three different names.");
        SimMessage member = c.alice
                .runSlashFromStaleClient(c.team, "name", names("a", "b", "c"))
                .awaitReply();
        assertThat(member.content()).isEqualTo("Only engineers can start naming votes.");
        Map<String, Object> blankLike = new java.util.HashMap<>(names("a", "b", "c"));
        blankLike.put("like2", "   ");
        assertThat(c.erin.runSlash(c.team, "name", blankLike).awaitReply().content())
                .isEqualTo("Say what you like about alternative2 (`like2`); the team votes on the reasons too.");
        Map<String, Object> noIssue = new java.util.HashMap<>(names("a", "b", "c"));
        noIssue.put("issue", "9999");
        assertThat(c.erin.runSlash(c.team, "name", noIssue).awaitReply().content())
                .isEqualTo("There is no issue #9999.");
    }

    static Map<String, Object> names(String proposal, String a1, String a2) {
        return Map.of(
                "proposal",
                proposal,
                "why",
                "why not",
                "alternative1",
                a1,
                "like1",
                "nice",
                "alternative2",
                a2,
                "like2",
                "fine");
    }

    @Test
    void aFourthNameSuggestedBeforeTheVoteClosesIsCountedAndTheIssueRecordsTheWinner() {
        Captured issue = c.capture(c.alice, "The sync engine needs a name", "We keep calling it the thing");
        SimMessage poll = startVote("Relay", "Courier", "Pigeon", "It passes things on", issue.number());
        assertThat(poll.content()).contains("For **#" + issue.number() + "**.");
        NamingPoll stored = c.namingPolls().findByMessage(poll.id()).orElseThrow();
        assertThat(stored.issueNumber()).isEqualTo(issue.number());

        // a member outside the team can't add names; the team can, once per name
        assertThat(c.alice.pressButton(poll, "Suggest another").awaitReply().content())
                .isEqualTo("Only engineers can suggest names.");
        SimMessage added = c.olga.pressButton(poll, "Suggest another")
                .awaitModal()
                .submit(Map.of("name", "Kestrel", "why", "Quick and sharp, like the engine"))
                .awaitReply(m -> m.content().startsWith("Added"));
        assertThat(added.ephemeral()).isTrue();
        SimMessage reply = c.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("💡"));
        assertThat(reply.content())
                .isEqualTo("💡 <@" + c.olga.id() + "> suggests **Kestrel** for the naming vote on **Relay**: Quick "
                        + "and sharp, like the engine\nReact with 👍 to vote for it; it is counted in the result.");
        assertThat(reply.pinged()).isEmpty();
        assertThat(erinSuggestsAgain(poll, "kestrel"))
                .isEqualTo("**kestrel** was already suggested; give it a 👍 on its reply.");
        assertThat(erinSuggestsAgain(poll, "courier"))
                .isEqualTo("**courier** is already in the poll; vote for it there.");

        c.alice.vote(poll, "Courier");
        c.bob.react(reply, "👍");
        c.carol.react(reply, "👍");
        c.erin.react(reply, "👍");
        eventually("the votes", () -> poll.poll().answers().get(1).votes() == 1);
        eventually("the reactions", () -> reply.reactors("👍").size() == 3);

        // closed: the result counts the suggestion, and no more names can be added
        assertThat(c.naming().runDue(stored.closesAt().plus(Duration.ofMinutes(6))))
                .isEqualTo(1);
        SimMessage result =
                c.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("🗳️ The naming vote on **Relay**"));
        assertThat(result.content())
                .isEqualTo("🗳️ The naming vote on **Relay** closed: **Kestrel** wins with 3 of 4 votes "
                        + "(Relay 0 · Courier 1 · Pigeon 0 · Kestrel 3).");
        assertThat(c.erin.pressButton(poll, "Suggest another").awaitReply().content())
                .isEqualTo("The naming vote on **Relay** has closed, so no more names can be added.");
        assertThat(c.history(issue.number(), "naming")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isNull();
            assertThat(h.detail())
                    .isEqualTo("naming vote on \"Relay\": \"Kestrel\" won (\"Relay\" 0, \"Courier\" 1, \"Pigeon\" 0, "
                            + "\"Kestrel\" 3)");
        });
    }
}
