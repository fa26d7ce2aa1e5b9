package dev.loop.watch;

import static dev.loop.db.Tables.SUPPORT_THREAD;

import dev.loop.core.Database;
import dev.loop.db.tables.records.SupportThreadRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Storage of {@code support_thread}. Every write is an idempotent upsert, so recording a thread seen both live and
 * during the start-up catch-up, or an engineer reply seen twice, never duplicates or moves anything backwards.
 */
public final class SupportThreadStore {

    /** Discord's thread name limit; titles are stored whole up to it. */
    static final int TITLE_MAX = 200;

    static final int TAGS_MAX = 500;

    private final Database db;

    public SupportThreadStore(Database db) {
        this.db = db;
    }

    /**
     * Records a thread unless it is already known; returns whether it was new. An existing row keeps its creation
     * time and reply; only the title and tags are refreshed (they can be edited).
     */
    public boolean record(SupportThread t) {
        return db.write(ctx -> {
            String title = clip(t.title(), TITLE_MAX);
            String tags = tags(t.tags());
            int inserted = ctx.insertInto(SUPPORT_THREAD)
                    .set(SUPPORT_THREAD.THREAD_ID, t.threadId())
                    .set(SUPPORT_THREAD.GUILD_ID, t.guildId())
                    .set(SUPPORT_THREAD.PARENT_CHANNEL_ID, t.parentChannelId())
                    .set(SUPPORT_THREAD.AUTHOR_ID, t.authorId())
                    .set(SUPPORT_THREAD.TITLE, title)
                    .set(SUPPORT_THREAD.TAGS, tags)
                    .set(SUPPORT_THREAD.CREATED_AT, t.createdAt().toEpochMilli())
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                ctx.update(SUPPORT_THREAD)
                        .set(SUPPORT_THREAD.TITLE, title)
                        .set(SUPPORT_THREAD.TAGS, tags)
                        .where(SUPPORT_THREAD.THREAD_ID.eq(t.threadId()))
                        .execute();
            }
            if (t.firstEngineerReplyAt() != null && t.firstEngineerId() != null) {
                markAnswered(t.threadId(), t.firstEngineerId(), t.firstEngineerReplyAt());
            }
            return inserted > 0;
        });
    }

    /**
     * Records an engineer's reply. Only the earliest reply is kept: a later one (or the same one seen again) changes
     * nothing. Returns whether the stored first reply changed.
     */
    public boolean markAnswered(long threadId, long engineerId, Instant at) {
        long millis = at.toEpochMilli();
        return db.write(ctx -> ctx.update(SUPPORT_THREAD)
                        .set(SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT, millis)
                        .set(SUPPORT_THREAD.FIRST_ENGINEER_ID, engineerId)
                        .where(SUPPORT_THREAD.THREAD_ID.eq(threadId))
                        .and(SUPPORT_THREAD
                                .FIRST_ENGINEER_REPLY_AT
                                .isNull()
                                .or(SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT.gt(millis)))
                        .execute()
                > 0);
    }

    public void setTags(long threadId, List<String> tags) {
        db.transaction(ctx -> ctx.update(SUPPORT_THREAD)
                .set(SUPPORT_THREAD.TAGS, tags(tags))
                .where(SUPPORT_THREAD.THREAD_ID.eq(threadId))
                .execute());
    }

    /** Remembers the issue a thread was linked into (first link wins). */
    public void setCapturedIssue(long threadId, int number) {
        db.transaction(ctx -> ctx.update(SUPPORT_THREAD)
                .set(SUPPORT_THREAD.CAPTURED_ISSUE, number)
                .where(SUPPORT_THREAD.THREAD_ID.eq(threadId))
                .and(SUPPORT_THREAD.CAPTURED_ISSUE.isNull())
                .execute());
    }

    public Optional<SupportThread> find(long threadId) {
        return db.read(ctx -> ctx.selectFrom(SUPPORT_THREAD)
                .where(SUPPORT_THREAD.THREAD_ID.eq(threadId))
                .fetchOptional(SupportThreadStore::toThread));
    }

    /** Thread id → answered yet, for every known thread among {@code threadIds} (to warm the in-memory cache). */
    public Map<Long, Boolean> answeredState(java.util.Collection<Long> threadIds) {
        if (threadIds.isEmpty()) return Map.of();
        return db.read(ctx -> ctx
                .select(SUPPORT_THREAD.THREAD_ID, SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT)
                .from(SUPPORT_THREAD)
                .where(SUPPORT_THREAD.THREAD_ID.in(threadIds))
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2() != null)));
    }

    /** The unanswered threads, oldest first, at most {@code limit}. */
    public List<SupportThread> unanswered(int limit) {
        return db.read(ctx -> ctx.selectFrom(SUPPORT_THREAD)
                .where(SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT.isNull())
                .and(SUPPORT_THREAD.LEFT_INBOX_AT.isNull())
                .orderBy(SUPPORT_THREAD.CREATED_AT, SUPPORT_THREAD.THREAD_ID)
                .limit(limit)
                .fetch(SupportThreadStore::toThread));
    }

    public int countUnanswered() {
        return db.read(ctx -> ctx.fetchCount(
                SUPPORT_THREAD,
                SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT.isNull().and(SUPPORT_THREAD.LEFT_INBOX_AT.isNull())));
    }

    /** The thread was archived or deleted ({@code at}), or opened again (null): it leaves or rejoins the inbox. */
    public void setLeftInbox(long threadId, Instant at) {
        db.write(ctx -> ctx.update(SUPPORT_THREAD)
                .set(SUPPORT_THREAD.LEFT_INBOX_AT, at == null ? null : at.toEpochMilli())
                .where(SUPPORT_THREAD.THREAD_ID.eq(threadId))
                .execute());
    }

    static SupportThread toThread(SupportThreadRecord r) {
        List<String> tags = r.getTags() == null || r.getTags().isEmpty()
                ? List.of()
                : Arrays.stream(r.getTags().split(","))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new SupportThread(
                r.getThreadId(),
                r.getGuildId(),
                r.getParentChannelId(),
                r.getAuthorId(),
                r.getTitle(),
                tags,
                Instant.ofEpochMilli(r.getCreatedAt()),
                r.getFirstEngineerReplyAt() == null ? null : Instant.ofEpochMilli(r.getFirstEngineerReplyAt()),
                r.getFirstEngineerId(),
                r.getCapturedIssue());
    }

    /** Tag names joined by commas; commas inside a name (Discord allows them) become spaces. */
    static String tags(List<String> tags) {
        if (tags.isEmpty()) return null;
        return clip(
                tags.stream()
                        .map(t -> t.replace(',', ' ').strip())
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.joining(",")),
                TAGS_MAX);
    }

    private static String clip(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        // never split a surrogate pair
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
