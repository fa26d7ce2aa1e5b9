package dev.loop.triage;

import static dev.loop.db.Tables.TRIAGE_PROMPT;

import dev.loop.core.Database;
import java.time.Instant;

/**
 * Which captures have had their triage prompt (table {@code triage_prompt}; triage is its one writer). A row is
 * written right after the prompt was sent, so an issue a capture made without a row here still needs its prompt.
 */
final class PromptStore {

    /** Where the prompt went. */
    enum Route {
        /** The answer to the capture's interaction, seen by the engineer only. */
        EPHEMERAL("ephemeral"),
        DM("dm"),
        /** The DM was refused; the team channel told the engineer to run /issue triage. */
        TEAM("team");

        final String code;

        Route(String code) {
            this.code = code;
        }
    }

    private final Database db;

    PromptStore(Database db) {
        this.db = db;
    }

    /** Records the prompt of {@code number}; the first record stays (a second changes nothing). */
    void sent(int number, Route route, Long channelId, Long messageId, Instant at) {
        db.write(ctx -> ctx.insertInto(TRIAGE_PROMPT)
                .set(TRIAGE_PROMPT.ISSUE_NUMBER, number)
                .set(TRIAGE_PROMPT.ROUTE, route.code)
                .set(TRIAGE_PROMPT.CHANNEL_ID, channelId)
                .set(TRIAGE_PROMPT.MESSAGE_ID, messageId)
                .set(TRIAGE_PROMPT.SENT_AT, at.toEpochMilli())
                .onConflictDoNothing()
                .execute());
    }

    /** Whether the prompt of {@code number} was sent (or was never owed: the issue is older than this record). */
    boolean isSent(int number) {
        return db.read(ctx -> ctx.fetchExists(TRIAGE_PROMPT, TRIAGE_PROMPT.ISSUE_NUMBER.eq(number)));
    }
}
