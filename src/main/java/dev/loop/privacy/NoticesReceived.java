package dev.loop.privacy;

import static dev.loop.db.Tables.NOTICE;
import static dev.loop.db.Tables.RELEASE;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;

/**
 * The release notices a person was sent, read from the release outbox (the release feature writes it; this only
 * reads). A notice row holds no text: which release, which way it went and when.
 */
final class NoticesReceived {

    /** One notice: the release's version, how it went (thread, dm) and its state (delivered, failed…). */
    record Notice(String version, String route, String state, Instant at) {}

    private final Database db;

    NoticesReceived(Database db) {
        this.db = db;
    }

    List<Notice> of(long userId) {
        return db.read(ctx -> ctx.select(
                        RELEASE.VERSION, NOTICE.OUTCOME_ROUTE, NOTICE.ROUTE, NOTICE.STATE, NOTICE.UPDATED_AT)
                .from(NOTICE)
                .join(RELEASE)
                .on(RELEASE.ID.eq(NOTICE.RELEASE_ID))
                .where(NOTICE.USER_ID.eq(userId))
                .orderBy(NOTICE.UPDATED_AT, NOTICE.ID)
                .fetch(r -> new Notice(
                        r.value1(),
                        r.value2() == null ? r.value3() : r.value2(),
                        r.value4(),
                        Instant.ofEpochMilli(r.value5()))));
    }
}
