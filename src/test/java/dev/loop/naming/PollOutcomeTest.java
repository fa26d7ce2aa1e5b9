package dev.loop.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PollOutcomeTest {

    static PollOutcome counts(int a, int b, int c) {
        return new PollOutcome(List.of(
                new PollOutcome.Count("Loop", a),
                new PollOutcome.Count("Ring", b),
                new PollOutcome.Count("@everyone", c)));
    }

    @Test
    void aWinner() {
        assertThat(counts(5, 3, 1).text("Loop"))
                .isEqualTo(
                        "🗳️ The naming vote on **Loop** closed: **Loop** wins with 5 of 9 votes (Loop 5 · Ring 3 · @\u200Beveryone 1).");
        assertThat(counts(0, 1, 0).text("Loop")).contains("**Ring** wins with 1 of 1 vote (");
    }

    @Test
    void aTie() {
        assertThat(counts(2, 2, 1).leaders()).containsExactly("Loop", "Ring");
        assertThat(counts(2, 2, 1).text("Loop"))
                .isEqualTo(
                        "🗳️ The naming vote on **Loop** closed in a tie between **Loop** and **Ring** (Loop 2 · Ring 2 · @\u200Beveryone 1).");
        assertThat(counts(1, 1, 1).text("Loop")).contains("tie between **Loop**, **Ring** and **@\u200Beveryone**");
    }

    @Test
    void noVotes() {
        assertThat(counts(0, 0, 0).leaders()).isEmpty();
        assertThat(counts(0, 0, 0).text("Loop")).isEqualTo("🗳️ The naming vote on **Loop** closed with no votes.");
    }
}
