package dev.loop.app;

import dev.loop.core.Database;
import dev.loop.core.Loop;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigException;
import dev.loop.core.config.ConfigLoader;
import dev.loop.setup.SetupCommands;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's entry point: {@code java -jar loop.jar [run|check|invite]}. The sandbox and the benchmarks are tools
 * with their own entry points ({@code dev.loop.sandbox.SandboxMain}, {@code dev.loop.bench.BenchMain}); run.sh picks
 * the one a command needs.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        int code = switch (command) {
            case "run" -> run(System.getenv());
            case "check", "check-config" -> checkConfig(System.getenv());
            case "invite" -> SetupCommands.invite(System.getenv(), System.out, System.err);
            default -> {
                System.err.println("loop: unknown command " + command + " (expected run, check or invite)");
                yield 2;
            }
        };
        if (code != 0 || !"run".equals(command)) System.exit(code);
    }

    /** Validates the config and, with DISCORD_TOKEN, what the bot can see and do on the server. */
    static int checkConfig(Map<String, String> env) {
        return SetupCommands.check(env, System.out, System.err);
    }

    /** Starts Loop with its own database from the config and the product's features. */
    static Loop start(Config config, String token, Clock clock) throws InterruptedException {
        Database db = Database.open(config.databasePath());
        try {
            return Loop.start(config, token, clock, db, true, Features::all, b -> {});
        } catch (RuntimeException | InterruptedException e) {
            db.close();
            throw e;
        }
    }

    /** Runs the bot until SIGTERM/SIGINT. Returns the exit code when start-up fails. */
    static int run(Map<String, String> env) {
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println(
                    "DISCORD_TOKEN is not set: export your bot token, or try Loop without one: ./run.sh sandbox");
            return 1;
        }
        Config config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("config: " + p));
            return 1;
        }
        Loop loop;
        try {
            loop = start(config, token.strip(), Clock.systemUTC());
        } catch (InvalidTokenException e) {
            System.err.println(
                    "Discord rejected DISCORD_TOKEN: check the token in the Developer Portal (Bot > Reset Token)");
            return 1;
        } catch (Loop.StartupException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            log.error("Loop could not start", e);
            System.err.println("Loop could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Shutting down");
                            loop.close();
                            stopped.countDown();
                        },
                        "loop-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
