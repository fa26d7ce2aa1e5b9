package dev.loop.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.Config;
import dev.loop.issue.Fixtures;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.testing.SqliteTest;
import dev.loop.watch.SupportThread;
import dev.loop.watch.SupportThreadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facts as loaded from a real database, and the KPIs over them, computed by hand. */
class StatsStoreTest extends SqliteTest {

    static final Window WEEK = new Window(at("03-03T00:00"), at("03-10T00:00"));
    static final long ENGINEER = 900;

    StatsStore stats;

    static Instant at(String t) {
        return Instant.parse("2025-" + t + ":00Z");
    }

    @BeforeEach
    void setUp() {
        stats = new StatsStore(
                db, List.of(new Config.Area("Installer", 77, "installer"), new Config.Area("Sync", 88, null)));
        IssueStore issues = new IssueStore(db);
        // #1, owner 77, captured in the week from thread 101, a second requester the next day, triaged after 2h with a
        // promise for 03-08, shipped on 03-07 (kept)
        Fixtures.capturedFromPost(
                issues,
                new NewIssue("Installer fails", IssueKind.BUG, "s", false, "Installer", 77L),
                101L,
                7L,
                ENGINEER,
                at("03-04T10:00"));
        issues.addRequester(1, 8, Requester.How.ME_TOO, null, 8, at("03-05T10:00"));
        issues.setPriority(1, Priority.HIGH, "quick", null, at("03-08T00:00"), ENGINEER, at("03-04T12:00"));
        issues.markShipped(1, "1.2.0", ENGINEER, at("03-07T10:00"));
        // #2, owner 88, captured before the week, triaged at the very start of it, promise for 03-06 broken
        Fixtures.capturedFromPost(
                issues,
                new NewIssue("Sync loops", IssueKind.BUG, "s", false, "Sync", 88L),
                555L,
                9L,
                ENGINEER,
                at("02-20T00:00"));
        issues.setPriority(2, Priority.FIX_NOW, "blocked", null, at("03-06T00:00"), ENGINEER, at("03-03T00:00"));
        // #3, nobody's, captured late in the week
        Fixtures.capturedFromPost(
                issues,
                new NewIssue("Docs typo", IssueKind.QUESTION, "s", false, null, null),
                556L,
                10L,
                ENGINEER,
                at("03-08T00:00"));

        SupportThreadStore threads = new SupportThreadStore(db);
        threads.record(
                SupportThread.opened(100, 1, 10, 7, "tagged installer", List.of("Installer"), at("03-04T09:00")));
        threads.markAnswered(100, ENGINEER, at("03-04T09:30"));
        threads.record(SupportThread.opened(101, 1, 10, 7, "captured into #1", List.of(), at("03-04T09:30")));
        threads.markAnswered(101, ENGINEER, at("03-04T11:30"));
        threads.record(SupportThread.opened(102, 1, 10, 9, "linked to #2", List.of("installer"), at("03-05T00:00")));
        threads.setCapturedIssue(102, 2); // the linked issue's owner wins over the area tag
        threads.record(SupportThread.opened(103, 1, 10, 9, "before the week", List.of(), at("03-01T00:00")));
        threads.record(SupportThread.opened(104, 1, 10, 9, "answered too late", List.of(), at("03-09T00:00")));
        threads.markAnswered(104, ENGINEER, at("03-10T06:00"));

        db.transaction(ctx -> {
            ctx.execute(
                    "INSERT INTO release (id, version, notes, published_by, published_at, announcement_state, "
                            + "announcement_nonce) VALUES (1, '1.2.0', 'n', 900, ?, 'delivered', 'n1')",
                    at("03-07T10:00").toEpochMilli());
            ctx.execute("INSERT INTO release_issue (release_id, issue_number) VALUES (1, 1)");
            String notice =
                    "INSERT INTO notice (release_id, user_id, route, target_channel_id, state, next_attempt_at, "
                            + "updated_at) VALUES (1, ?, ?, ?, ?, 0, ?)";
            // user 7: the thread failed, the DM fallback was delivered → one person, delivered
            ctx.execute(notice, 7, "thread", 101, "fell_back", at("03-07T11:00").toEpochMilli());
            ctx.execute(notice, 7, "dm", null, "delivered", at("03-07T11:05").toEpochMilli());
            ctx.execute(notice, 8, "thread", 101, "failed", at("03-07T11:00").toEpochMilli());
            ctx.execute(notice, 9, "thread", 555, "pending", at("03-07T11:00").toEpochMilli());
        });
    }

    KpiReport kpis(Optional<Long> owner) {
        StatsStore.Facts f = stats.load(WEEK.from(), WEEK.to());
        return Kpis.compute(WEEK, owner, f.threads(), f.issues(), f.notices());
    }

