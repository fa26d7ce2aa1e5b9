package dev.loop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark at a tiny scale to prove the harness still works end to end: each one finishes, reports its
 * figures and writes its JSON. Performance is deliberately not asserted here; {@code ./run.sh bench} does that.
 */
class BenchSmokeTest {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyBenchmarkProducesFiguresAndJson() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> names = List.copyOf(Bench.ALL.keySet());

        List<Outcome> outcomes =
                Bench.run(names, Scale.tiny(), out, new PrintStream(printed, true, StandardCharsets.UTF_8), line -> {});

        assertThat(outcomes).extracting(Outcome::name).containsExactlyElementsOf(names);
        for (Outcome o : outcomes) {
            assertThat(o.figures()).as(o.name()).isNotEmpty();
            assertThat(o.figures()).as(o.name() + " has figures with targets").anyMatch(f -> f.pass() != null);
            assertThat(o.figures())
                    .as(o.name() + " measured something")
                    .allMatch(f -> !Double.isNaN(f.value()) || f.name().startsWith("heap"));
            assertThat(out.resolve(o.name() + ".json")).isRegularFile();
        }
        assertThat(out.resolve("summary.json")).isRegularFile();
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("== latency", "== ingest", "== fanout", "== memory", "== search", "== github", "== summary");
        assertThat(table).doesNotContain("did not finish");
    }
}
