package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.naming.NamingPoll;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.testing.Captured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A naming vote tied to an issue records its winner in the issue's history, and that history change reaches the
 * GitHub issue's body the way every record change does.
 */
class GitHubNamingEndToEndTest extends GitHubEndToEnd {

    @Test
    void theWinnerOfANamingVoteTiedToAnIssueReachesItsGitHubBody() throws Exception {
        world("");
        Captured c = w.capture(w.alice, "The sync engine needs a name", "We keep calling it the thing");
        assertThat(w.awaitExported(c.number()).body()).doesNotContain("Naming vote");

        w.erin.runSlash(
                        w.team,
                        "name",
                        Map.of(
                                "proposal",
                                "Relay",
                                "why",
                                "It passes things on",
                                "alternative1",
                                "Courier",
                                "like1",
                                "Friendly",
                                "alternative2",
                                "Pigeon",
                                "like2",
                                "Short",
                                "issue",
                                String.valueOf(c.number())))
                .awaitReply(m -> m.content().startsWith("Naming vote posted"));
        SimMessage poll = w.team.awaitMessage(m -> m.fromBot() && m.poll() != null);
        w.alice.vote(poll, "Courier");
        w.sim.await("the vote", () -> poll.poll().answers().get(1).votes() == 1);
        NamingPoll stored = w.community.namingPolls().findByMessage(poll.id()).orElseThrow();
        assertThat(w.naming().runDue(stored.closesAt().plus(Duration.ofMinutes(6))))
                .isEqualTo(1);

        GitHubIssueView gh = w.awaitExported(c.number());
        assertThat(gh.body()).contains("| Naming vote |").contains("Courier").contains("won");
    }
}
