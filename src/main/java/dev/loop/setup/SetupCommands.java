package dev.loop.setup;

import dev.loop.core.Loop;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigException;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.GitHubSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;

/** {@code ./run.sh invite} and {@code ./run.sh check}: exit codes 0 (fine), 1 (something to fix). */
public final class SetupCommands {

    /** The application id, for printing the invite without a token. */
    public static final String ENV_APPLICATION_ID = "LOOP_APPLICATION_ID";

    private SetupCommands() {}

    /** Prints the invite URL; the application id comes from {@code LOOP_APPLICATION_ID} or, with a token, from Discord. */
    public static int invite(Map<String, String> env, PrintStream out, PrintStream err) {
        String configured = env.getOrDefault(ENV_APPLICATION_ID, "").strip();
        long applicationId;
        if (!configured.isEmpty()) {
            try {
                applicationId = Long.parseUnsignedLong(configured);
            } catch (NumberFormatException e) {
                err.println(ENV_APPLICATION_ID
                        + " must be the numeric Application ID (Developer Portal > General Information)");
                return 1;
            }
        } else {
            String token = env.getOrDefault("DISCORD_TOKEN", "").strip();
            if (token.isEmpty()) {
                err.println("Set " + ENV_APPLICATION_ID + " (Developer Portal > General Information > Application ID) "
                        + "or DISCORD_TOKEN to print the invite URL");
                return 1;
            }
            Config.Discord endpoint = new Config.Discord(
                    0,
                    env.getOrDefault(ConfigLoader.ENV_API_URL, ""),
                    env.getOrDefault(ConfigLoader.ENV_GATEWAY_URL, ""));
            JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class));
            Loop.pointAt(builder, endpoint);
            Connection c = connect(builder, err);
            if (c.jda() == null) return 1;
            try {
                applicationId = c.jda().getSelfUser().getApplicationIdLong();
            } finally {
                close(c.jda());
            }
        }
        out.print(Invite.text(applicationId));
        return 0;
    }

    /** Validates the config; with {@code DISCORD_TOKEN}, connects and checks the server as Loop would use it. */
    public static int check(Map<String, String> env, PrintStream out, PrintStream err) {
        Config config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("config: " + p));
            return 1;
        }
        out.println("Configuration is valid.");
        int github = checkGitHub(config, out, err);
        String token = env.getOrDefault("DISCORD_TOKEN", "").strip();
        if (token.isEmpty()) {
            out.println("Set DISCORD_TOKEN to also check what Loop can see and do on your server.");
            return github;
        }
        Connection c = connect(Loop.jdaBuilder(config.discord(), token), err);
        if (c.jda() == null) return 1;
        try {
            Guild guild = c.jda().getGuildById(config.discord().guildId());
            List<String> problems = SetupCheck.problems(config, guild);
            problems.forEach(err::println);
            // Loop works without these; engineers just don't find their commands until an admin acts
            List<String> warnings = guild == null ? List.of() : CommandVisibilityCheck.warnings(config, guild);
            warnings.forEach(err::println);
            if (!problems.isEmpty()) {
                err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " to fix before Loop can do its job.");
                return 1;
            }
            out.println("Connected as " + c.jda().getSelfUser().getName() + ": the server, channels, roles and "
                    + "permissions Loop needs are all in place"
                    + (warnings.isEmpty() ? "." : " (see the warning above)."));
            return github;
        } finally {
            close(c.jda());
        }
    }

    /** With a {@code github:} section, checks the token, the repository and the permissions; 0 when all is fine. */
    private static int checkGitHub(Config config, PrintStream out, PrintStream err) {
        if (config.github().isEmpty()) return 0;
        GitHubSettings settings = config.github().get();
        List<String> problems = GitHubCheck.problems(settings);
        problems.forEach(err::println);
        if (!problems.isEmpty()) return 1;
        out.println("GitHub: the token may write the issues of " + settings.repo()
                + " and read its pull requests, releases and contents.");
        return 0;
    }

    private record Connection(JDA jda) {}

    /** Logs in and waits until ready, turning Discord's refusals into one line on {@code err}. */
    private static Connection connect(JDABuilder builder, PrintStream err) {
        quietJda();
        AtomicReference<CloseCode> closed = new AtomicReference<>();
        builder.addEventListeners(new ListenerAdapter() {
            @Override
            public void onShutdown(ShutdownEvent event) {
                closed.set(event.getCloseCode());
            }
        });
        JDA jda = null;
        try {
            jda = builder.build();
            jda.awaitReady();
            return new Connection(jda);
        } catch (InvalidTokenException e) {
            err.println("Discord rejected DISCORD_TOKEN: check the token in the Developer Portal (Bot > Reset Token)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted while connecting to Discord");
        } catch (RuntimeException e) {
            // awaitReady gives up as soon as JDA starts shutting down; the close code arrives with the shutdown event
            if (jda != null) awaitShutdown(jda);
            CloseCode code = closed.get();
            String message = String.valueOf(e.getMessage());
            if (code == CloseCode.DISALLOWED_INTENTS || message.contains("closecode4014")) {
                err.println("Discord refused Loop's gateway intents: enable Server Members Intent and Message Content "
                        + "Intent under Bot > Privileged Gateway Intents in the Developer Portal");
            } else if (code == CloseCode.AUTHENTICATION_FAILED) {
                err.println(
                        "Discord rejected DISCORD_TOKEN: check the token in the Developer Portal (Bot > Reset Token)");
            } else {
                err.println("Could not connect to Discord: "
                        + (code != null
                                ? code.getMeaning()
                                : message.lines().findFirst().orElse(message)));
            }
        }
        if (jda != null) close(jda);
        return new Connection(null);
    }

    /** A one-shot command's output is its answer: JDA's progress lines would only bury it. */
    private static void quietJda() {
        if (org.slf4j.LoggerFactory.getLogger("net.dv8tion") instanceof ch.qos.logback.classic.Logger jdaLog
                && !jdaLog.isEnabledFor(ch.qos.logback.classic.Level.DEBUG)) {
            jdaLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static void close(JDA jda) {
        jda.shutdownNow();
        awaitShutdown(jda);
    }

    private static void awaitShutdown(JDA jda) {
        try {
            jda.awaitShutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
