package dev.loop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Start-up failures a person meets: one clear line on stderr, a non-zero exit, and the token never in a log. */
class MainTest {

    private static final String TOKEN = "MTIzNDU2.secret-token-value.do-not-log";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path validConfig() throws Exception {
        Path file = dir.resolve("loop.yaml");
        Files.writeString(file, """
                discord:
                  guild: "100000000000000001"
                channels:
                  support: ["100000000000000002"]
                  team: "100000000000000004"
                  releases: "100000000000000005"
                roles:
                  engineers: ["100000000000000006"]
                """);
        return file;
    }

    @Test
    void missingTokenPointsAtTheSandbox() {
        assertThat(Main.run(Map.of())).isEqualTo(1);
        assertThat(stderr().strip())
                .isEqualTo(
                        "DISCORD_TOKEN is not set: export your bot token, or try Loop without one: ./run.sh sandbox");
    }

    @Test
    void badConfigListsEveryProblemAndExitsNonZero() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "discord:\n  guild: nope\n");
        assertThat(Main.run(Map.of("DISCORD_TOKEN", TOKEN, "LOOP_CONFIG", file.toString())))
                .isEqualTo(1);
        List<String> lines = stderr().lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith("config: "));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(stderr()).doesNotContain(TOKEN);
    }

    @Test
    void checkConfigSaysValid() throws Exception {
        assertThat(Main.checkConfig(Map.of("LOOP_CONFIG", validConfig().toString())))
                .isZero();
        assertThat(Main.checkConfig(
                        Map.of("LOOP_CONFIG", dir.resolve("none.yaml").toString())))
                .isEqualTo(1);
    }

    @Test
    void rejectedTokenIsOneLineAndTheTokenIsNeverLogged() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer discord = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        discord.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"message\":\"401: Unauthorized\",\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        discord.start();
        try {
            String api = "http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10/";
            int code = Main.run(Map.of(
                    "DISCORD_TOKEN",
                    TOKEN,
                    "LOOP_CONFIG",
                    validConfig().toString(),
                    "LOOP_DB",
                    dir.resolve("loop.db").toString(),
                    "LOOP_DISCORD_API_URL",
                    api,
                    "LOOP_DISCORD_GATEWAY_URL",
                    "ws://127.0.0.1:9/"));
            assertThat(code).isEqualTo(1);
        } finally {
            discord.stop(0);
        }
        assertThat(authorizations).contains("Bot " + TOKEN); // it really was sent to Discord…
        assertThat(stderr().strip())
                .isEqualTo(
                        "Discord rejected DISCORD_TOKEN: check the token in the Developer Portal (Bot > Reset Token)");
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) { // …and never written to a log
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain("secret-token-value");
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain("secret-token-value");
            }
        }
    }
}
