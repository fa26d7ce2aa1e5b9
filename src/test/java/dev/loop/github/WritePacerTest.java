package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pacer spaces writes evenly under the limit, and counts a burst (labels at connect) as if it had been spaced. */
class WritePacerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void writesAreSpacedAtTheShareOfTheLimit() {
        WritePacer p = new WritePacer(80);
        assertThat(p.nextSlot(T0)).isEqualTo(T0);
        p.sent(T0);
        assertThat(Duration.between(T0, p.nextSlot(T0)).toMillis()).isBetween(800L, 810L);
    }

    @Test
    void aBurstPushesTheNextSlotAsFarAsSpacedWritesWould() {
        WritePacer p = new WritePacer(80);
        p.sentTogether(T0, 8);
        Instant next = p.nextSlot(T0);
        assertThat(next).isEqualTo(T0.plus(p.spacing().multipliedBy(8)));
        // in any minute from the burst on: 8 labels + the paced writes stay under 80
        long paced = Duration.ofMinutes(1).minus(Duration.between(T0, next)).toNanos()
                        / p.spacing().toNanos()
                + 1;
        assertThat(8 + paced).isLessThanOrEqualTo(80);
    }
}
