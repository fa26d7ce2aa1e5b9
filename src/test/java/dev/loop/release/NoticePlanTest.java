package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.release.Notice.DmNotice;
import dev.loop.release.Notice.ThreadNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoticePlanTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    static final String URL = "https://discord.com/channels/1/2/3";
    static final long THREAD_A = 1_100_000_000_000_000_001L;
    static final long THREAD_B = 1_100_000_000_000_000_002L;

    static Place thread(long id, int issue, long channelId) {
        return new Place(
                id,
                issue,
                issue,
                Place.PlaceKind.THREAD,
                1L,
                2L,
                channelId,
                null,
                null,
                "https://discord.com/channels/1/" + channelId,
                "t",
                9L,
                T);
    }

    static Place github(long id, int issue) {
        return new Place(
                id,
                issue,
                issue,
                Place.PlaceKind.GITHUB,
                null,
                null,
                null,
                null,
                null,
                "https://github.com/o/r/issues/" + id,
                "gh",
                9L,
                T);
    }

    static Requester req(long id, int issue, long user, Long placeId) {
        return new Requester(
                id, issue, issue, user, placeId == null ? Requester.How.ME_TOO : Requester.How.AUTHOR, placeId, 9L, T);
    }

    static List<String> mentionsIn(String content) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<@(\\d+)>").matcher(content);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void oneHundredFiftyRequestersInOneThread() {
        List<Requester> reqs = new ArrayList<>();
        for (int i = 0; i < 150; i++) reqs.add(req(i + 1, 7, 900_000_000_000_000_000L + i, 50L));
        ShippedIssue issue = new ShippedIssue(7, "Dark mode", List.of(thread(50, 7, THREAD_A)), reqs);

        NoticePlan plan = NoticePlan.plan(3, "v1.4.0", URL, DeliveryMode.THREAD, List.of(issue));

        assertThat(plan.dmNotices()).isEmpty();
        List<ThreadNotice> chunks = plan.threadNotices();
        // 150 mentions of 20 characters + separators are ~3,150 characters: two chunks by length, and the first
        // also respects the 100-mention cap.
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(2);
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (ThreadNotice c : chunks) {
            assertThat(c.threadId()).isEqualTo(THREAD_A);
            assertThat(c.content().length()).isLessThanOrEqualTo(2000);
            assertThat(c.userIds()).hasSizeLessThanOrEqualTo(100);
            List<String> mentioned = mentionsIn(c.content());
            assertThat(mentioned).hasSize(c.userIds().size());
            assertThat(mentioned)
                    .containsExactlyElementsOf(
                            c.userIds().stream().map(String::valueOf).toList());
            assertThat(c.content())
                    .startsWith("🚀 Shipped in **v1.4.0**, thanks for asking:\n• #7 Dark mode\nAnnouncement: " + URL
                            + "\n<@");
            assertThat(c.chunkCount()).isEqualTo(chunks.size());
            assertThat(c.nonce().length()).isLessThanOrEqualTo(25);
            assertThat(seen.add(c.nonce())).isTrue();
            all.addAll(mentioned);
        }
        assertThat(all).hasSize(150).doesNotHaveDuplicates();
        assertThat(plan.recipients())
                .hasSize(150)
                .allSatisfy(r -> assertThat(r.route()).isEqualTo(Route.THREAD));
    }

    @Test
    void mentionCapSplitsEvenWhenLengthWouldFit() {
        List<Requester> reqs = new ArrayList<>();
        for (int i = 1; i <= 250; i++) reqs.add(req(i, 1, i, 10L)); // "<@1>" is tiny: 250 fit in 2,000 chars
        NoticePlan plan = NoticePlan.plan(
                1,
                "1.0",
                URL,
                DeliveryMode.THREAD,
                List.of(new ShippedIssue(1, "x", List.of(thread(10, 1, THREAD_A)), reqs)));
        assertThat(plan.threadNotices()).extracting(n -> n.userIds().size()).containsExactly(100, 100, 50);
        assertThat(plan.threadNotices()).extracting(ThreadNotice::chunk).containsExactly(0, 1, 2);
    }

    @Test
    void dmModeSendsOneMessagePerPersonWithAllTheirIssues() {
        ShippedIssue a = new ShippedIssue(
                4,
                "Export to CSV",
                List.of(thread(10, 4, THREAD_A)),
                List.of(req(1, 4, 100, 10L), req(2, 4, 200, 10L)));
        ShippedIssue b = new ShippedIssue(
                9, "Dark mode", List.of(thread(11, 9, THREAD_B)), List.of(req(3, 9, 100, 11L), req(4, 9, 300, null)));

        NoticePlan plan = NoticePlan.plan(12, "2.0.0", URL, DeliveryMode.DM, List.of(b, a));

        assertThat(plan.threadNotices()).isEmpty();
        assertThat(plan.dmNotices()).extracting(DmNotice::userId).containsExactly(100L, 200L, 300L);
        DmNotice first = plan.dmNotices().get(0);
        assertThat(first.issueNumbers()).containsExactly(4, 9);
        assertThat(first.content()).isEqualTo("""
                🚀 **2.0.0** is out, with what you asked for:
                • #4 Export to CSV
                • #9 Dark mode
                Announcement: https://discord.com/channels/1/2/3""");
        assertThat(first.nonce()).isEqualTo("rcd2s");
        assertThat(plan.dmNotices().get(2).issueNumbers()).containsExactly(9);
        assertThat(plan.recipients()).extracting(NoticePlan.Recipient::route).containsOnly(Route.DM);
        assertThat(plan.recipients())
                .extracting(NoticePlan.Recipient::targetChannelId)
                .containsOnlyNulls();
    }

    @Test
    void threadModeGroupsByThreadAndMentionsEachPersonOncePerThread() {
        // #4 brought up in A (users 100, 200) and B (user 300); #9 brought up in A (users 100, 400).
        ShippedIssue four = new ShippedIssue(
                4,
                "Export",
                List.of(thread(10, 4, THREAD_A), thread(11, 4, THREAD_B)),
                List.of(req(1, 4, 100, 10L), req(2, 4, 200, 10L), req(3, 4, 300, 11L)));
        ShippedIssue nine = new ShippedIssue(
                9, "Dark", List.of(thread(12, 9, THREAD_A)), List.of(req(4, 9, 100, 12L), req(5, 9, 400, 12L)));

        NoticePlan plan = NoticePlan.plan(1, "1.1", URL, DeliveryMode.THREAD, List.of(four, nine));

        assertThat(plan.threadNotices()).hasSize(2);
        ThreadNotice a = plan.threadNotices().get(0);
        assertThat(a.threadId()).isEqualTo(THREAD_A);
        assertThat(a.issueNumbers()).containsExactly(4, 9);
        assertThat(a.userIds()).containsExactly(100L, 200L, 400L);
        assertThat(a.content()).isEqualTo("""
                🚀 Shipped in **1.1**, thanks for asking:
                • #4 Export
                • #9 Dark
                Announcement: https://discord.com/channels/1/2/3
                <@100> <@200> <@400>""");
        ThreadNotice b = plan.threadNotices().get(1);
        assertThat(b.threadId()).isEqualTo(THREAD_B);
        assertThat(b.issueNumbers()).containsExactly(4);
        assertThat(b.userIds()).containsExactly(300L);
        assertThat(plan.recipients())
                .filteredOn(r -> r.userId() == 100L)
                .singleElement()
                .satisfies(r -> assertThat(r.issueNumbers()).containsExactly(4, 9));
    }

    @Test
    void requesterWithoutAThreadPlaceGetsADm() {
        ShippedIssue issue = new ShippedIssue(
                5,
                "Crash",
                List.of(thread(10, 5, THREAD_A), github(11, 5)),
                List.of(req(1, 5, 100, 10L), req(2, 5, 200, null), req(3, 5, 300, 11L), req(4, 5, 400, 999L)));
        NoticePlan plan = NoticePlan.plan(1, "1.2", URL, DeliveryMode.THREAD, List.of(issue));
        assertThat(plan.threadNotices())
                .singleElement()
                .satisfies(n -> assertThat(n.userIds()).containsExactly(100L));
        assertThat(plan.dmNotices()).extracting(DmNotice::userId).containsExactly(200L, 300L, 400L);
        assertThat(plan.all()).hasSize(4);
    }

    @Test
    void personInThreadAndViaButtonIsToldEachIssueOnce() {
        ShippedIssue four =
                new ShippedIssue(4, "Export", List.of(thread(10, 4, THREAD_A)), List.of(req(1, 4, 100, 10L)));
        ShippedIssue nine = new ShippedIssue(9, "Dark", List.of(), List.of(req(2, 9, 100, null)));
        NoticePlan plan = NoticePlan.plan(1, "1.2", URL, DeliveryMode.THREAD, List.of(four, nine));
        assertThat(plan.threadNotices())
                .singleElement()
                .satisfies(n -> assertThat(n.issueNumbers()).containsExactly(4));
        assertThat(plan.dmNotices())
                .singleElement()
                .satisfies(n -> assertThat(n.issueNumbers()).containsExactly(9));
    }

    @Test
    void plansAreDeterministic() {
        List<Requester> reqs = new ArrayList<>();
        for (int i = 0; i < 120; i++) reqs.add(req(i, 3, 5_000 + (i * 7919L) % 120, 10L));
        ShippedIssue issue = new ShippedIssue(3, "x", List.of(thread(10, 3, THREAD_A)), reqs);
        List<Requester> reversed = new ArrayList<>(reqs);
        java.util.Collections.reverse(reversed);
        ShippedIssue same = new ShippedIssue(3, "x", List.of(thread(10, 3, THREAD_A)), reversed);
        NoticePlan p1 = NoticePlan.plan(8, "1", URL, DeliveryMode.THREAD, List.of(issue));
        NoticePlan p2 = NoticePlan.plan(8, "1", URL, DeliveryMode.THREAD, List.of(same));
        assertThat(p1.all()).isEqualTo(p2.all());
        assertThat(p1.threadNotices().get(0).nonce()).isEqualTo(Nonces.thread(8, THREAD_A, 0));
        assertThat(p1.threadNotices().get(1).nonce()).isEqualTo(Nonces.thread(8, THREAD_A, 1));
    }

    @Test
    void hostileTitlesAndVersionsAreEscapedAndCapped() {
        ShippedIssue issue = new ShippedIssue(
                1,
                "@everyone **pwn** <@&5> " + "x".repeat(500),
                List.of(thread(10, 1, THREAD_A)),
                List.of(req(1, 1, 100, 10L)));
        NoticePlan plan = NoticePlan.plan(1, "v1 @here", URL, DeliveryMode.THREAD, List.of(issue));
        String content = plan.threadNotices().get(0).content();
        assertThat(content).doesNotContain("@everyone").doesNotContain("@here").doesNotContain("<@&5>");
        assertThat(content).contains("\\*\\*pwn\\*\\*");
        assertThat(mentionsIn(content)).containsExactly("100");
    }

    @Test
    void manyIssuesInOneDmStayUnderTheLimit() {
        List<ShippedIssue> issues = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
            issues.add(new ShippedIssue(
                    n, "A long title number " + n + " " + "y".repeat(80), List.of(), List.of(req(n, n, 100, null))));
        }
        NoticePlan plan = NoticePlan.plan(1, "9.9", URL, DeliveryMode.DM, issues);
        DmNotice dm = plan.dmNotices().get(0);
        assertThat(dm.content().length()).isLessThanOrEqualTo(2000);
        assertThat(dm.content()).contains("more (see the announcement)").endsWith("Announcement: " + URL);
        assertThat(dm.issueNumbers()).hasSize(60);
        String more = dm.content()
                .lines()
                .filter(l -> l.startsWith("• …and"))
                .findFirst()
                .orElseThrow();
        long listed = dm.content().lines().filter(l -> l.startsWith("• #")).count();
        assertThat(more).isEqualTo("• …and " + (60 - listed) + " more (see the announcement)");
    }

    @Test
    void fallbacks() {
        ShippedIssue issue = new ShippedIssue(
                4, "Export", List.of(thread(10, 4, THREAD_A)), List.of(req(1, 4, 100, 10L), req(2, 4, 200, null)));
        NoticePlan dm = NoticePlan.plan(2, "1.0", URL, DeliveryMode.DM, List.of(issue));
        // DM refused: the person's own thread, or the issue's first thread for someone added by a button.
        assertThat(dm.fallbackToThread(100)).hasValueSatisfying(n -> {
            assertThat(n.threadId()).isEqualTo(THREAD_A);
            assertThat(n.userIds()).containsExactly(100L);
            assertThat(n.content()).endsWith("\n<@100>");
            assertThat(n.nonce()).isEqualTo(Nonces.threadFallback(2, 100));
        });
        assertThat(dm.fallbackToThread(200))
                .hasValueSatisfying(n -> assertThat(n.threadId()).isEqualTo(THREAD_A));
        assertThat(dm.fallbackToThread(999)).isEmpty();

        NoticePlan thread = NoticePlan.plan(2, "1.0", URL, DeliveryMode.THREAD, List.of(issue));
        assertThat(thread.fallbackToDm(100, THREAD_A)).hasValueSatisfying(n -> {
            assertThat(n.issueNumbers()).containsExactly(4);
            assertThat(n.nonce()).isEqualTo(Nonces.dmFallback(2, 100, THREAD_A)).isNotEqualTo(Nonces.dm(2, 100));
        });
        assertThat(thread.fallbackToDm(100, THREAD_B)).isEmpty();
        assertThat(thread.fallbackToDm(200, THREAD_A)).isEmpty();

        ShippedIssue noThread = new ShippedIssue(5, "x", List.of(github(20, 5)), List.of(req(3, 5, 300, 20L)));
        assertThat(NoticePlan.plan(2, "1.0", URL, DeliveryMode.DM, List.of(noThread))
                        .fallbackToThread(300))
                .isEmpty();
    }

    @Test
    void emptyRelease() {
        NoticePlan plan = NoticePlan.plan(
                1, "1", URL, DeliveryMode.THREAD, List.of(new ShippedIssue(1, "x", List.of(), List.of())));
        assertThat(plan.all()).isEmpty();
        assertThat(plan.recipients()).isEmpty();
    }

    @Test
    void chunksDoNotDependOnTheAnnouncementLink() {
        List<Requester> reqs = new ArrayList<>();
        for (int i = 0; i < 150; i++) reqs.add(req(i + 1, 7, 900_000_000_000_000_000L + i, 50L));
        ShippedIssue issue = new ShippedIssue(7, "Dark mode", List.of(thread(50, 7, THREAD_A)), reqs);
        NoticePlan atPublish = NoticePlan.plan(3, "v1.4.0", "", DeliveryMode.THREAD, List.of(issue));
        String longest = "https://discord.com/channels/" + Long.MAX_VALUE + "/" + Long.MAX_VALUE + "/" + Long.MAX_VALUE;
        NoticePlan afterAnnouncing = NoticePlan.plan(3, "v1.4.0", longest, DeliveryMode.THREAD, List.of(issue));
        assertThat(afterAnnouncing.recipients()).isEqualTo(atPublish.recipients());
        assertThat(afterAnnouncing.threadNotices())
                .allSatisfy(n -> assertThat(n.content().length()).isLessThanOrEqualTo(2000));
    }

    @Test
    void threadMessageRendersAStoredChunkWithinTheLimits() {
        List<Requester> reqs = new ArrayList<>();
        for (int i = 0; i < 70; i++) reqs.add(req(i + 1, 7, 900_000_000_000_000_000L + i, 50L));
        ShippedIssue issue = new ShippedIssue(7, "Dark mode ".repeat(20), List.of(thread(50, 7, THREAD_A)), reqs);
        NoticePlan plan = NoticePlan.plan(3, "v1.4.0", URL, DeliveryMode.THREAD, List.of(issue));
        List<Long> users = reqs.stream().map(Requester::userId).toList();
        ThreadNotice n = plan.threadMessage(THREAD_A, users, "nonce");
        assertThat(n.content().length()).isLessThanOrEqualTo(2000);
        assertThat(mentionsIn(n.content())).hasSize(70);
        assertThat(n.content()).contains("Announcement: " + URL);
        assertThat(plan.threadMessage(THREAD_B, List.of(5L), "n2").content())
                .isEqualTo("🚀 Shipped in **v1.4.0**, thanks for asking:\nAnnouncement: " + URL + "\n<@5>");
    }
}
