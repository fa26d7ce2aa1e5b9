package dev.loop.release;

import static dev.loop.release.ReleaseStoreTest.issue;
import static dev.loop.release.ReleaseStoreTest.release;
import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.Database;
import dev.loop.core.MovableClock;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Requester;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeWorkerTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    static final long RELEASES = 70L;
    static final long TEAM = 71L;

    @TempDir
    Path dir;

    Database db;
    IssueStore issues;
    ReleaseStore store;
    FakeCourier discord;
    MovableClock clock;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("loop.db"));
        issues = new IssueStore(db);
        store = new ReleaseStore(db, issues);
        discord = new FakeCourier();
        clock = MovableClock.stoppedAt(T0.plusSeconds(600));
    }

    @AfterEach
    void close() {
        db.close();
    }

    NoticeWorker worker() {
        return new NoticeWorker(
                store, discord, clock, RELEASES, TEAM, "shipped", "tracked", NoticeWorker.Options.DEFAULT);
    }

    Release publish(DeliveryMode mode, Integer... numbers) {
        return store.publish(release("1.4.0", numbers), mode, clock.instant()).release();
    }

    OutboxNotice row(Release r, long user) {
        return store.notices(r.id()).stream()
                .filter(n -> n.userId() == user)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void announcesThenMentionsEachRequesterInTheirThreadAndPostsTheReviewList() {
        issue(issues, "Dark mode", 501, true, 1, 2);
        issue(issues, "Faster sync", 502, false, 2, 3);
        issues.addRequester(2, 4L, Requester.How.ME_TOO, null, 4L, T0);
        Release r = publish(DeliveryMode.THREAD, 1, 2);

        worker().runOnce();

        FakeCourier.Sent announcement = discord.in(RELEASES).getFirst();
        assertThat(announcement.content())
                .startsWith("🚀 **1.4.0** is out!")
                .contains(
                        "Faster sync and a new installer.",
                        "```\nloop sync --fast\n```",
                        "• #1 Dark mode — 2 people asked",
                        "• #2 Faster sync — 3 people asked");
        assertThat(announcement.mentions()).isEmpty();
        String link = discord.jumpUrl(RELEASES, announcement.messageId());

        assertThat(discord.in(501)).singleElement().satisfies(m -> {
            assertThat(m.mentions()).containsExactly(1L, 2L);
            assertThat(m.content())
                    .contains("1.4.0", "#1 Dark mode", link, "<@1>", "<@2>")
                    .doesNotContain("#2 Faster");
        });
        assertThat(discord.in(502))
                .singleElement()
                .satisfies(m -> assertThat(m.mentions()).containsExactly(2L, 3L));
        assertThat(discord.dmsTo(4))
                .singleElement()
                .satisfies(m -> assertThat(m.content()).contains("#2 Faster sync", link));
        assertThat(store.notices(r.id())).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.DELIVERED);
            assertThat(n.sentMessageId()).isNotNull();
            assertThat(n.attempts()).isEqualTo(1);
        });

        // the progress message first (posted as the notices start, then the final tally), then the review list
        assertThat(discord.in(TEAM).getFirst().content())
                .isEqualTo("📣 Publishing **1.4.0**. Notified 0 of 4 requesters so far.");
        assertThat(discord.edits).containsExactly("📣 **1.4.0** is published. All 4 requesters were told.");
        List<FakeCourier.Sent> review =
                discord.in(TEAM).subList(1, discord.in(TEAM).size());
        assertThat(review).hasSize(2);
        assertThat(review.get(0).content()).contains("Docs and copy review for 1.4.0", link, "Not reviewed yet");
        assertThat(review.get(1).content()).contains("#1", "Dark mode", "needs docs");
        assertThat(review)
                .allSatisfy(m -> assertThat(m.actions())
                        .extracting(Courier.Action::label)
                        .containsExactly("Reviewed"));
        assertThat(store.reviewItems(r.id()))
                .allSatisfy(i -> assertThat(i.messageId()).isNotNull());
        assertThat(discord.tags).containsExactly("501:shipped", "502:shipped");
        assertThat(issues.history(1))
                .anySatisfy(h -> assertThat(h.detail())
                        .isEqualTo("release notices for 1.4.0: 5 delivered, 0 fell back, 0 failed"));
        assertThat(store.releasesWithWork()).isEmpty();
    }

    @Test
    void inDmModeEachPersonGetsOneDmListingAllTheirIssues() {
        issue(issues, "Dark mode", 501, false, 1, 2);
        issue(issues, "Faster sync", 502, false, 2);
        publish(DeliveryMode.DM, 1, 2);
        worker().runOnce();
        assertThat(discord.dmsTo(2))
                .singleElement()
                .satisfies(m -> assertThat(m.content())
                        .contains(
                                "**1.4.0** is out",
                                "#1 Dark mode",
                                "#2 Faster sync",
                                "https://discord.com/channels/1/70/"));
        assertThat(discord.dmsTo(1))
                .singleElement()
                .satisfies(m -> assertThat(m.content()).doesNotContain("Faster"));
        assertThat(discord.in(501)).isEmpty();
    }

    @Test
    void aRefusedDmFallsBackToAMentionInTheThread() {
        issue(issues, "Dark mode", 501, false, 1, 2);
        discord.dmClosed.add(2L);
        Release r = publish(DeliveryMode.DM, 1);
        worker().runOnce();
        assertThat(discord.in(501)).singleElement().satisfies(m -> {
            assertThat(m.mentions()).containsExactly(2L);
            assertThat(m.nonce()).isEqualTo(Nonces.threadFallback(r.id(), 2));
        });
        assertThat(row(r, 2)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.FELL_BACK);
            assertThat(n.outcomeRoute()).isEqualTo(Route.THREAD);
            assertThat(n.lastError()).isEqualTo("the DM was refused");
            assertThat(n.sentMessageId()).isEqualTo(discord.in(501).getFirst().messageId());
        });
        assertThat(row(r, 1).state()).isEqualTo(NoticeState.DELIVERED);
    }

    @Test
    void aDeletedOrLockedThreadFallsBackToDms() {
        issue(issues, "Dark mode", 501, false, 1);
        issue(issues, "Faster sync", 502, false, 2);
        discord.deleted.add(501L);
        discord.locked.add(502L);
        Release r = publish(DeliveryMode.THREAD, 1, 2);
        worker().runOnce();
        assertThat(discord.dmsTo(1))
                .singleElement()
                .satisfies(m -> assertThat(m.content()).contains("#1 Dark mode"));
        assertThat(discord.dmsTo(2))
                .singleElement()
                .satisfies(m -> assertThat(m.nonce()).isEqualTo(Nonces.dmFallback(r.id(), 2, 502)));
        assertThat(row(r, 1)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.FELL_BACK);
            assertThat(n.outcomeRoute()).isEqualTo(Route.DM);
            assertThat(n.lastError()).isEqualTo("the thread was deleted");
        });
        assertThat(row(r, 2).lastError()).isEqualTo("the thread is locked");
    }

    @Test
    void aLockedThreadAndClosedDmsIsAFailureAndStatusSaysWho() {
        issue(issues, "Dark mode", 501, false, 1);
        discord.locked.add(501L);
        discord.dmClosed.add(1L);
        Release r = publish(DeliveryMode.THREAD, 1);
        worker().runOnce();
        assertThat(discord.seenBy(1)).isEmpty();
        assertThat(row(r, 1).state()).isEqualTo(NoticeState.FAILED);
        assertThat(store.status(r).failures())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.error()).startsWith("the DM was refused, and this was already the fallback"));
    }

    @Test
    void anArchivedThreadIsUnarchivedFirst() {
        issue(issues, "Dark mode", 501, false, 1);
        discord.archived.add(501L);
        Release r = publish(DeliveryMode.THREAD, 1);
        worker().runOnce();
        assertThat(discord.unarchived).containsExactly(501L);
        assertThat(discord.in(501)).hasSize(1);
        assertThat(row(r, 1).state()).isEqualTo(NoticeState.DELIVERED);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndNeverDropped() {
        issue(issues, "Dark mode", 501, false, 1);
        discord.failNext(501, FakeCourier.serverError(), FakeCourier.serverError());
        Release r = publish(DeliveryMode.THREAD, 1);
        NoticeWorker w = worker();

        Instant next = w.runOnce();
        assertThat(row(r, 1)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.PENDING);
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastError()).isEqualTo("temporary failure");
            assertThat(n.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(2));
        });
        assertThat(next).isEqualTo(clock.instant().plusSeconds(2));
        w.runOnce();
        assertThat(row(r, 1).attempts()).isEqualTo(1); // not due yet

        clock.advance(Duration.ofSeconds(2));
        w.runOnce();
        assertThat(row(r, 1).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        w.runOnce();
        assertThat(row(r, 1)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.DELIVERED);
            assertThat(n.attempts()).isEqualTo(3);
        });
        assertThat(discord.in(501)).hasSize(1);
    }

    @Test
    void aFailureThatNeverEndsIsRecordedAfterTheLastAttempt() {
        issue(issues, "Dark mode", 501, false, 1);
        for (int i = 0; i < 10; i++) discord.failNext(501, FakeCourier.serverError());
        Release r = publish(DeliveryMode.THREAD, 1);
        NoticeWorker w = worker();
        for (int i = 0; i < Fallback.MAX_ATTEMPTS; i++) {
            w.runOnce();
            clock.advance(Duration.ofMinutes(6));
        }
        assertThat(row(r, 1)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.FAILED);
            assertThat(n.attempts()).isEqualTo(Fallback.MAX_ATTEMPTS);
            assertThat(n.lastError()).startsWith("gave up after 6 attempts (HTTP 500");
        });
    }

    @Test
    void aFailedAnnouncementIsRetriedBeforeAnyNoticeGoesOut() {
        issue(issues, "Dark mode", 501, false, 1);
        discord.failNext(RELEASES, FakeCourier.serverError());
        Release r = publish(DeliveryMode.THREAD, 1);
        NoticeWorker w = worker();
        w.runOnce();
        assertThat(discord.sent).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        w.runOnce();
        assertThat(discord.sent.getFirst().channelId()).isEqualTo(RELEASES);
        assertThat(store.find(r.id()).orElseThrow().announcementState()).isEqualTo(AnnouncementState.DELIVERED);
        assertThat(discord.in(501)).hasSize(1);
    }

    @Test
    void oneHundredFiftyRequestersInOneThreadAreMentionedInTwoMessages() {
        long[] users = LongStream.rangeClosed(1, 150)
                .map(u -> 100_000_000_000_000_000L + u)
                .toArray();
        issue(issues, "Dark mode", 501, false, users);
        Release r = publish(DeliveryMode.THREAD, 1);
        worker().runOnce();
        List<FakeCourier.Sent> messages = discord.in(501);
        assertThat(messages).hasSize(2);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.content().length()).isLessThanOrEqualTo(2000);
            assertThat(m.mentions().size()).isLessThanOrEqualTo(100);
        });
        assertThat(messages.stream()
                        .flatMap(m -> m.mentions().stream())
                        .sorted()
                        .toList())
                .containsExactlyElementsOf(LongStream.of(users).boxed().toList());
        assertThat(store.status(r).delivered()).isEqualTo(150);
    }

    @Test
    void aCrashBetweenSendingAndRecordingDoesNotTellAnyoneTwice() {
        long[] users = LongStream.rangeClosed(1, 40).toArray();
        issue(issues, "Dark mode", 501, false, users);
        Release r = publish(DeliveryMode.DM, 1);
        discord.crashAfter = 15; // the 16th message goes out, then the worker dies before recording it

        assertThatThrownBy(() -> worker().runOnce()).hasMessage("connection lost");
        // the first post is the team channel's progress message, then 14 DMs recorded and one lost
        assertThat(store.status(r).pending()).isEqualTo(40 - 13);

        discord.crashAfter = -1;
        worker().runOnce(); // a new process on the same database
        for (long u : users) assertThat(discord.seenBy(u)).as("user %d", u).hasSize(1);
        assertThat(store.status(r).delivered()).isEqualTo(40);
        assertThat(discord.in(RELEASES)).hasSize(1);
    }

    @Test
    void theWorkerThreadDeliversWhatWasPublishedAndStopsOnClose() throws Exception {
        issue(issues, "Dark mode", 501, false, 1);
        NoticeWorker w = new NoticeWorker(
                store,
                discord,
                Clock.systemUTC(),
                RELEASES,
                TEAM,
                null,
                null,
                new NoticeWorker.Options(Duration.ofSeconds(30), 0.01, Duration.ofMillis(5)));
        w.start();
        try {
            Release r = store.publish(release("1.4.0", 1), DeliveryMode.THREAD, Instant.now())
                    .release();
            w.wake();
            eventually("the notice to be delivered", () -> store.status(r).delivered() >= 1);
            assertThat(store.status(r).delivered()).isEqualTo(1);
        } finally {
            w.close();
        }
    }
}
