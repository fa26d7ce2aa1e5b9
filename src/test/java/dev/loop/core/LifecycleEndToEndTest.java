package dev.loop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.Sim;
import dev.loop.testing.Community;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot process (java … Main run) against the simulator: it starts from the environment alone, registers
 * its commands, answers a person, and on SIGTERM stops cleanly — gateway closed, database closed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void startsFromTheEnvironmentAnswersAndStopsCleanlyOnSigterm() throws Exception {
        try (Community c = Community.at("2026-11-02T10:00:00Z")
                .realClock()
                .sim(o -> o.awaitTimeout(Duration.ofSeconds(40)))
                .withoutLoop()
                .start()) {
            Sim sim = c.sim;
            Path config = dir.resolve("loop.yaml");
            Files.writeString(config, """
                    discord:
                      guild: "%d"
                    channels:
                      support: ["%d"]
                      team: "%d"
                      releases: "%d"
                    roles:
                      engineers: ["%d"]
                    """.formatted(
                            c.guild.id(), c.support.id(), c.team.id(), c.releases.id(), c.engineers.id()));
            Path db = dir.resolve("data/loop.db");
            Path log = dir.resolve("bot.log");
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Dlogback.configurationFile="
                                    + Path.of("src/test/resources/logback-test.xml")
                                            .toAbsolutePath(),
                            "dev.loop.app.Main",
                            "run")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("DISCORD_TOKEN", sim.token());
            env.put("LOOP_CONFIG", config.toString());
            env.put("LOOP_DB", db.toString());
            env.put("LOOP_DISCORD_API_URL", sim.restBaseUrl());
            env.put("LOOP_DISCORD_GATEWAY_URL", sim.gatewayUrl());
            Process bot = pb.start();
            try {
                sim.awaitBotConnected();
                sim.awaitCommands("issue");
                // the process is ready once it answers; /issue list is registered by the issue feature
                var reply = c.alice.runSlash(c.team, "issue list").awaitReply();
                assertThat(reply.ephemeral()).isTrue();
                assertThat(reply.embeds()).isNotEmpty();

                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(30, TimeUnit.SECONDS))
                        .as("bot exits after SIGTERM")
                        .isTrue();
                sim.awaitBotDisconnected();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- bot output ---\n" + Files.readString(log), e);
            } finally {
                bot.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(output).contains("Loop stopped");
            assertThat(output).doesNotContain(sim.token());
            // SQLite removes the WAL file only when the last connection closes cleanly
            assertThat(db).exists();
            assertThat(new File(db + "-wal")).doesNotExist();
        }
    }
}
