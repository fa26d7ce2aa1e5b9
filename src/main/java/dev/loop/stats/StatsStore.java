package dev.loop.stats;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.NOTICE;
import static dev.loop.db.Tables.RELEASE_ISSUE;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.SUPPORT_THREAD;

import dev.loop.core.Database;
import dev.loop.core.config.Config;
import dev.loop.issue.IssueStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;

/**
 * Loads the fact records the KPIs are computed from.
 *
 * <ul>
 *   <li>Support threads created in the range. A thread belongs to the owner of the issue it was captured into or
 *       linked to (its {@code captured_issue}, else the issue that has it as a place), else to the owner of the product
 *       area whose forum tag it carries.</li>
 *   <li>Every issue, duplicates included (their capture happened), with the times each requester was added.</li>
 *   <li>Release notices that reached a final state in the range, one per (release, person): Loop may address a
 *       person through several rows (one per thread, or a DM after a thread failed), but they were told once. The
 *       person counts as delivered if any row was delivered, else fell back if any fell back, else failed; the time is
 *       that of the row that decided it. Owners are those of the released issues the person asked for.</li>
 * </ul>
 */
public final class StatsStore {

    private final Database db;
    private final List<Config.Area> areas;

    public StatsStore(Database db, List<Config.Area> areas) {
        this.db = db;
        this.areas = List.copyOf(areas);
    }

    /** Everything needed for windows inside {@code [from, to)}. */
    public record Facts(List<SupportThreadFact> threads, List<IssueFact> issues, List<NoticeFact> notices) {
        public Facts {
            threads = List.copyOf(threads);
            issues = List.copyOf(issues);
            notices = List.copyOf(notices);
        }
    }

    public Facts load(Instant from, Instant to) {
        return db.read(ctx -> {
            Map<Integer, Long> owners = new HashMap<>();
            Map<Integer, List<Instant>> requesters = new HashMap<>();
            for (var r : ctx.select(REQUESTER.ISSUE_NUMBER, REQUESTER.ADDED_AT)
                    .from(REQUESTER)
                    .fetch()) {
                requesters.computeIfAbsent(r.value1(), n -> new ArrayList<>()).add(Instant.ofEpochMilli(r.value2()));
            }
            List<IssueFact> issues = new ArrayList<>();
            for (var r : ctx.select(
                            ISSUE.NUMBER,
                            ISSUE.OWNER_ID,
                            ISSUE.CREATED_AT,
                            ISSUE.TRIAGED_AT,
                            ISSUE.SHIPPED_AT,
                            ISSUE.PROMISE_DUE_AT,
                            ISSUE.FIXED_AT,
                            ISSUE.STATUS)
                    .from(ISSUE)
                    .orderBy(ISSUE.NUMBER)
                    .fetch()) {
                int number = r.value1();
                if (r.value2() != null) owners.put(number, r.value2());
                issues.add(new IssueFact(
                        number,
                        r.value2(),
                        instant(r.value3()),
                        instant(r.value4()),
                        instant(r.value5()),
                        instant(r.value6()),
                        requesters.getOrDefault(number, List.of()),
                        instant(r.value7()),
                        IssueStatus.FIXED.code().equals(r.value8())));
            }

            org.jooq.Field<Integer> linked = ctx.select(ISSUE_PLACE.ISSUE_NUMBER)
                    .from(ISSUE_PLACE)
                    .where(ISSUE_PLACE.CHANNEL_ID.eq(SUPPORT_THREAD.THREAD_ID))
                    .orderBy(ISSUE_PLACE.ID)
                    .limit(1)
                    .<Integer>asField("linked_issue");
            List<SupportThreadFact> threads = new ArrayList<>();
            for (Record r : ctx.select(
                            SUPPORT_THREAD.THREAD_ID,
                            SUPPORT_THREAD.CREATED_AT,
                            SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT,
                            SUPPORT_THREAD.CAPTURED_ISSUE,
                            SUPPORT_THREAD.TAGS,
                            linked)
                    .from(SUPPORT_THREAD)
                    .where(SUPPORT_THREAD.CREATED_AT.ge(from.toEpochMilli()))
                    .and(SUPPORT_THREAD.CREATED_AT.lt(to.toEpochMilli()))
                    .fetch()) {
                Integer issue = r.get(SUPPORT_THREAD.CAPTURED_ISSUE);
                if (issue == null) issue = r.get(linked);
                Long owner = issue == null ? null : owners.get(issue);
                if (owner == null) owner = areaOwner(r.get(SUPPORT_THREAD.TAGS));
                threads.add(new SupportThreadFact(
                        r.get(SUPPORT_THREAD.THREAD_ID),
                        Instant.ofEpochMilli(r.get(SUPPORT_THREAD.CREATED_AT)),
                        instant(r.get(SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT)),
                        owner));
            }

            record Person(int release, long user) {}
            Map<Person, NoticeFact> notices = new HashMap<>();
            Map<Person, Set<Long>> noticeOwners = new HashMap<>();
            for (var r : ctx.select(RELEASE_ISSUE.RELEASE_ID, REQUESTER.USER_ID, ISSUE.OWNER_ID)
                    .from(RELEASE_ISSUE)
                    .join(REQUESTER)
                    .on(REQUESTER.ISSUE_NUMBER.eq(RELEASE_ISSUE.ISSUE_NUMBER))
                    .join(ISSUE)
                    .on(ISSUE.NUMBER.eq(RELEASE_ISSUE.ISSUE_NUMBER))
                    .where(ISSUE.OWNER_ID.isNotNull())
                    .fetch()) {
                noticeOwners
                        .computeIfAbsent(new Person(r.value1(), r.value2()), p -> new HashSet<>())
                        .add(r.value3());
            }
            for (var r : ctx.select(NOTICE.RELEASE_ID, NOTICE.USER_ID, NOTICE.STATE, NOTICE.UPDATED_AT)
                    .from(NOTICE)
                    .where(NOTICE.STATE.ne("pending"))
                    .and(NOTICE.UPDATED_AT.ge(from.toEpochMilli()))
                    .and(NOTICE.UPDATED_AT.lt(to.toEpochMilli()))
                    .fetch()) {
                Person p = new Person(r.value1(), r.value2());
                NoticeFact.State state = NoticeFact.State.fromCode(r.value3());
                NoticeFact fact =
                        new NoticeFact(state, Instant.ofEpochMilli(r.value4()), noticeOwners.getOrDefault(p, Set.of()));
                notices.merge(p, fact, StatsStore::better);
            }
            return new Facts(threads, issues, new ArrayList<>(notices.values()));
        });
    }

    /** The outcome that counts for a person told through several rows: delivered, else fell back, else failed. */
    static NoticeFact better(NoticeFact a, NoticeFact b) {
        int ra = rank(a.state()), rb = rank(b.state());
        if (ra != rb) return ra > rb ? a : b;
        return a.at().isBefore(b.at()) ? a : b;
    }

    private static int rank(NoticeFact.State s) {
        return switch (s) {
            case DELIVERED -> 3;
            case FELL_BACK -> 2;
            case FAILED -> 1;
            case PENDING -> 0;
        };
    }

    private Long areaOwner(String tags) {
        if (tags == null || tags.isBlank()) return null;
        Set<String> names = new HashSet<>();
        for (String t : Arrays.asList(tags.split(","))) names.add(t.strip().toLowerCase(Locale.ROOT));
        for (Config.Area a : areas) {
            if (a.forumTag() != null && names.contains(a.forumTag().strip().toLowerCase(Locale.ROOT)))
                return a.ownerId();
        }
        return null;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
