package dev.loop.setup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of a test of {@code ./run.sh check} or {@code ./run.sh invite}: one instance per class (the simulators
 * start once), a folder for config files, and the command's stdout and stderr, kept apart and emptied after each
 * test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SetupCommandRun {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code ./run.sh check} with {@code env} as its environment; its exit code. */
    int check(Map<String, String> env) {
        return SetupCommands.check(env, stream(out), stream(err));
    }

    static PrintStream stream(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    /** What the command printed on stdout. */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the command printed on stderr (its problems and warnings), a line each. */
    List<String> stderrLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @AfterEach
    final void emptyOutput() {
        out.reset();
        err.reset();
    }
}
