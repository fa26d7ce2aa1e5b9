package dev.loop.naming;

import static dev.loop.db.Tables.NAMING_SUGGESTION;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Storage of {@code naming_suggestion}: the names the team added to an open vote with Suggest another. */
public final class NamingSuggestionStore {

    /** One suggested name; {@code messageId} is its reply to the poll (null until posted). */
    public record Suggestion(long id, long pollId, String name, String reason, long suggestedBy, Long messageId) {}

    private final Database db;

    public NamingSuggestionStore(Database db) {
        this.db = db;
    }

    /** The new suggestion, or empty when the vote already has this name (ignoring case). */
    public Optional<Suggestion> add(long pollId, String name, String reason, long by, Instant now) {
        return db.write(ctx -> {
            int inserted = ctx.insertInto(NAMING_SUGGESTION)
                    .set(NAMING_SUGGESTION.POLL_ID, (int) pollId)
                    .set(NAMING_SUGGESTION.NAME, name)
                    .set(NAMING_SUGGESTION.NAME_KEY, key(name))
                    .set(NAMING_SUGGESTION.REASON, reason)
                    .set(NAMING_SUGGESTION.SUGGESTED_BY, by)
                    .set(NAMING_SUGGESTION.SUGGESTED_AT, now.toEpochMilli())
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) return Optional.<Suggestion>empty();
            return ctx.selectFrom(NAMING_SUGGESTION)
                    .where(NAMING_SUGGESTION.POLL_ID.eq((int) pollId))
                    .and(NAMING_SUGGESTION.NAME_KEY.eq(key(name)))
                    .fetchOptional(NamingSuggestionStore::toSuggestion);
        });
    }

    public void setMessage(long id, long messageId) {
        db.write(ctx -> ctx.update(NAMING_SUGGESTION)
                .set(NAMING_SUGGESTION.MESSAGE_ID, messageId)
                .where(NAMING_SUGGESTION.ID.eq((int) id))
                .execute());
    }

    /** Forgets a suggestion whose reply could not be posted, so it can be suggested again. */
    public void delete(long id) {
        db.write(ctx -> ctx.deleteFrom(NAMING_SUGGESTION)
                .where(NAMING_SUGGESTION.ID.eq((int) id))
                .execute());
    }

    /** A vote's suggestions, in the order they were made. */
    public List<Suggestion> of(long pollId) {
        return db.read(ctx -> ctx.selectFrom(NAMING_SUGGESTION)
                .where(NAMING_SUGGESTION.POLL_ID.eq((int) pollId))
                .orderBy(NAMING_SUGGESTION.ID)
                .fetch(NamingSuggestionStore::toSuggestion));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Suggestion toSuggestion(dev.loop.db.tables.records.NamingSuggestionRecord r) {
        return new Suggestion(
                r.getId(), r.getPollId(), r.getName(), r.getReason(), r.getSuggestedBy(), r.getMessageId());
    }
}
