package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoncesTest {

    @Test
    void readableAndHandComputed() {
        // 3 → "3", 36 → "10", 35 → "z"
        assertThat(Nonces.thread(3, 36, 0)).isEqualTo("r3t10c0");
        assertThat(Nonces.thread(3, 36, 35)).isEqualTo("r3t10cz");
        assertThat(Nonces.dm(12, 100)).isEqualTo("rcd2s");
        assertThat(Nonces.announcement(36)).isEqualTo("r10a");
        assertThat(Nonces.threadFallback(1, 1)).isEqualTo("r1x1");
        assertThat(Nonces.review(1, 0)).isEqualTo("r1v0");
    }

    @Test
    void snowflakesFit() {
        long snowflake = Long.MAX_VALUE; // "1y2p0ij32e8e7", 13 characters
        assertThat(Nonces.thread(2_000_000_000L, snowflake, 1295))
                .hasSizeLessThanOrEqualTo(25)
                .startsWith("r");
        assertThat(Nonces.thread(1, -1L, 0)).isEqualTo("r1t3w5e11264sgsfc0"); // unsigned max
    }

    @Test
    void tooLongIsHashedDeterministically() {
        String a = Nonces.dmFallback(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(a).hasSize(25).startsWith("h").matches("[0-9a-z]+");
        assertThat(Nonces.dmFallback(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))
                .isEqualTo(a);
        assertThat(Nonces.dmFallback(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1))
                .isNotEqualTo(a);
    }

    @Test
    void distinctInputsGiveDistinctNonces() {
        Set<String> seen = new HashSet<>();
        for (long release = 1; release <= 5; release++) {
            for (long target = 1_200_000_000_000_000_000L; target < 1_200_000_000_000_000_020L; target++) {
                for (int chunk = 0; chunk < 5; chunk++)
                    assertThat(seen.add(Nonces.thread(release, target, chunk))).isTrue();
                assertThat(seen.add(Nonces.dm(release, target))).isTrue();
                assertThat(seen.add(Nonces.threadFallback(release, target))).isTrue();
                assertThat(seen.add(Nonces.dmFallback(release, target, 42))).isTrue();
            }
            assertThat(seen.add(Nonces.announcement(release))).isTrue();
        }
        assertThat(seen).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(25));
    }
}
