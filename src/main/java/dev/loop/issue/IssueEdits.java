package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an engineer's fix to an issue's own fields (`/issue edit`): one history line per changed field with the old
 * and new value, one revision bump (which refreshes the cards and the GitHub issue), and the search index. Part of
 * the issue store, the one writer of the issue tables.
 */
public final class IssueEdits {

    /** The fields `/issue edit` can change; {@code area} null means none. */
    public record Fields(String title, IssueKind kind, String summary, String area, boolean needsDocs) {
        public Fields {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(summary, "summary");
        }

        static Fields of(Issue i) {
            return new Fields(i.title(), i.kind(), i.summary(), i.area(), i.needsDocs());
        }
    }

    /** What an edit did: the issue before and after, and one sentence per changed field. */
    public record Edited(Issue before, Issue after, List<String> changes) {
        public boolean kindChanged() {
            return before.kind() != after.kind();
        }
    }

    /** The result: edited, or refused because the issue changed since the form was opened. */
    public sealed interface Outcome {}

    public record Applied(Edited edited) implements Outcome {}

    public record Stale(Issue current) implements Outcome {}

    private final Database db;

    public IssueEdits(IssueStore store) {
        this.db = store.database();
    }

    /**
     * Applies {@code fields} to the issue if it is still at {@code revision}; with nothing different it changes
     * nothing and says so with an empty change list.
     */
    public Optional<Outcome> edit(int number, int revision, Fields fields, long actor, Instant now) {
        return db.write(ctx -> {
            Optional<Issue> found = IssueTables.load(ctx, number);
            if (found.isEmpty()) return Optional.<Outcome>empty();
            Issue before = found.get();
            if (before.revision() != revision) return Optional.<Outcome>of(new Stale(before));
            Fields old = Fields.of(before);
            List<String> changes = new ArrayList<>();
            if (!old.title().equals(fields.title())) changes.add(change("title", old.title(), fields.title()));
            if (old.kind() != fields.kind())
                changes.add(change("kind", old.kind().label(), fields.kind().label()));
            if (!old.summary().equals(fields.summary()))
                changes.add(change("summary", old.summary(), fields.summary()));
            if (!Objects.equals(old.area(), fields.area())) changes.add(change("area", old.area(), fields.area()));
            if (old.needsDocs() != fields.needsDocs())
                changes.add(change("needs docs or copy changes", yesNo(old.needsDocs()), yesNo(fields.needsDocs())));
            if (changes.isEmpty()) return Optional.<Outcome>of(new Applied(new Edited(before, before, changes)));
            ctx.update(ISSUE)
                    .set(ISSUE.TITLE, fields.title())
                    .set(ISSUE.KIND, fields.kind().code())
                    .set(ISSUE.SUMMARY, fields.summary())
                    .set(ISSUE.AREA, fields.area())
                    .set(ISSUE.NEEDS_DOCS, fields.needsDocs())
                    .where(ISSUE.NUMBER.eq(number))
                    .execute();
            for (String c : changes) IssueTables.addHistory(ctx, number, actor, "edit", c, now);
            IssueTables.touch(ctx, number, now);
            IssueTables.refreshIndex(ctx, number);
            Issue after = IssueTables.load(ctx, number).orElseThrow();
            return Optional.<Outcome>of(new Applied(new Edited(before, after, changes)));
        });
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** "title: Old → New"; long text is shortened in the history line only, the record keeps it whole. */
    static String change(String field, String from, String to) {
        return field + ": " + shown(from) + " → " + shown(to);
    }

    private static String shown(String value) {
        if (value == null || value.isBlank()) return "(none)";
        String oneLine = value.strip().replaceAll("\\s+", " ");
        return dev.loop.core.text.Safe.truncate(oneLine, 300);
    }
}
