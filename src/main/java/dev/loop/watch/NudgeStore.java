package dev.loop.watch;

import static dev.loop.db.Tables.NUDGE_BOARD;
import static dev.loop.db.Tables.NUDGE_DM;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.Optional;

/** Storage of {@code nudge_board} (the one waiting-threads message) and {@code nudge_dm} (owners told per thread). */
final class NudgeStore {

    /** Where the waiting-threads message is. */
    record Board(long channelId, long messageId) {}

    private final Database db;

    NudgeStore(Database db) {
        this.db = db;
    }

    Optional<Board> board() {
        return db.read(ctx -> ctx.selectFrom(NUDGE_BOARD)
                .where(NUDGE_BOARD.ID.eq(1))
                .fetchOptional(r -> new Board(r.getChannelId(), r.getMessageId())));
    }

    void setBoard(Board b) {
        db.transaction(ctx -> ctx.insertInto(NUDGE_BOARD)
                .set(NUDGE_BOARD.ID, 1)
                .set(NUDGE_BOARD.CHANNEL_ID, b.channelId())
                .set(NUDGE_BOARD.MESSAGE_ID, b.messageId())
                .onConflict(NUDGE_BOARD.ID)
                .doUpdate()
                .set(NUDGE_BOARD.CHANNEL_ID, b.channelId())
                .set(NUDGE_BOARD.MESSAGE_ID, b.messageId())
                .execute());
    }

    /**
     * Claims the owner's DM about a thread; false when it was claimed before. Claimed before sending, so a stop
     * between the two loses that DM rather than sending it twice.
     */
    boolean claimDm(long threadId, long ownerId, Instant now) {
        return db.write(ctx -> ctx.insertInto(NUDGE_DM)
                        .set(NUDGE_DM.THREAD_ID, threadId)
                        .set(NUDGE_DM.OWNER_ID, ownerId)
                        .set(NUDGE_DM.SENT_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
    }
}
