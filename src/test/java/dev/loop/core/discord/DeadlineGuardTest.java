package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * When the guard acknowledges: {@link DeadlineGuard#ACK_AFTER} after Discord created the interaction (the time in its
 * id), whenever Loop received it.
 */
class DeadlineGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    /** An interaction id as Discord makes them: the creation time in milliseconds since its epoch, shifted left 22. */
    private static long createdAt(Instant at) {
        return (at.toEpochMilli() - DISCORD_EPOCH) << 22 | 7;
    }

    private static long acknowledgeIn(Instant created) {
        DeadlineGuard guard = new DeadlineGuard(Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            return guard.acknowledgeIn(createdAt(created));
        } finally {
            guard.close();
        }
    }

    @Test
    void an_interaction_received_as_it_is_made_gets_the_whole_two_seconds() {
        assertThat(acknowledgeIn(NOW)).isEqualTo(2_000);
    }

    @Test
    void an_interaction_that_reached_loop_late_gets_only_what_is_left_of_them() {
        assertThat(acknowledgeIn(NOW.minusMillis(1_500))).isEqualTo(500);
    }

    @Test
    void an_interaction_older_than_two_seconds_on_arrival_is_due_at_once() {
        assertThat(acknowledgeIn(NOW.minusMillis(2_300))).isLessThanOrEqualTo(0);
    }

    @Test
    void a_host_clock_behind_discords_never_pushes_the_acknowledgement_past_two_seconds() {
        assertThat(acknowledgeIn(NOW.plusSeconds(5))).isEqualTo(2_000);
    }
}