    @Test
    void factsAreMappedFromTheTables() {
        StatsStore.Facts f = stats.load(WEEK.from(), WEEK.to());
        assertThat(f.threads())
                .extracting(SupportThreadFact::threadId)
                .containsExactlyInAnyOrder(100L, 101L, 102L, 104L);
        assertThat(f.threads())
                .filteredOn(t -> t.threadId() == 100)
                .singleElement()
                .satisfies(t -> assertThat(t.ownerId()).isEqualTo(77L)); // by forum tag, case-insensitive
        assertThat(f.threads())
                .filteredOn(t -> t.threadId() == 101)
                .singleElement()
                .satisfies(t -> assertThat(t.ownerId()).isEqualTo(77L)); // by the issue it is a place of
        assertThat(f.threads())
                .filteredOn(t -> t.threadId() == 102)
                .singleElement()
                .satisfies(t -> assertThat(t.ownerId()).isEqualTo(88L)); // by its captured issue
        assertThat(f.threads())
                .filteredOn(t -> t.threadId() == 104)
                .singleElement()
                .satisfies(t -> assertThat(t.ownerId()).isNull());
        assertThat(f.issues()).hasSize(3);
        IssueFact one = f.issues().getFirst();
        assertThat(one.capturedAt()).isEqualTo(at("03-04T10:00"));
        assertThat(one.triagedAt()).isEqualTo(at("03-04T12:00"));
        assertThat(one.shippedAt()).isEqualTo(at("03-07T10:00"));
        assertThat(one.promiseDueAt()).isEqualTo(at("03-08T00:00"));
        assertThat(one.requestersAddedAt()).containsExactlyInAnyOrder(at("03-04T10:00"), at("03-05T10:00"));
        assertThat(f.notices())
                .containsExactlyInAnyOrder(
                        new NoticeFact(NoticeFact.State.DELIVERED, at("03-07T11:05"), Set.of(77L)),
                        new NoticeFact(NoticeFact.State.FAILED, at("03-07T11:00"), Set.of(77L)));
    }

    @Test
    void wholeTeam() {
        KpiReport r = kpis(Optional.empty());
        assertThat(r.newSupportThreads()).isEqualTo(4); // 100, 101, 102, 104
        assertThat(r.medianFirstReply()).contains(Duration.ofMinutes(75)); // 30m and 2h
        assertThat(r.unansweredThreads()).isEqualTo(2); // 102, and 104 answered after the week
        assertThat(r.capturedIssues()).isEqualTo(2); // #1, #3
        assertThat(r.requestersAdded()).isEqualTo(3); // 7 and 8 on #1, 10 on #3
        assertThat(r.triagedIssues()).isEqualTo(2); // #1, #2 at the window's first instant
        assertThat(r.medianCaptureToTriage()).contains(Duration.ofHours(133)); // (2h + 11d) / 2
        assertThat(r.shippedIssues()).isEqualTo(1);
        assertThat(r.medianCaptureToShip()).contains(Duration.ofDays(3));
        assertThat(r.promisesKept()).isEqualTo(1);
        assertThat(r.promisesDue()).isEqualTo(2);
        assertThat(r.notifiedDelivered()).isEqualTo(1);
        assertThat(r.notifiedFellBack()).isZero();
        assertThat(r.notifiedFailed()).isEqualTo(1);
        assertThat(r.text(Metric.MEDIAN_CAPTURE_TO_TRIAGE)).isEqualTo("5d 13h");
    }

    @Test
    void perOwner() {
        KpiReport installer = kpis(Optional.of(77L));
        assertThat(installer.newSupportThreads()).isEqualTo(2);
        assertThat(installer.medianFirstReply()).contains(Duration.ofMinutes(75));
        assertThat(installer.unansweredThreads()).isZero();
        assertThat(installer.capturedIssues()).isEqualTo(1);
        assertThat(installer.requestersAdded()).isEqualTo(2);
        assertThat(installer.promisesText()).isEqualTo("1 / 1");
        assertThat(installer.notifiedDelivered()).isEqualTo(1);
        assertThat(installer.notifiedFailed()).isEqualTo(1);

        KpiReport sync = kpis(Optional.of(88L));
        assertThat(sync.newSupportThreads()).isEqualTo(1);
        assertThat(sync.unansweredThreads()).isEqualTo(1);
        assertThat(sync.medianFirstReply()).isEmpty();
        assertThat(sync.capturedIssues()).isZero();
        assertThat(sync.triagedIssues()).isEqualTo(1);
        assertThat(sync.promisesText()).isEqualTo("0 / 1");
        assertThat(sync.notified()).isZero();
    }

    @Test
    void theWeeklySeriesCountsCapturesAndShipsPerWeek() {
        StatsStore.Facts f = stats.load(at("02-17T00:00"), WEEK.to());
        List<WeekPoint> weeks =
                Kpis.weeklySeries(new Window(at("02-17T00:00"), WEEK.to()), java.time.ZoneOffset.UTC, f.issues());
        assertThat(weeks).extracting(WeekPoint::label).containsExactly("2025-W08", "2025-W09", "2025-W10");
        assertThat(weeks).extracting(WeekPoint::captured).containsExactly(1L, 0L, 2L);
        assertThat(weeks).extracting(WeekPoint::shipped).containsExactly(0L, 0L, 1L);
    }
}
