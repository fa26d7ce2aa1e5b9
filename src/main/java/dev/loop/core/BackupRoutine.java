package dev.loop.core;

import dev.loop.core.config.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup ({@code database.backups}): once a day at the configured time Loop copies its database into the
 * backups folder and keeps the newest {@code keep} copies. The day is claimed in {@link RoutineRuns} before the copy,
 * so a restart or a second tick never takes a second one; a copy that failed gives the day back and the next tick,
 * a minute later, tries again.
 */
public final class BackupRoutine implements Feature {

    private static final Logger log = LoggerFactory.getLogger(BackupRoutine.class);
    static final String NAME = "database-backup";

    private final Config.DailyBackups settings;
    private final Database db;
    private final RoutineRuns runs;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> task;

    public BackupRoutine(Services services) {
        this(services.config().backups(), services.database(), services.clock(), services.scheduler());
    }

    BackupRoutine(Config.DailyBackups settings, Database db, Clock clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.db = db;
        this.runs = new RoutineRuns(db);
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** What one check did. */
    public sealed interface Outcome {}

    public record NotDue() implements Outcome {}

    public record AlreadyTaken(String day) implements Outcome {}

    public record Taken(String day, Path file, long bytes, List<Path> deleted) implements Outcome {}

    public record Failed(String day, String reason) implements Outcome {}

    @Override
    public void onReady(JDA jda) {
        if (!settings.enabled()) return;
        task = scheduler.scheduleWithFixedDelay(
                () -> {
                    // an exception escaping a scheduled task would cancel every later run
                    try {
                        runIfDue(clock.instant());
                    } catch (RuntimeException e) {
                        log.warn("The daily backup failed; trying again in a minute", e);
                    }
                },
                11,
                60,
                TimeUnit.SECONDS);
        log.info(
                "Daily backup at {} {} into {}, keeping {}",
                settings.time(),
                settings.zone(),
                settings.dir(),
                settings.keep());
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }

    /** Takes today's backup if its time has come and nobody took it yet. */
    public Outcome runIfDue(Instant now) {
        Optional<String> due = dueDay(now);
        if (due.isEmpty()) return new NotDue();
        String day = due.get();
        if (runs.ran(NAME, day) || !runs.claim(NAME, day, now)) return new AlreadyTaken(day);
        try {
            Path file = Backups.newFile(settings.dir(), now);
            long bytes = Backups.copy(db.file(), file);
            List<Path> deleted = Backups.rotate(settings.dir(), settings.keep());
            log.info(
                    "Backed up the database to {} ({}); removed {} older",
                    file,
                    Backups.humanSize(bytes),
                    deleted.size());
            return new Taken(day, file, bytes, deleted);
        } catch (RuntimeException e) {
            log.warn("The daily backup for {} failed, trying again in a minute: {}", day, e.getMessage());
            try {
                runs.release(NAME, day);
            } catch (RuntimeException stillFailing) {
                log.warn("Could not give the backup day back: {}", stillFailing.getMessage());
            }
            return new Failed(day, e.getMessage());
        }
    }

    /** The local day whose backup is due at {@code now}: today, once the configured time has passed. */
    Optional<String> dueDay(Instant now) {
        if (!settings.enabled()) return Optional.empty();
        ZonedDateTime local = now.atZone(settings.zone());
        if (local.toLocalTime().isBefore(settings.time())) return Optional.empty();
        return Optional.of(local.toLocalDate().toString());
    }
}
