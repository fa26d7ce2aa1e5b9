package dev.loop.triage;

import static dev.loop.db.Tables.FIX_NOW_ALERT;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.Optional;

/**
 * The one team-channel alert per issue that it became Fix it now (the only writer of {@code fix_now_alert}). A
 * further This blocks me press edits that message with the count instead of pinging the owner or the engineer role
 * again: the first alert asked for attention, and more presses are news for whoever is already looking.
 */
final class FixNowAlerts {

    /** A posted alert: where it is, what it first said, and how many more people pressed since. */
    record Alert(int issueNumber, long channelId, long messageId, String text, int presses) {
        /** The alert as it should read now. */
        String current() {
            if (presses == 0) return text;
            return text + "\n" + (presses == 1 ? "1 more person has" : presses + " more people have")
                    + " said it blocks them since.";
        }
    }

    private final Database db;

    FixNowAlerts(Database db) {
        this.db = db;
    }

    /** Remembers a newly posted alert; an older one for the issue (it was Fix it now before) is replaced. */
    void posted(int number, long channelId, long messageId, String text, Instant now) {
        db.write(ctx -> ctx.insertInto(FIX_NOW_ALERT)
                .set(FIX_NOW_ALERT.ISSUE_NUMBER, number)
                .set(FIX_NOW_ALERT.CHANNEL_ID, channelId)
                .set(FIX_NOW_ALERT.MESSAGE_ID, messageId)
                .set(FIX_NOW_ALERT.TEXT, text)
                .set(FIX_NOW_ALERT.PRESSES, 0)
                .set(FIX_NOW_ALERT.POSTED_AT, now.toEpochMilli())
                .onConflict(FIX_NOW_ALERT.ISSUE_NUMBER)
                .doUpdate()
                .set(FIX_NOW_ALERT.CHANNEL_ID, channelId)
                .set(FIX_NOW_ALERT.MESSAGE_ID, messageId)
                .set(FIX_NOW_ALERT.TEXT, text)
                .set(FIX_NOW_ALERT.PRESSES, 0)
                .set(FIX_NOW_ALERT.POSTED_AT, now.toEpochMilli())
                .execute());
    }

    /** Counts one more press on the issue's alert; the alert as it now stands, or empty when none was posted. */
    Optional<Alert> pressed(int number) {
        return db.write(ctx -> {
            int updated = ctx.update(FIX_NOW_ALERT)
                    .set(FIX_NOW_ALERT.PRESSES, FIX_NOW_ALERT.PRESSES.plus(1))
                    .where(FIX_NOW_ALERT.ISSUE_NUMBER.eq(number))
                    .execute();
            if (updated == 0) return Optional.<Alert>empty();
            return ctx.selectFrom(FIX_NOW_ALERT)
                    .where(FIX_NOW_ALERT.ISSUE_NUMBER.eq(number))
                    .fetchOptional(r -> new Alert(
                            r.getIssueNumber(), r.getChannelId(), r.getMessageId(), r.getText(), r.getPresses()));
        });
    }
}
