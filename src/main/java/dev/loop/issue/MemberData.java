package dev.loop.issue;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRANSCRIPT_MESSAGE;

import dev.loop.core.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the issue record holds about one person, and erasing it at their request: the issues they asked for, the
 * transcript lines and details they wrote, the history entries that name them. Erasing replaces their words with
 * {@link ErasedPeople#ERASED_TEXT} and turns each requester entry into an anonymous one, so every count (requesters,
 * KPIs, the automatic bump) stays what it was. Part of the kernel, the only writer of the issue tables.
 */
public final class MemberData {

    /** An issue the person asked for, and how. */
    public record Asked(int issueNumber, String title, Requester.How how, String githubLogin, Instant at) {}

    /** A transcript line ({@code detail} false) or a detail added through the form ({@code detail} true). */
    public record Written(int issueNumber, boolean detail, Instant at, String content) {}

    /** Everything the issue record holds about one person (Discord id and, where known, GitHub logins). */
    public record Held(List<Asked> asked, List<Written> written) {
        public boolean isEmpty() {
            return asked.isEmpty() && written.isEmpty();
        }
    }

    /**
     * What one erasure changed, per issue: the anonymous id each requester entry became (other tables that count the
     * person per issue use the same), and how many lines were erased.
     */
    public record Erased(Map<Integer, Long> anonymousIds, int lines, List<Integer> issues) {}

    private final Database db;

    public MemberData(Database db) {
        this.db = db;
    }

    /** What the record holds about {@code userId} and the GitHub accounts {@code githubLogins} (lower case). */
    public Held held(long userId, Collection<String> githubLogins) {
        return db.read(ctx -> {
            List<Asked> asked = ctx.select(
                            REQUESTER.ISSUE_NUMBER,
                            ISSUE.TITLE,
                            REQUESTER.HOW,
                            REQUESTER.GITHUB_LOGIN,
                            REQUESTER.ADDED_AT)
                    .from(REQUESTER)
                    .join(ISSUE)
                    .on(ISSUE.NUMBER.eq(REQUESTER.ISSUE_NUMBER))
                    .where(whose(userId, githubLogins))
                    .orderBy(REQUESTER.ISSUE_NUMBER, REQUESTER.ID)
                    .fetch(r -> new Asked(
                            r.value1(),
                            r.value2(),
                            Requester.How.fromCode(r.value3()),
                            r.value4(),
                            Instant.ofEpochMilli(r.value5())));
            List<Written> written = ctx.selectFrom(TRANSCRIPT_MESSAGE)
                    .where(TRANSCRIPT_MESSAGE.AUTHOR_ID.eq(userId))
                    .orderBy(TRANSCRIPT_MESSAGE.ISSUE_NUMBER, TRANSCRIPT_MESSAGE.POSTED_AT, TRANSCRIPT_MESSAGE.ID)
                    .fetch(l -> new Written(
                            l.getIssueNumber(),
                            l.getPlaceId() == null,
                            Instant.ofEpochMilli(l.getPostedAt()),
                            l.getContent()));
            return new Held(asked, written);
        });
    }

