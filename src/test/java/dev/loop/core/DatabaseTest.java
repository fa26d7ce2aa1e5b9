package dev.loop.core;

import static dev.loop.db.Tables.CAPTURE_SOURCE;
import static dev.loop.db.Tables.FIX_NOW_ALERT;
import static dev.loop.db.Tables.GITHUB_ISSUE;
import static dev.loop.db.Tables.GITHUB_PULL;
import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.ISSUE_HISTORY;
import static dev.loop.db.Tables.ISSUE_PLACE;
import static dev.loop.db.Tables.NAMING_POLL;
import static dev.loop.db.Tables.PROPOSAL_ANSWER;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.TRIAGE_PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private static void insertIssue(DSLContext ctx, int number, String title) {
        RawRows.insertIssue(ctx, number, title, "summary of " + title);
    }

    /**
     * A database file made at schema {@code version} (only the sections up to it) and filled by {@code fill}: what an
     * older Loop left behind, for an upgrade test to open with today's schema.
     */
    private Path olderDatabase(int version, Consumer<DSLContext> fill) {
        Path file = dir.resolve("v" + version + "-" + (++olderFiles) + ".db");
        try (Database old = Database.open(file, atVersion(version))) {
            assertThat(old.schemaVersion()).isEqualTo(version);
            old.transaction(fill);
        }
        return file;
    }

    private int olderFiles;

    private static SchemaScript atVersion(int version) {
        return new SchemaScript(SchemaScript.bundled().sections().subList(0, version));
    }

    /** Opens {@code file} with today's schema, which upgrades it to the latest version. */
    private static Database upgrade(Path file) {
        Database upgraded = Database.open(file, SchemaScript.bundled());
        assertThat(upgraded.schemaVersion()).isEqualTo(SchemaScript.bundled().latestVersion());
        return upgraded;
    }

    private static int count(Database db, Table<?> table) {
        return RawRows.count(db, table);
    }

    private static int count(Database db, Table<?> table, Condition where) {
        return RawRows.count(db, table, where);
    }

    @Test
    void freshDatabaseIsAtTheLatestVersionInWalModeWithForeignKeys() {
        try (Database db = Database.open(dir.resolve("sub/loop.db"))) {
            assertThat(db.schemaVersion())
                    .isEqualTo(SchemaScript.bundled().latestVersion())
                    .isGreaterThanOrEqualTo(2);
            assertThat(db.<String>read(
                            ctx -> ctx.resultQuery("PRAGMA journal_mode").fetchOne(0, String.class)))
                    .isEqualToIgnoringCase("wal");
            assertThat(db.<Integer>read(
                            ctx -> ctx.resultQuery("PRAGMA foreign_keys").fetchOne(0, Integer.class)))
                    .isEqualTo(1);
            assertThatThrownBy(() -> db.transaction(ctx -> ctx.insertInto(ISSUE_PLACE)
                            .set(ISSUE_PLACE.ISSUE_NUMBER, 999)
                            .set(ISSUE_PLACE.ORIGIN_ISSUE, 999)
                            .set(ISSUE_PLACE.KIND, "thread")
                            .set(ISSUE_PLACE.URL, "https://discord.com/channels/1/2")
                            .set(ISSUE_PLACE.ADDED_BY, 1L)
                            .set(ISSUE_PLACE.ADDED_AT, 1L)
                            .execute()))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("FOREIGN KEY");
            // the full-text index exists even though jOOQ never saw it
            db.transaction(ctx -> ctx.execute(
                    "INSERT INTO issue_fts(rowid, title, summary, transcript) VALUES (1, 'crash on start', '', '')"));
            assertThat(db.<Integer>read(
                            ctx -> ctx.resultQuery("SELECT count(*) FROM issue_fts WHERE issue_fts MATCH 'crash'")
                                    .fetchOne(0, Integer.class)))
                    .isEqualTo(1);
        }
    }

    @Test
    void upgradingAnOlderDatabaseAppliesOnlyWhatIsMissingAndKeepsEveryRow() {
        Path file = olderDatabase(1, ctx -> {
            for (int i = 1; i <= 50; i++) insertIssue(ctx, i, "issue " + i);
            ctx.insertInto(ISSUE_HISTORY)
                    .set(ISSUE_HISTORY.ISSUE_NUMBER, 7)
                    .set(ISSUE_HISTORY.ORIGIN_ISSUE, 7)
                    .set(ISSUE_HISTORY.AT, 5L)
                    .set(ISSUE_HISTORY.TYPE, "capture")
                    .set(ISSUE_HISTORY.DETAIL, "captured")
                    .execute();
        });
        try (Database old = Database.open(file, atVersion(1))) {
            assertThat(old.<Integer>read(ctx ->
                            ctx.fetchCount(ctx.selectFrom("sqlite_master").where("name = 'naming_poll'"))))
                    .isZero();
        }
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE)).isEqualTo(50);
            assertThat(upgraded.<String>read(ctx -> ctx.select(ISSUE.TITLE)
                            .from(ISSUE)
                            .where(ISSUE.NUMBER.eq(50))
                            .fetchOne(ISSUE.TITLE)))
                    .isEqualTo("issue 50");
            assertThat(count(upgraded, ISSUE_HISTORY)).isEqualTo(1);
            assertThat(count(upgraded, NAMING_POLL)).isZero();
        }
        // opening again changes nothing
        try (Database again = upgrade(file)) {
            assertThat(count(again, ISSUE)).isEqualTo(50);
        }
    }

    @Test
    void upgradingToIdempotentIntakeKeepsEveryPlaceAndClaimsEachIssuesFirstSource() {
        Path file = olderDatabase(4, ctx -> {
            for (int n = 1; n <= 4; n++) insertIssue(ctx, n, "issue " + n);
            String place = "INSERT INTO issue_place (issue_number, origin_issue, kind, channel_id, message_id, url,"
                    + " added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, 42, 5)";
            ctx.execute(place, 1, 1, "forum_post", 500L, null, "https://x/500");
            ctx.execute(place, 1, 1, "thread", 501L, null, "https://x/501"); // linked later: not its source
            ctx.execute(place, 2, 2, "message", 600L, 601L, "https://x/600/601");
            // two issues made from one post before the key existed: both stay, the older keeps the key
            ctx.execute(place, 3, 3, "forum_post", 700L, null, "https://x/700");
            ctx.execute(place, 4, 4, "forum_post", 700L, null, "https://x/700b");
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE)).isEqualTo(4);
            assertThat(count(upgraded, ISSUE_PLACE)).isEqualTo(5);
            assertThat(upgraded.<Map<String, Integer>>read(ctx -> ctx.selectFrom(CAPTURE_SOURCE)
                            .fetchMap(CAPTURE_SOURCE.SOURCE, CAPTURE_SOURCE.ISSUE_NUMBER)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("thread:500", 1, "message:601", 2, "thread:700", 3));
        }
    }

    @Test
    void upgradingToGitHubSyncKeepsEveryRequester() {
        Path file = olderDatabase(3, ctx -> {
            insertIssue(ctx, 1, "dark mode");
            for (long user = 1; user <= 20; user++) {
                ctx.execute(
                        "INSERT INTO requester (issue_number, origin_issue, user_id, how, added_by, added_at)"
                                + " VALUES (1, 1, ?, 'me_too', ?, 5)",
                        100000000000000000L + user,
                        100000000000000000L + user);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, REQUESTER)).isEqualTo(20);
            assertThat(count(upgraded, REQUESTER, REQUESTER.GITHUB_LOGIN.isNull()))
                    .isEqualTo(20);
            assertThat(count(upgraded, GITHUB_ISSUE)).isZero();
        }
    }

    @Test
    void upgradingKeepsEveryIssueAndTellsWhereEachPriorityCameFrom() {
        Path file = olderDatabase(4, ctx -> {
            for (int i = 1; i <= 30; i++) insertIssue(ctx, i, "issue " + i);
            ctx.execute("UPDATE issue SET priority = 'low', triage_answers = 'blocked=n' WHERE number <= 10");
            ctx.execute("UPDATE issue SET priority = 'high' WHERE number > 10 AND number <= 20");
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE)).isEqualTo(30);
            assertThat(count(upgraded, ISSUE, ISSUE.PRIORITY_SOURCE.eq("flowchart")))
                    .isEqualTo(10);
            assertThat(count(upgraded, ISSUE, ISSUE.PRIORITY_SOURCE.eq("engineer")))
                    .isEqualTo(10);
            assertThat(count(upgraded, ISSUE, ISSUE.PRIORITY_SOURCE.isNull())).isEqualTo(10);
            assertThat(count(upgraded, FIX_NOW_ALERT)).isZero();
        }
    }

    @Test
    void refusesADatabaseFromANewerLoop() {
        Path file = dir.resolve("future.db");
        try (Database db = Database.open(file)) {
            db.transaction(ctx -> ctx.execute("PRAGMA user_version = 99"));
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void aFailedWriteRollsBackEverything() {
        try (Database db = Database.open(dir.resolve("rb.db"))) {
            assertThatThrownBy(() -> db.transaction(ctx -> {
                        insertIssue(ctx, 1, "kept?");
                        insertIssue(ctx, 1, "duplicate key");
                    }))
                    .isInstanceOf(DatabaseException.class);
            assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ISSUE))).isZero();
            assertThatThrownBy(() -> db.transaction(ctx -> {
                        insertIssue(ctx, 2, "kept?");
                        throw new IllegalStateException("handler failed");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ISSUE))).isZero();
        }
    }

    @Test
    void nestedWritesJoinTheOuterTransactionAndReadsInsideSeeThem() {
        try (Database db = Database.open(dir.resolve("nest.db"))) {
            assertThatThrownBy(() -> db.transaction(outer -> {
                        insertIssue(outer, 1, "outer");
                        db.transaction(inner -> insertIssue(inner, 2, "inner"));
                        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ISSUE)))
                                .isEqualTo(2);
                        throw new IllegalStateException("abort both");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ISSUE))).isZero();
        }
    }

    @Test
    void manyThreadsWritingAndReadingAtOnceLoseNothingAndNeverSeeBusy() throws Exception {
        int threads = 8;
        int writesEach = 300;
        try (Database db = Database.open(dir.resolve("hammer.db"))) {
            db.transaction(ctx -> insertIssue(ctx, 1, "counter"));
            ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger reads = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        int n = i;
                        try {
                            db.transaction(ctx -> {
                                ctx.insertInto(ISSUE_HISTORY)
                                        .set(ISSUE_HISTORY.ISSUE_NUMBER, 1)
                                        .set(ISSUE_HISTORY.ORIGIN_ISSUE, 1)
                                        .set(ISSUE_HISTORY.AT, (long) n)
                                        .set(ISSUE_HISTORY.TYPE, "t" + thread)
                                        .set(ISSUE_HISTORY.DETAIL, "w" + n)
                                        .execute();
                                ctx.update(ISSUE)
                                        .set(ISSUE.REVISION, ISSUE.REVISION.plus(1))
                                        .where(ISSUE.NUMBER.eq(1))
                                        .execute();
                            });
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        try {
                            db.read(ctx -> ctx.fetchCount(ISSUE_HISTORY));
                            reads.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(failures).isEmpty();
            assertThat(reads.get()).isEqualTo(1000);
            assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ISSUE_HISTORY))).isEqualTo(threads * writesEach);
            assertThat(db.<Integer>read(
                            ctx -> ctx.select(ISSUE.REVISION).from(ISSUE).fetchOne(ISSUE.REVISION)))
                    .isEqualTo(threads * writesEach);
        }
    }

    @Test
    void closedDatabaseRefusesWork() {
        Database db = Database.open(dir.resolve("closed.db"));
        db.close();
        assertThatThrownBy(() -> db.read(ctx -> 1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> db.transaction(ctx -> {})).isInstanceOf(DatabaseException.class);
    }

    @Test
    void schemaSectionsAreParsedInOrder() {
        SchemaScript s = SchemaScript.parse(
                "-- header\n-- version 1\nCREATE TABLE a (x INT);\n-- version 2\nCREATE TABLE b (y INT);\n");
        assertThat(s.sections()).extracting(SchemaScript.Section::version).containsExactly(1, 2);
        assertThat(s.sections().get(0).sql()).isEqualTo("CREATE TABLE a (x INT);");
        assertThat(s.sections().get(1).sql()).isEqualTo("CREATE TABLE b (y INT);");
        assertThatThrownBy(() -> SchemaScript.parse("-- version 2\nCREATE TABLE b (y INT);"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upgradingToPullRequestTrackingKeepsEveryIssueAndGitHubLink() {
        Path file = olderDatabase(4, ctx -> {
            for (int i = 1; i <= 30; i++) insertIssue(ctx, i, "issue " + i);
            ctx.execute("INSERT INTO github_issue (issue_number, state, github_number, url, created_at, updated_at)"
                    + " VALUES (3, 'created', 41, 'https://github.com/acme/widget/issues/41', 5, 5)");
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE)).isEqualTo(30);
            assertThat(count(upgraded, GITHUB_ISSUE)).isEqualTo(1);
            assertThat(count(upgraded, GITHUB_PULL)).isZero();
        }
    }

    @Test
    void upgradingToWhatIsStillMissingKeepsEveryAnswer() {
        Path file = olderDatabase(4, ctx -> {
            insertIssue(ctx, 1, "dark mode");
            ctx.execute("INSERT INTO proposal (id, issue_number, solution, proposed_by, proposed_at)"
                    + " VALUES (1, 1, 'a toggle', 7, 5)");
            for (long user = 1; user <= 10; user++) {
                ctx.execute(
                        "INSERT INTO proposal_answer (proposal_id, user_id, solves, at) VALUES (1, ?, ?, 6)",
                        100000000000000000L + user,
                        user % 2 == 0);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, PROPOSAL_ANSWER)).isEqualTo(10);
            assertThat(count(
                            upgraded,
                            PROPOSAL_ANSWER,
                            PROPOSAL_ANSWER.MISSING.isNull().and(PROPOSAL_ANSWER.OWNER_TOLD_AT.isNull())))
                    .isEqualTo(10);
        }
    }

    @Test
    void upgradingToEditableOffersAndReviewsOnGitHubKeepsEveryOfferAndRelease() {
        Path file = olderDatabase(8, ctx -> {
            ctx.execute("INSERT INTO release_offer (source_key, version, issues, notes, state, created_at)"
                    + " VALUES ('github-release:7', '1.4.0', '1 2', 'notes', 'offered', 5)");
            ctx.execute("INSERT INTO release (version, notes, published_by, published_at, announcement_state,"
                    + " announcement_nonce) VALUES ('1.3.0', 'older', 7, 5, 'posted', 'n')");
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(
                            dev.loop.db.Tables.RELEASE_OFFER,
                            dev.loop.db.Tables.RELEASE_OFFER
                                    .REVISION
                                    .eq(0)
                                    .and(dev.loop.db.Tables.RELEASE_OFFER.RELEASE_ID.isNull()))))
                    .isEqualTo(1);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(
                            dev.loop.db.Tables.RELEASE, dev.loop.db.Tables.RELEASE.REVIEW_ON_GITHUB.eq(0))))
                    .isEqualTo(1);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.GITHUB_REVIEW)))
                    .isZero();
        }
    }

    @Test
    void upgradingToGitHubLinksAndHintsKeepsEveryGitHubIssue() {
        Path file = olderDatabase(8, ctx -> {
            for (int i = 1; i <= 20; i++) insertIssue(ctx, i, "issue " + i);
            for (int i = 1; i <= 5; i++)
                ctx.execute(
                        "INSERT INTO github_issue (issue_number, state, github_number, url, created_at,"
                                + " updated_at) VALUES (?, 'created', ?, 'https://github.com/acme/widget/issues/1', 5, 5)",
                        i,
                        40 + i);
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(ISSUE))).isEqualTo(20);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.GITHUB_ISSUE)))
                    .isEqualTo(5);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.GITHUB_LINK)))
                    .isZero();
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.GITHUB_HINT)))
                    .isZero();
        }
    }

    @Test
    void upgradingToDesignThreadsNamingReasonsAndGoalsKeepsEveryIssueAndPoll() {
        Path file = olderDatabase(8, ctx -> {
            for (int n = 1; n <= 5; n++) insertIssue(ctx, n, "issue " + n);
            ctx.execute("INSERT INTO naming_poll (id, channel_id, proposal, alternative1, alternative2, reason,"
                    + " created_by, created_at, closes_at) VALUES (1, 5, 'Loop', 'Ring', 'Cycle', 'short', 7, 1, 2)");
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.ISSUE)))
                    .isEqualTo(5);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.DESIGN_THREAD)))
                    .isZero();
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.NAMING_POLL)))
                    .isEqualTo(1);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(
                            dev.loop.db.Tables.NAMING_POLL, dev.loop.db.Tables.NAMING_POLL.ISSUE_NUMBER.isNull())))
                    .isEqualTo(1);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.NAMING_SUGGESTION)))
                    .isZero();
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.KPI_GOAL)))
                    .isZero();
        }
    }

    @Test
    void upgradingToWhatRequestersHeardKeepsEveryRequesterAndSupportThreadAndStartsWithNothingHeard() {
        Path file = olderDatabase(8, ctx -> {
            for (int i = 1; i <= 5; i++) insertIssue(ctx, i, "issue " + i);
            for (long user = 1; user <= 10; user++) {
                ctx.execute(
                        "INSERT INTO requester (issue_number, origin_issue, user_id, how, added_by, added_at)"
                                + " VALUES (?, ?, ?, 'me_too', 1, 5)",
                        (int) (user % 5) + 1,
                        (int) (user % 5) + 1,
                        100000000000000000L + user);
                ctx.execute(
                        "INSERT INTO support_thread (thread_id, guild_id, parent_channel_id, author_id, title,"
                                + " created_at) VALUES (?, 1, 2, 3, 'a post', 5)",
                        200000000000000000L + user);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.REQUESTER)))
                    .isEqualTo(10);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(
                            dev.loop.db.Tables.SUPPORT_THREAD,
                            dev.loop.db.Tables.SUPPORT_THREAD.LEFT_INBOX_AT.isNull())))
                    .isEqualTo(10);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.TIMELINE_HEARD)))
                    .isZero();
        }
    }

    @Test
    void upgradingToEditTimesKeepsEveryTranscriptLine() {
        Path file = olderDatabase(8, ctx -> {
            insertIssue(ctx, 1, "dark mode");
            for (long m = 1; m <= 10; m++) {
                ctx.execute(
                        "INSERT INTO transcript_message (issue_number, origin_issue, message_id, author_id,"
                                + " author_name, posted_at, content) VALUES (1, 1, ?, 7, 'alice', 5, ?)",
                        100000000000000000L + m,
                        "line " + m);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(
                            dev.loop.db.Tables.TRANSCRIPT_MESSAGE,
                            dev.loop.db.Tables.TRANSCRIPT_MESSAGE.EDITED_AT.isNull())))
                    .isEqualTo(10);
        }
    }

    @Test
    void upgradingToNudgesKeepsEverySupportThreadAndStartsWithNoNudgeSent() {
        Path file = olderDatabase(12, ctx -> {
            for (long t = 1; t <= 10; t++) {
                ctx.execute(
                        "INSERT INTO support_thread (thread_id, guild_id, parent_channel_id, author_id, title,"
                                + " created_at) VALUES (?, 1, 2, 3, 'a post', 5)",
                        300000000000000000L + t);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.SUPPORT_THREAD)))
                    .isEqualTo(10);
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.NUDGE_DM)))
                    .isZero();
            assertThat(upgraded.<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.NUDGE_BOARD)))
                    .isZero();
        }
    }

    @Test
    void upgradingToTriagePromptsKeepsEveryIssueAndOwesNoneOfThemAPrompt() {
        Path file = olderDatabase(14, ctx -> {
            for (int n = 1; n <= 10; n++) insertIssue(ctx, n, "issue " + n);
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE)).isEqualTo(10);
            // every issue made before the upgrade counts as prompted, so no start asks about old captures
            assertThat(count(upgraded, TRIAGE_PROMPT, TRIAGE_PROMPT.ROUTE.eq("earlier")))
                    .isEqualTo(10);
            assertThat(count(upgraded, TRIAGE_PROMPT, TRIAGE_PROMPT.SENT_AT.eq(1_000L)))
                    .isEqualTo(10);
        }
    }

    @Test
    void upgradingToGivenUpCardsKeepsEveryPlaceAndGivesUpNoCard() {
        Path file = olderDatabase(15, ctx -> {
            insertIssue(ctx, 1, "dark mode");
            for (long t = 1; t <= 10; t++) {
                ctx.execute(
                        "INSERT INTO issue_place (issue_number, origin_issue, kind, channel_id, card_message_id, url,"
                                + " added_by, added_at) VALUES (1, 1, 'forum_post', ?, ?, ?, 7, 5)",
                        400000000000000000L + t,
                        t % 2 == 0 ? 500000000000000000L + t : null,
                        "https://discord.com/channels/1/" + t);
            }
        });
        try (Database upgraded = upgrade(file)) {
            assertThat(count(upgraded, ISSUE_PLACE)).isEqualTo(10);
            assertThat(count(upgraded, ISSUE_PLACE, ISSUE_PLACE.CARD_MESSAGE_ID.isNull()))
                    .isEqualTo(5);
            // the cards still owed stay owed: only a start that finds a place gone gives its card up
            assertThat(count(upgraded, ISSUE_PLACE, ISSUE_PLACE.CARD_GIVEN_UP_AT.isNull()))
                    .isEqualTo(10);
        }
    }
}
