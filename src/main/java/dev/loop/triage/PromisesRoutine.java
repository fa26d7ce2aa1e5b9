package dev.loop.triage;

import dev.loop.core.RoutineRuns;
import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily note of promises past due in the team channel. It checks every minute and posts once per local day
 * as soon as the configured time has passed; each day is claimed ({@link RoutineRuns}) before posting, so a
 * restart or a second check never posts twice, and given back when nothing could be posted.
 */
public final class PromisesRoutine {

    private static final Logger log = LoggerFactory.getLogger(PromisesRoutine.class);
    public static final String NAME = "promises-daily";

    /** What one check did. */
    public sealed interface Outcome permits NotDue, AlreadyRan, NothingPastDue, Posted, NotPosted {}

    public record NotDue(Instant next) implements Outcome {}

    public record AlreadyRan(String day) implements Outcome {}

    public record NothingPastDue(String day) implements Outcome {}

    public record Posted(String day, List<Issue> pastDue, int messages) implements Outcome {}

    /** None of the note reached the team channel; the day was given back for the next check. */
    public record NotPosted(String day) implements Outcome {}

    private final Config config;
    private final DailySchedule schedule;
    private final RoutineRuns runs;
    private final IssueStore issues;
    private final Clock clock;
    private volatile ScheduledFuture<?> task;

    PromisesRoutine(Config config, RoutineRuns runs, IssueStore issues, Clock clock) {
        this.config = config;
        this.schedule = new DailySchedule(
                config.promisesNote().time(), config.promisesNote().zone());
        this.runs = runs;
        this.issues = issues;
        this.clock = clock;
    }

    void start(JDA jda, ScheduledExecutorService scheduler) {
        if (!config.promisesNote().enabled()) return;
        task = scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        runIfDue(jda);
                    } catch (RuntimeException e) {
                        log.warn("The promises note failed", e);
                    }
                },
                5,
                60,
                TimeUnit.SECONDS);
        log.info(
                "Promises note scheduled daily at {} {}, next {}",
                schedule.time(),
                schedule.zone(),
                schedule.nextRun(clock.instant()));
    }

    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }

    /**
     * Runs the note for the clock's current time, if it is due and has not run for that day. When none of it reached
     * the team channel the day is given back, so the next check tries again; once any part was posted the day stays
     * claimed, so nothing is posted twice.
     */
    public Outcome runIfDue(JDA jda) {
        Instant now = clock.instant();
        Optional<String> due = schedule.dueKey(now);
        if (due.isEmpty()) return new NotDue(schedule.nextRun(now));
        String day = due.get();
        if (runs.ran(NAME, day) || !runs.claim(NAME, day, now)) return new AlreadyRan(day);
        try {
            List<Issue> pastDue = issues.promisesPastDue(now);
            List<String> messages = PastDueNote.render(pastDue, now);
            if (messages.isEmpty()) return new NothingPastDue(day);
            int sent = post(jda, day, messages);
            if (sent == 0) {
                runs.release(NAME, day);
                return new NotPosted(day);
            }
            return new Posted(day, pastDue, sent);
        } catch (RuntimeException e) {
            runs.release(NAME, day);
            throw e;
        }
    }

    /** Posts the note's messages in the team channel; returns how many were posted. */
    private int post(JDA jda, String day, List<String> messages) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible; the promises note for {} waits for the next check",
                    config.channels().team(),
                    day);
            return 0;
        }
        int sent = 0;
        for (String m : messages) {
            try {
                team.sendMessage(Replies.text(m)).complete();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Part of the promises note for {} was not posted: {}", day, e.toString());
            }
        }
        return sent;
    }
}
