package dev.loop.sandbox;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.loop.stats.Window;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./run.sh sandbox [--stay]}: the story of the feedback loop, played against the simulator. */
public final class Sandbox {

    /** How long the story waits for any one thing Loop should do before calling it stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Sandbox() {}

    public static int main(String[] args) {
        boolean stay = false;
        for (String a : args) {
            if (a.equals("--stay")) {
                stay = true;
            } else {
                System.err.println("usage: ./run.sh sandbox [--stay]");
                return 2;
            }
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = SandboxSession.newDirectory();
        Path log = logTo(dir.resolve("sandbox.log"));
        out.println("Loop sandbox: the Discord simulator with a demo community, and Loop against it.");
        out.println("Database " + dir.resolve("loop.db") + " · log " + log);
        Instant started = Instant.now();
        SandboxSession session;
        try {
            session = SandboxSession.start(dir, PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException | AssertionError e) {
            System.err.println("The sandbox could not start: " + firstLine(e) + " (see " + log + ")");
            return 1;
        }
        try (session) {
            Community c = session.community();
            out.println("Server “" + c.guild().name() + "”: #help (forum), #support, #team, #releases; engineers "
                    + c.erin().name() + " and " + c.sam().name() + " (who owns the Export area); members "
                    + c.alice().name() + ", " + c.bob().name() + ", "
                    + c.carol().name() + ", " + c.dave().name() + ".");
            Narrator narrator = new Narrator(c, out);
            narrator.showHandles(stay);
            Instant storyStart = session.clock().instant();
            try {
                new Story(c, narrator, session.clock(), session.github()).play();
                new GitHubScene(c, narrator, session.clock(), session.github().repo()).play();
            } catch (RuntimeException | AssertionError e) {
                narrator.catchUp();
                System.err.println();
                System.err.println("The story stopped: " + firstLine(e) + " (details in " + log + ")");
                LoggerFactory.getLogger(Sandbox.class).error("The story stopped", e);
                return 1;
            }
            out.println();
            out.println("━━ KPIs of the story's week " + "━".repeat(48));
            Window week = new Window(storyStart, storyStart.plus(Duration.ofDays(7)));
            KpiSummary.lines(KpiSummary.compute(session.database(), session.config(), week))
                    .forEach(out::println);
            out.println();
            if (!stay) {
                out.println("That was the whole loop, in "
                        + Duration.between(started, Instant.now()).toSeconds()
                        + " s. Run ./run.sh sandbox --stay to keep it running and act as a member yourself.");
                return 0;
            }
            new Repl(session, narrator, out).run(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return 0;
        }
    }

    /** The sandbox talks to the terminal itself: the logs of Loop, JDA and the simulator go to a file. */
    private static Path logTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return file;
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        return file;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