    /**
     * Erases what the record holds about {@code userId} (and those GitHub accounts), in one transaction. Each issue
     * touched gets one history entry saying that a person's data was erased and by whom ({@code actor}: the person
     * themself, or the engineer who did it on their request), never what was erased.
     */
    public Erased erase(long userId, Collection<String> githubLogins, Long actor, Instant now) {
        return db.write(ctx -> {
            Map<Integer, Long> anonymous = new LinkedHashMap<>();
            TreeSet<Integer> issues = new TreeSet<>();
            for (var r : ctx.select(REQUESTER.ID, REQUESTER.ISSUE_NUMBER)
                    .from(REQUESTER)
                    .where(whose(userId, githubLogins))
                    .fetch()) {
                long anon = ErasedPeople.newAnonymousId();
                anonymous.putIfAbsent(r.value2(), anon);
                ctx.update(REQUESTER)
                        .set(REQUESTER.USER_ID, anon)
                        .set(REQUESTER.HOW, Requester.How.ERASED.code())
                        .setNull(REQUESTER.PLACE_ID)
                        .setNull(REQUESTER.GITHUB_LOGIN)
                        .where(REQUESTER.ID.eq(r.value1()))
                        .execute();
                issues.add(r.value2());
            }
            List<Integer> withLines = ctx.selectDistinct(TRANSCRIPT_MESSAGE.ISSUE_NUMBER)
                    .from(TRANSCRIPT_MESSAGE)
                    .where(TRANSCRIPT_MESSAGE.AUTHOR_ID.eq(userId))
                    .fetch(TRANSCRIPT_MESSAGE.ISSUE_NUMBER);
            int lines = ctx.update(TRANSCRIPT_MESSAGE)
                    .set(TRANSCRIPT_MESSAGE.CONTENT, ErasedPeople.ERASED_TEXT)
                    .set(TRANSCRIPT_MESSAGE.AUTHOR_NAME, ErasedPeople.NAME)
                    .set(TRANSCRIPT_MESSAGE.AUTHOR_ID, ErasedPeople.ERASED_AUTHOR)
                    .setNull(TRANSCRIPT_MESSAGE.ATTACHMENT_URLS)
                    .where(TRANSCRIPT_MESSAGE.AUTHOR_ID.eq(userId))
                    .execute();
            issues.addAll(withLines);
            issues.addAll(scrubHistory(ctx, userId, githubLogins));
            for (int number : issues) {
                IssueTables.refreshIndex(ctx, number);
                IssueTables.addHistory(
                        ctx,
                        number,
                        actor == null || actor == userId ? ErasedPeople.ERASED_AUTHOR : actor,
                        "privacy",
                        actor == null || actor == userId
                                ? "A person erased their data: their words here were erased and their request is kept"
                                        + " as an anonymous count."
                                : "A person's data was erased on their request: their words here were erased and"
                                        + " their request is kept as an anonymous count.",
                        now);
                IssueTables.touch(ctx, number, now);
            }
            return new Erased(anonymous, lines, List.copyOf(issues));
        });
    }

    /**
     * History entries made by the person or naming them: they are named no more, and what they typed there (what is
     * still missing from a proposal) is erased too. Returns the issues whose history changed.
     */
    private static List<Integer> scrubHistory(DSLContext ctx, long userId, Collection<String> githubLogins) {
        String mention = "<@" + userId + ">";
        Condition names = ISSUE_HISTORY.ACTOR_ID.eq(userId).or(ISSUE_HISTORY.DETAIL.contains(mention));
        for (String login : githubLogins) names = names.or(ISSUE_HISTORY.DETAIL.contains("GitHub user " + login + " "));
        List<Integer> issues = new ArrayList<>();
        for (var h : ctx.selectFrom(ISSUE_HISTORY).where(names).fetch()) {
            String detail = h.getDetail().replace(mention, ErasedPeople.NAME);
            for (String login : githubLogins)
                detail = detail.replace("GitHub user " + login + " ", ErasedPeople.NAME + " ");
            int missing = detail.indexOf("still missing: ");
            if (missing >= 0) detail = detail.substring(0, missing) + "still missing: " + ErasedPeople.ERASED_TEXT;
            ctx.update(ISSUE_HISTORY)
                    .set(ISSUE_HISTORY.DETAIL, detail)
                    .set(
                            ISSUE_HISTORY.ACTOR_ID,
                            h.getActorId() != null && h.getActorId() == userId
                                    ? ErasedPeople.ERASED_AUTHOR
                                    : h.getActorId())
                    .where(ISSUE_HISTORY.ID.eq(h.getId()))
                    .execute();
            if (!issues.contains(h.getIssueNumber())) issues.add(h.getIssueNumber());
        }
        return issues;
    }

    private static Condition whose(long userId, Collection<String> githubLogins) {
        Condition c = REQUESTER.USER_ID.eq(userId);
        if (!githubLogins.isEmpty())
            c = c.or(REQUESTER
                    .GITHUB_LOGIN
                    .isNotNull()
                    .and(DSL.lower(REQUESTER.GITHUB_LOGIN).in(githubLogins)));
        return c;
    }
}
