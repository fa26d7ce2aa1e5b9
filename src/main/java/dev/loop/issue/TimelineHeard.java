package dev.loop.issue;

import static dev.loop.db.Tables.TIMELINE_HEARD;

import dev.loop.core.Database;
import dev.loop.db.tables.records.TimelineHeardRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What each requester was last told about an issue's timeline (table {@code timeline_heard}); see TimelineNews. */
final class TimelineHeard {

    private final Database db;

    TimelineHeard(Database db) {
        this.db = db;
    }

    /** Per requester of the issue who heard anything: what they know. */
    Map<Long, TimelineNews.Memory> memories(int number) {
        return db.read(ctx -> {
            Map<Long, TimelineNews.Memory> out = new HashMap<>();
            for (TimelineHeardRecord r : ctx.selectFrom(TIMELINE_HEARD).where(TIMELINE_HEARD.ISSUE_NUMBER.eq(number))) {
                out.put(r.getUserId(), memory(r));
            }
            return out;
        });
    }

    /** Someone joined an issue whose card showed {@code seen}: they start out knowing it (unless they knew more). */
    void joined(int number, long userId, TimelineNews.Heard seen) {
        db.write(ctx -> ctx.insertInto(TIMELINE_HEARD)
                .set(TIMELINE_HEARD.ISSUE_NUMBER, number)
                .set(TIMELINE_HEARD.USER_ID, userId)
                .set(TIMELINE_HEARD.PRIORITY, seen.priority().code())
                .set(TIMELINE_HEARD.PROMISED, seen.promised() ? 1 : 0)
                .set(TIMELINE_HEARD.HEARD_AT, seen.at().toEpochMilli())
                .onConflictDoNothing()
                .execute());
    }

    /** They were told {@code heard}: it becomes the last thing they know, and the earlier last thing the one before. */
    void told(int number, long userId, TimelineNews.Heard heard) {
        db.write(ctx -> {
            TimelineHeardRecord r = ctx.selectFrom(TIMELINE_HEARD)
                    .where(TIMELINE_HEARD.ISSUE_NUMBER.eq(number))
                    .and(TIMELINE_HEARD.USER_ID.eq(userId))
                    .fetchOptional()
                    .orElse(null);
            if (r == null) {
                r = ctx.newRecord(TIMELINE_HEARD);
                r.setIssueNumber(number);
                r.setUserId(userId);
            } else {
                r.setBeforePriority(r.getPriority());
                r.setBeforePromised(r.getPromised());
                r.setBeforeAt(r.getHeardAt());
            }
            r.setPriority(heard.priority().code());
            r.setPromised(heard.promised() ? 1 : 0);
            r.setHeardAt(heard.at().toEpochMilli());
            r.store();
            return null;
        });
    }

    private static TimelineNews.Memory memory(TimelineHeardRecord r) {
        TimelineNews.Heard last = new TimelineNews.Heard(
                Priority.fromCode(r.getPriority()), r.getPromised() == 1, Instant.ofEpochMilli(r.getHeardAt()));
        Optional<TimelineNews.Heard> before = r.getBeforePriority() == null
                ? Optional.empty()
                : Optional.of(new TimelineNews.Heard(
                        Priority.fromCode(r.getBeforePriority()),
                        r.getBeforePromised() != null && r.getBeforePromised() == 1,
                        Instant.ofEpochMilli(r.getBeforeAt())));
        return new TimelineNews.Memory(Optional.of(last), before);
    }
}
