package dev.loop.issue;

import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Keeps the copied transcript true to Discord: a message its author deleted is blanked in every transcript that
 * copied it, and an edit replaces the copy. Part of the issue kernel, the only writer of the transcript table.
 */
public final class TranscriptCorrections {

    /** What a deleted message's copy reads: the words are gone, the place in the conversation stays. */
    public static final String DELETED = "message deleted by its author";

    private final Database db;

    public TranscriptCorrections(Database db) {
        this.db = db;
    }

    /** Blanks every copy of these messages; returns how many transcript lines changed. */
    public int deleted(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) return 0;
        return db.write(ctx -> {
            List<Integer> issues = ctx.selectDistinct(TRANSCRIPT_MESSAGE.ISSUE_NUMBER)
                    .from(TRANSCRIPT_MESSAGE)
                    .where(TRANSCRIPT_MESSAGE.MESSAGE_ID.in(messageIds))
                    .and(TRANSCRIPT_MESSAGE.CONTENT.ne(DELETED).or(TRANSCRIPT_MESSAGE.ATTACHMENT_URLS.isNotNull()))
                    .fetch(TRANSCRIPT_MESSAGE.ISSUE_NUMBER);
            if (issues.isEmpty()) return 0;
            int changed = ctx.update(TRANSCRIPT_MESSAGE)
                    .set(TRANSCRIPT_MESSAGE.CONTENT, DELETED)
                    .setNull(TRANSCRIPT_MESSAGE.ATTACHMENT_URLS)
                    .where(TRANSCRIPT_MESSAGE.MESSAGE_ID.in(messageIds))
                    .execute();
            for (int number : issues) IssueTables.refreshIndex(ctx, number);
            return changed;
        });
    }

    /** Replaces every copy of an edited message with its new text; returns how many lines changed. */
    public int edited(long messageId, String content) {
        return edited(messageId, content, null);
    }

    /**
     * Replaces every copy of an edited message with its new text, unless the copy is newer: {@code editedAt} is
     * Discord's edited_timestamp of this text (equal times count as not older), and a copy already holding a later
     * edit keeps it (an older
     * MESSAGE_UPDATE can arrive late, replayed after a RESUME). A deleted or erased copy stays so. Without an edit
     * time only a copy with none is replaced. Returns how many lines changed.
     */
    public int edited(long messageId, String content, java.time.Instant editedAt) {
        org.jooq.Condition older = editedAt == null
                ? TRANSCRIPT_MESSAGE.EDITED_AT.isNull()
                : TRANSCRIPT_MESSAGE.EDITED_AT.isNull().or(TRANSCRIPT_MESSAGE.EDITED_AT.le(editedAt.toEpochMilli()));
        org.jooq.Condition which = TRANSCRIPT_MESSAGE
                .MESSAGE_ID
                .eq(messageId)
                .and(TRANSCRIPT_MESSAGE.CONTENT.ne(DELETED))
                .and(TRANSCRIPT_MESSAGE.CONTENT.ne(ErasedPeople.ERASED_TEXT)) // erased stays erased
                .and(older);
        return db.write(ctx -> {
            List<Integer> issues = ctx.selectDistinct(TRANSCRIPT_MESSAGE.ISSUE_NUMBER)
                    .from(TRANSCRIPT_MESSAGE)
                    .where(which)
                    .and(TRANSCRIPT_MESSAGE.CONTENT.ne(content))
                    .fetch(TRANSCRIPT_MESSAGE.ISSUE_NUMBER);
            int changed = ctx.update(TRANSCRIPT_MESSAGE)
                    .set(TRANSCRIPT_MESSAGE.CONTENT, content)
                    .set(TRANSCRIPT_MESSAGE.EDITED_AT, editedAt == null ? null : editedAt.toEpochMilli())
                    .where(which)
                    .execute();
            for (int number : issues) IssueTables.refreshIndex(ctx, number);
            return issues.isEmpty() ? 0 : changed;
        });
    }

    /**
     * The copied messages of one Discord channel, newest first, as message id → copied text (a message copied into
     * several transcripts appears once). What a start compares with the channel's recent messages.
     */
    public Map<Long, String> copiedIn(long channelId, int limit) {
        return db.read(ctx -> ctx
                .selectDistinct(TRANSCRIPT_MESSAGE.MESSAGE_ID, TRANSCRIPT_MESSAGE.CONTENT)
                .from(TRANSCRIPT_MESSAGE)
                .join(dev.loop.db.Tables.ISSUE_PLACE)
                .on(dev.loop.db.Tables.ISSUE_PLACE.ID.eq(TRANSCRIPT_MESSAGE.PLACE_ID))
                .where(dev.loop.db.Tables.ISSUE_PLACE.CHANNEL_ID.eq(channelId))
                .orderBy(TRANSCRIPT_MESSAGE.MESSAGE_ID.desc())
                .limit(limit)
                .fetch()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.value1(), r -> r.value2(), (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    /** The Discord channels holding copied messages of issues still active, newest capture first. */
    public List<Long> capturedChannels(int limit) {
        return db.read(ctx -> ctx.selectDistinct(dev.loop.db.Tables.ISSUE_PLACE.CHANNEL_ID)
                .from(dev.loop.db.Tables.ISSUE_PLACE)
                .join(TRANSCRIPT_MESSAGE)
                .on(TRANSCRIPT_MESSAGE.PLACE_ID.eq(dev.loop.db.Tables.ISSUE_PLACE.ID))
                .where(dev.loop.db.Tables.ISSUE_PLACE.CHANNEL_ID.isNotNull())
                .orderBy(dev.loop.db.Tables.ISSUE_PLACE.CHANNEL_ID.desc())
                .limit(limit)
                .fetch(dev.loop.db.Tables.ISSUE_PLACE.CHANNEL_ID));
    }
}
