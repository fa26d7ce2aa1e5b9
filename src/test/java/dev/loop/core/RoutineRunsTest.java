package dev.loop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutineRunsTest {

    @Test
    void aPeriodIsClaimedOnceEvenAfterARestart(@TempDir Path dir) {
        Instant t = Instant.parse("2025-03-10T09:00:00Z");
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            RoutineRuns runs = new RoutineRuns(db);
            assertThat(runs.ran("weekly-report", "2025-03-10")).isFalse();
            assertThat(runs.claim("weekly-report", "2025-03-10", t)).isTrue();
            assertThat(runs.claim("weekly-report", "2025-03-10", t.plusSeconds(60)))
                    .isFalse();
            assertThat(runs.ran("weekly-report", "2025-03-10")).isTrue();
            assertThat(runs.claim("weekly-report", "2025-03-11", t)).isTrue();
            assertThat(runs.claim("promises-daily", "2025-03-10", t)).isTrue();
        }
        try (Database db = Database.open(dir.resolve("loop.db"))) {
            RoutineRuns runs = new RoutineRuns(db);
            assertThat(runs.ran("weekly-report", "2025-03-10")).isTrue();
            assertThat(runs.claim("weekly-report", "2025-03-10", t)).isFalse();
            runs.release("weekly-report", "2025-03-10");
            assertThat(runs.ran("weekly-report", "2025-03-10")).isFalse();
            assertThat(runs.ran("promises-daily", "2025-03-10")).isTrue(); // another routine's claim stays
            assertThat(runs.claim("weekly-report", "2025-03-10", t)).isTrue();
        }
    }
}
