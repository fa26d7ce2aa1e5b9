package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code enforce_nonce} remembers a nonce for the simulator's nonce window measured on the simulator's clock, so a
 * test can restart a bot "an hour later" without waiting an hour; and a bot reads its own recent messages back with
 * GET channel messages, as a restart does to find what it sent.
 */
class NonceWindowTest {

    @Test
    void theNonceWindowFollowsTheSimulatorsClock() {
        MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-11-09T10:00:00Z"));
        try (Sim sim = Sim.start(SimOptions.defaults().globalRateLimit(0).clock(clock))) {
            RawRest rest = new RawRest(sim);
            SimChannel general = sim.guild("g").textChannel("general");
            String path = "channels/" + general.id() + "/messages";
            String body = "{\"content\":\"once\",\"nonce\":\"n1\",\"enforce_nonce\":true}";
            String first = rest.post(path, body).json().path("id").asText();

            clock.advance(Duration.ofMinutes(4));
            assertThat(rest.post(path, body).json().path("id").asText()).isEqualTo(first);
            assertThat(general.messages()).hasSize(1);

            clock.advance(Duration.ofHours(1)); // past the five minutes: the nonce is forgotten
            String later = rest.post(path, body).json().path("id").asText();
            assertThat(later).isNotEqualTo(first);
            assertThat(general.messages()).hasSize(2);

            // what a restart reads back: the newest first, with content and author
            var recent = rest.get(path + "?limit=50").json();
            assertThat(recent).hasSize(2);
            assertThat(recent.get(0).path("id").asText()).isEqualTo(later);
            assertThat(recent.get(0).path("content").asText()).isEqualTo("once");
            assertThat(recent.get(0).path("author").path("bot").asBoolean()).isTrue();
        }
    }
}
