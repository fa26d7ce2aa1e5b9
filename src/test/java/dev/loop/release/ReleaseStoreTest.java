package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.testing.SqliteTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseStoreTest extends SqliteTest {

    ReleaseStore store;

    @BeforeEach
    void open() {
        store = new ReleaseStore(db, issues);
    }

    static NewPlace post(long id) {
        return new NewPlace(
                Place.PlaceKind.FORUM_POST, 1L, 10L, id, null, "https://discord.com/channels/1/" + id, "post " + id);
    }

    /** An issue captured from forum post {@code thread}, asked for by {@code users} there. */
    static Issue issue(IssueStore issues, String title, long thread, boolean needsDocs, long... users) {
        List<Long> ids = java.util.Arrays.stream(users).boxed().toList();
        return issues.create(
                new NewIssue(title, IssueKind.FEATURE, "summary", needsDocs, null, null),
                post(thread),
                ids,
                Requester.How.AUTHOR,
                List.of(),
                false,
                ENGINEER,
                T0);
    }

    static NewRelease release(String version, Integer... numbers) {
        return new NewRelease(
                version, List.of(numbers), "Faster sync and a new installer.", "loop sync --fast", ENGINEER);
    }

    @Test
    void publishingShipsTheIssuesAndFillsTheOutboxInOneGo() {
        issue(issues, "Dark mode", 501, true, 1, 2);
        issue(issues, "Faster sync", 502, false, 2, 3);
        long buttonUser = 4;
        issues.addRequester(2, buttonUser, Requester.How.ME_TOO, null, buttonUser, T0);

        ReleaseStore.Publication p = store.publish(release("1.4.0", 1, 2), DeliveryMode.THREAD, T0.plusSeconds(60));

        Release r = p.release();
        assertThat(r.version()).isEqualTo("1.4.0");
        assertThat(r.announcementState()).isEqualTo(AnnouncementState.PENDING);
        assertThat(r.announcementNonce()).isEqualTo(Nonces.announcement(r.id()));
        for (int n : List.of(1, 2)) {
            Issue shipped = issues.find(n).orElseThrow();
            assertThat(shipped.status()).isEqualTo(IssueStatus.SHIPPED);
            assertThat(shipped.shippedVersion()).isEqualTo("1.4.0");
            assertThat(issues.history(n)).anySatisfy(h -> assertThat(h.detail()).isEqualTo("shipped in 1.4.0"));
        }
        List<OutboxNotice> rows = store.notices(r.id());
        // 1 and 2 in post 501, 2 and 3 in post 502, 4 (added by a button, no thread of their own) mentioned in 502
        assertThat(rows)
                .extracting(OutboxNotice::userId, OutboxNotice::route, OutboxNotice::targetChannelId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Route.THREAD, 501L),
                        org.assertj.core.groups.Tuple.tuple(2L, Route.THREAD, 501L),
                        org.assertj.core.groups.Tuple.tuple(2L, Route.THREAD, 502L),
                        org.assertj.core.groups.Tuple.tuple(3L, Route.THREAD, 502L),
                        org.assertj.core.groups.Tuple.tuple(4L, Route.DM, null));
        assertThat(rows).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.PENDING);
            assertThat(n.attempts()).isZero();
            assertThat(n.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(rows.get(0).nonce()).isEqualTo(rows.get(1).nonce()).isEqualTo(Nonces.thread(r.id(), 501, 0));
        assertThat(rows.get(4).nonce()).isEqualTo(Nonces.dm(r.id(), 4));

        assertThat(store.reviewItems(r.id()))
                .extracting(ReviewItem::issueNumber)
                .containsExactly(null, 1);
        assertThat(store.reviewItems(r.id()).get(1).issueTitle()).isEqualTo("Dark mode");
        assertThat(store.releasesWithWork()).containsExactly(r.id());
    }

    @Test
    void dmModeWritesOneRowPerPerson() {
        issue(issues, "Dark mode", 501, false, 1, 2);
        issue(issues, "Faster sync", 502, false, 2, 3);
        Release r = store.publish(release("2.0", 1, 2), DeliveryMode.DM, T0).release();
        assertThat(store.notices(r.id())).extracting(OutboxNotice::userId).containsExactly(1L, 2L, 3L);
        assertThat(store.notices(r.id())).allSatisfy(n -> assertThat(n.route()).isEqualTo(Route.DM));
    }

    @Test
    void refusesATakenVersionAndIssuesThatCantShipWithoutWritingAnything() {
        issue(issues, "Dark mode", 501, false, 1);
        issue(issues, "Faster sync", 502, false, 2);
        issue(issues, "Old bug", 503, false, 3);
        issues.setStatus(3, IssueStatus.CLOSED, "won't fix", ENGINEER, T0);
        store.publish(release("1.0", 1), DeliveryMode.THREAD, T0);

        assertThatThrownBy(() -> store.publish(release("1.0", 2), DeliveryMode.THREAD, T0))
                .isInstanceOf(ReleaseRefused.class)
                .hasMessageContaining("1.0 was already released");
        assertThatThrownBy(() -> store.publish(release("1.1", 2, 1, 3, 9), DeliveryMode.THREAD, T0))
                .isInstanceOfSatisfying(
                        ReleaseRefused.class,
                        e -> assertThat(e.reasons())
                                .containsExactly(
                                        "#1 already shipped in 1.0.",
                                        "#3 is closed without shipping; it can't be part of a release.",
                                        "There is no issue #9."));
        assertThat(issues.find(2).orElseThrow().status()).isEqualTo(IssueStatus.OPEN);
        assertThat(store.findByVersion("1.1")).isEmpty();
    }

    @Test
    void theOutboxResumesWithWhatIsDueAndRecordsEveryOutcome() {
        issue(issues, "Dark mode", 501, false, 1, 2);
        Release r = store.publish(release("1.4.0", 1), DeliveryMode.DM, T0).release();
        List<OutboxNotice> rows = store.notices(r.id());
        long a = rows.get(0).id();
        long b = rows.get(1).id();

        store.retryLater(List.of(a), T0.plusSeconds(30), "temporary failure", T0);
        assertThat(store.due(r.id(), T0)).extracting(OutboxNotice::id).containsExactly(b);
        assertThat(store.due(r.id(), T0.plusSeconds(30)))
                .extracting(OutboxNotice::id)
                .containsExactly(a, b);
        assertThat(store.nextDue(r.id())).contains(T0);

        store.fallBack(List.of(b), Route.THREAD, "the DM was refused", T0);
        OutboxNotice fell = store.notices(r.id()).get(1);
        assertThat(fell.state()).isEqualTo(NoticeState.PENDING);
        assertThat(fell.fellBack()).isTrue();
        assertThat(fell.currentRoute()).isEqualTo(Route.THREAD);

        store.delivered(List.of(b), Route.THREAD, 777L, null, T0.plusSeconds(1));
        store.delivered(List.of(a), Route.DM, 778L, 55L, T0.plusSeconds(31));
        // a repeat (a nonce match after a restart) changes nothing
        store.delivered(List.of(a), Route.THREAD, 999L, null, T0.plusSeconds(32));

        List<OutboxNotice> after = store.notices(r.id());
        assertThat(after.get(0)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.DELIVERED);
            assertThat(n.outcomeRoute()).isEqualTo(Route.DM);
            assertThat(n.sentMessageId()).isEqualTo(778L);
            assertThat(n.targetChannelId()).isEqualTo(55L);
            assertThat(n.attempts()).isEqualTo(2);
            assertThat(n.lastError()).isNull();
        });
        assertThat(after.get(1)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.FELL_BACK);
            assertThat(n.outcomeRoute()).isEqualTo(Route.THREAD);
            assertThat(n.lastError()).isEqualTo("the DM was refused");
        });
        assertThat(store.nextDue(r.id())).isEmpty();
    }

    @Test
    void statusCountsOutcomesAndNamesWhoFailed() {
        issue(issues, "Dark mode", 501, true, 1, 2, 3, 4);
        Release r = store.publish(release("1.4.0", 1), DeliveryMode.DM, T0).release();
        List<Long> ids = store.notices(r.id()).stream().map(OutboxNotice::id).toList();
        store.delivered(List.of(ids.get(0)), Route.DM, 1L, 11L, T0);
        store.fallBack(List.of(ids.get(1)), Route.THREAD, "the DM was refused", T0);
        store.delivered(List.of(ids.get(1)), Route.THREAD, 2L, null, T0);
        store.fail(List.of(ids.get(2)), "gave up after 6 attempts", T0);

        ReleaseStatus s = store.status(store.findByVersion("1.4.0").orElseThrow());
        assertThat(s.delivered()).isEqualTo(1);
        assertThat(s.fellBack()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.failures()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(3L);
            assertThat(f.error()).isEqualTo("gave up after 6 attempts");
        });
        assertThat(s.reviewItems()).isEqualTo(2);
        assertThat(s.reviewed()).isZero();
    }

    @Test
    void theFirstReviewerIsRecorded() {
        issue(issues, "Dark mode", 501, true, 1);
        Release r = store.publish(release("1.4.0", 1), DeliveryMode.DM, T0).release();
        ReviewItem item = store.reviewItems(r.id()).get(1);
        store.reviewPosted(item.id(), 77L, 88L);
        assertThat(store.markReviewed(item.id(), 500L, T0.plusSeconds(5))).hasValueSatisfying(i -> {
            assertThat(i.reviewedBy()).isEqualTo(500L);
            assertThat(i.reviewedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(i.messageId()).isEqualTo(88L);
        });
        assertThat(store.markReviewed(item.id(), 501L, T0.plusSeconds(9)))
                .hasValueSatisfying(i -> assertThat(i.reviewedBy()).isEqualTo(500L));
    }

    @Test
    void theSnapshotLeavesOutRequestersAddedAfterPublishing() {
        issue(issues, "Dark mode", 501, false, 1, 2);
        Release r = store.publish(release("1.4.0", 1), DeliveryMode.THREAD, T0).release();
        issues.addRequester(1, 3L, Requester.How.ME_TOO, null, 3L, T0.plusSeconds(10));
        assertThat(store.shipped(r.id()))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.requesters()).extracting(Requester::userId).containsExactly(1L, 2L));
    }

    @Test
    void releasesWithWorkEndsWhenEverythingIsDelivered() {
        issue(issues, "Dark mode", 501, false, 1);
        Release r = store.publish(release("1.4.0", 1), DeliveryMode.DM, T0).release();
        store.announced(r.id(), 5L, 6L);
        assertThat(store.releasesWithWork()).containsExactly(r.id());
        store.delivered(List.of(store.notices(r.id()).getFirst().id()), Route.DM, 9L, 10L, T0);
        assertThat(store.releasesWithWork()).containsExactly(r.id()); // the review item is not posted yet
        store.reviewPosted(store.reviewItems(r.id()).getFirst().id(), 7L, 8L);
        assertThat(store.releasesWithWork()).isEmpty();
        assertThat(store.find(r.id()).orElseThrow().announcementMessageId()).isEqualTo(6L);
        assertThat(store.suggestVersions("1.4", 5)).containsExactly("1.4.0");
    }
}
