package dev.loop.release;

import static dev.loop.release.ReleaseWorld.botMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Releases end to end, notices by thread (the default): engineers publish through /release and the people who asked
 * are read back from the simulator. One community and one Loop serve the class; each test uses its own posts,
 * people and version.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReleaseE2ETest extends ReleaseEndToEnd {

    SimChannel post(SimMember author, String title) {
        return author.postInForum(w.support, title, "Could you add " + title + "?", "bug");
    }

    @Test
    void publishingTellsEveryRequesterOnceWhereTheyAsked() {
        SimMember alice = w.guild.member("alice");
        SimMember bob = w.guild.member("bob");
        SimMember carol = w.guild.member("carol");
        SimMember dave = w.guild.member("dave");
        SimChannel darkPost = post(alice, "Dark mode");
        SimChannel syncPost = post(bob, "Faster sync");
        Issue dark = w.issue("Dark mode", darkPost, alice, List.of(carol), true);
        Issue sync = w.issue("Faster sync", syncPost, bob, List.of(carol), false);
        w.meToo(sync, dave);

        SimMessage preview = w.preview(
                "1.4.0",
                "#" + dark.number() + " #" + sync.number(),
                "Dark mode is here and sync is twice as fast. Thanks @everyone <@" + alice.id() + ">!",
                "loop sync --fast");
        assertThat(preview.ephemeral()).isTrue();
        assertThat(preview.content())
                .contains(
                        "Publishing **1.4.0** ships #" + dark.number() + " and #" + sync.number(),
                        "It tells 4 people: 3 people mentioned in 2 threads (2 messages), 1 DM to people with no thread");
        assertThat(preview.embeds().getFirst().description())
                .contains(
                        "🚀 **1.4.0** is out!",
                        "```\nloop sync --fast\n```",
                        "#" + dark.number() + " Dark mode — 2 people asked",
                        "#" + sync.number() + " Faster sync — 3 people asked");
        assertThat(preview.buttonLabels()).containsExactly("Publish", "Cancel");
        assertThat(botMessages(w.releases, "1.4.0")).isEmpty();

        SimMessage done = w.engineer.pressButton(preview, "Publish").awaitUpdate();
        assertThat(done.content()).startsWith("✅ Published **1.4.0**").contains("telling 4 people");
        assertThat(done.buttons()).isEmpty();
        Release release = w.releaseStore.findByVersion("1.4.0").orElseThrow();
        ReleaseStatus status = w.awaitDelivered(release);
        assertThat(status.delivered()).isEqualTo(5); // carol is told in both threads: one row per (person, thread)
        assertThat(status.failed() + status.fellBack()).isZero();

        SimMessage announcement =
                w.releases.awaitMessage(m -> m.fromBot() && m.content().contains("1.4.0"));
        assertThat(announcement.content())
                .startsWith("🚀 **1.4.0** is out!")
                .contains("Dark mode is here", "```\nloop sync --fast\n```", "Dark mode — 2 people asked");
        assertThat(announcement.pinged()).isEmpty();
        assertThat(announcement.pingedEveryone()).isFalse();

        SimMessage inDark = botMessages(darkPost, "1.4.0").getFirst();
        assertThat(botMessages(darkPost, "1.4.0")).hasSize(1);
        assertThat(inDark.pinged()).containsExactlyInAnyOrder(alice.id(), carol.id());
        assertThat(inDark.content())
                .contains("Dark mode", announcement.jumpUrl())
                .doesNotContain("Faster sync");
        SimMessage inSync = botMessages(syncPost, "1.4.0").getFirst();
        assertThat(inSync.pinged()).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(dave.dmsFromBot())
                .singleElement()
                .satisfies(m -> assertThat(m.content())
                        .contains("**1.4.0** is out", "Faster sync", announcement.jumpUrl())
                        .doesNotContain("Dark"));
        assertThat(alice.dmsFromBot()).isEmpty();
        assertThat(alice.pingsReceived()).containsExactly(inDark);
        assertThat(carol.pingsReceived()).containsExactlyInAnyOrder(inDark, inSync);

        // the record
        assertThat(w.issues.find(dark.number()).orElseThrow().status()).isEqualTo(IssueStatus.SHIPPED);
        assertThat(w.issues.find(sync.number()).orElseThrow().shippedVersion()).isEqualTo("1.4.0");
        assertThat(w.releaseStore.notices(release.id()))
                .allSatisfy(n -> assertThat(n.sentMessageId()).isNotNull());

        // tags: shipped replaces tracked, bug stays
        w.sim.await(
                "shipped tags",
                () -> darkPost.appliedTags().contains("shipped")
                        && syncPost.appliedTags().contains("shipped"));
        assertThat(darkPost.appliedTags()).containsExactlyInAnyOrder("bug", "shipped");

        // docs/copy review: the announcement and the issue that needs docs
        List<SimMessage> review = botMessages(w.team, "1.4.0").stream()
                .filter(m -> m.content().startsWith("📝"))
                .toList();
        assertThat(review).hasSize(2);
        assertThat(review.get(0).content())
                .contains("Docs and copy review for 1.4.0", announcement.jumpUrl(), "Not reviewed yet");
        assertThat(review.get(1).content()).contains("#" + dark.number(), "Dark mode", "needs docs");
        assertThat(review).allSatisfy(m -> assertThat(m.buttonLabels()).containsExactly("Reviewed"));

        SimMessage reviewed = w.engineer.pressButton(review.get(1), "Reviewed").awaitUpdate();
        assertThat(reviewed.content())
                .contains("✅ Reviewed by <@" + w.engineer.id() + ">")
                .doesNotContain("Not reviewed");
        assertThat(reviewed.buttons()).isEmpty();
        assertThat(reviewed.pinged()).isEmpty();
        assertThat(w.releaseStore.reviewItems(release.id()).get(1).reviewedBy()).isEqualTo(w.engineer.id());

        SimMessage statusReply = w.engineer
                .runSlash(w.team, "release-status", Map.of("version", "1.4.0"))
                .awaitReply();
        assertThat(statusReply.ephemeral()).isTrue();
        assertThat(statusReply.content())
                .contains(
                        "Notices: 5 delivered, 0 fell back, 0 failed.",
                        "Docs/copy review: 1 of 2 reviewed.",
                        announcement.jumpUrl());
    }

    @Test
    void refusesWhatCantBeReleasedWithASpecificAnswer() {
        SimMember frank = w.guild.member("frank");
        Issue open = w.issue("Export to CSV", post(frank, "Export to CSV"), frank, List.of(), false);
        Issue closed = w.issue("Old idea", post(frank, "Old idea"), frank, List.of(), false);
        w.issues.setStatus(closed.number(), IssueStatus.CLOSED, "won't fix", w.engineer.id(), java.time.Instant.now());
        Issue shipped = w.issue("Shipped thing", post(frank, "Shipped thing"), frank, List.of(), false);
        w.publish("0.9.0", "#" + shipped.number());

        assertThat(refusal("0.9.0", "#" + open.number())).startsWith("Version 0.9.0 was already released");
        assertThat(refusal(
                        "0.9.1",
                        "#" + open.number() + " #" + open.number() + " #" + closed.number() + " #" + shipped.number()
                                + " #9999 soon"))
                .isEqualTo(String.join(
                        "\n",
                        "“soon” is not an issue number; list issues like #3 #5.",
                        "#" + open.number() + " is listed more than once.",
                        "#" + closed.number() + " is closed without shipping; it can't be part of a release.",
                        "#" + shipped.number() + " already shipped in 0.9.0.",
                        "There is no issue #9999."));
        SimMessage notEngineer = frank.runSlashFromStaleClient(
                        w.team, "release", Map.of("version", "0.9.1", "issues", "#" + open.number()))
                .awaitReply();
        assertThat(notEngineer.content()).isEqualTo("Only engineers can publish releases.");
        assertThat(frank.runSlashFromStaleClient(w.team, "release-status", Map.of("version", "0.9.0"))
                        .awaitReply()
                        .content())
                .isEqualTo("Only engineers can see how a release went.");
        assertThat(w.engineer
                        .runSlash(w.team, "release-status", Map.of("version", "7.7.7"))
                        .awaitReply()
                        .content())
                .isEqualTo("There is no release 7.7.7.");
        assertThat(w.issues.find(open.number()).orElseThrow().status()).isEqualTo(IssueStatus.OPEN);
    }

    private String refusal(String version, String typed) {
        SimMessage reply = w.engineer
                .runSlash(w.team, "release", Map.of("version", version, "issues", typed))
                .awaitReply();
        assertThat(reply.ephemeral()).isTrue();
        return reply.content();
    }

    @Test
    void withoutIssuesTheEngineerPicksFromTheOpenOnesAndCanCancel() {
        SimMember gina = w.guild.member("gina");
        Issue a = w.issue("Keyboard shortcuts", post(gina, "Keyboard shortcuts"), gina, List.of(), false);
        SimMessage pick = w.engineer
                .runSlash(w.team, "release", Map.of("version", "2.0.0-rc1"))
                .awaitReply();
        assertThat(pick.ephemeral()).isTrue();
        assertThat(pick.content()).startsWith("Pick the issues **2.0.0-rc1** ships.");
        assertThat(pick.selects().getFirst().options())
                .anySatisfy(o -> assertThat(o.label()).isEqualTo("#" + a.number() + " Keyboard shortcuts"));

        SimModal modal = w.engineer
                .selectOption(pick, pick.selects().getFirst().customId(), String.valueOf(a.number()))
                .awaitModal();
        SimMessage preview = modal.submit(Map.of("notes", "Shortcuts everywhere.", "snippet", ""))
                .awaitReply();
        assertThat(preview.content()).contains("ships #" + a.number(), "It tells 1 person");
        assertThat(preview.embeds().getFirst().description()).doesNotContain("```");

        SimMessage cancelled = w.engineer.pressButton(preview, "Cancel").awaitUpdate();
        assertThat(cancelled.content()).isEqualTo("Release cancelled; nothing was published.");
        assertThat(w.releaseStore.findByVersion("2.0.0-rc1")).isEmpty();
        assertThat(w.issues.find(a.number()).orElseThrow().status()).isEqualTo(IssueStatus.OPEN);
    }

    @Test
    void autocompleteSuggestsTheNextIssueAfterTheOnesTyped() {
        SimMember hal = w.guild.member("hal");
        Issue a = w.issue("Zebra stripes", post(hal, "Zebra stripes"), hal, List.of(), false);
        Issue b = w.issue("Zebra crossing", post(hal, "Zebra crossing"), hal, List.of(), false);
        List<SimInteraction.Choice> choices = w.engineer
                .autocomplete(w.team, "release", "issues", "#" + a.number() + " zebra", Map.of("version", "x"))
                .awaitChoices();
        assertThat(choices)
                .extracting(SimInteraction.Choice::value)
                .containsExactly("#" + a.number() + " #" + b.number());
        assertThat(choices.getFirst().name()).isEqualTo("#" + a.number() + " #" + b.number() + " — Zebra crossing");
    }

    @Test
    void closedDmsAndDeletedLockedAndArchivedThreadsEachFallBack() {
        SimMember ivy = w.guild.member("ivy");
        SimMember jack = w.guild.member("jack");
        SimMember kim = w.guild.member("kim");
        SimMember lee = w.guild.member("lee").closeDms();
        SimMember max = w.guild.member("max");
        SimChannel deleted = post(ivy, "Gone post");
        SimChannel locked = post(jack, "Locked post");
        SimChannel archived = post(kim, "Archived post");
        Issue a = w.issue("Gone post", deleted, ivy, List.of(), false);
        Issue b = w.issue("Locked post", locked, jack, List.of(), false);
        Issue c = w.issue("Archived post", archived, kim, List.of(), false);
        w.meToo(c, lee); // no thread of their own, DMs closed: mentioned in the archived post instead
        SimChannel dPost = post(max, "Locked and closed");
        Issue d = w.issue("Locked and closed", dPost, max, List.of(), false);
        max.closeDms();
        deleted.delete();
        locked.lock();
        dPost.lock();
        archived.archive();

        Release r = w.publish("3.1.0", "#" + a.number() + " #" + b.number() + " #" + c.number() + " #" + d.number());
        ReleaseStatus s = w.awaitDelivered(r);

        assertThat(ivy.dmsFromBot())
                .singleElement()
                .satisfies(m -> assertThat(m.content()).contains("3.1.0", "Gone post"));
        assertThat(jack.dmsFromBot())
                .singleElement()
                .satisfies(m -> assertThat(m.content()).contains("3.1.0", "Locked post"));
        assertThat(botMessages(locked, "3.1.0")).isEmpty();
        assertThat(archived.archived()).isFalse();
        assertThat(botMessages(archived, "3.1.0"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.pinged()).hasSize(1));
        assertThat(kim.pingsReceived()).hasSize(1);
        assertThat(lee.pingsReceived())
                .singleElement()
                .satisfies(m -> assertThat(m.channel()).isEqualTo(archived));
        assertThat(lee.dmsFromBot()).isEmpty();
        assertThat(max.dmsFromBot()).isEmpty();
        assertThat(botMessages(dPost, "3.1.0")).isEmpty();

        assertThat(s.delivered()).isEqualTo(1); // kim, in the unarchived post
        assertThat(s.fellBack()).isEqualTo(3); // ivy and jack by DM, lee in the thread
        assertThat(s.failed()).isEqualTo(1); // max: locked post and closed DMs
        assertThat(s.failures()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(max.id());
            assertThat(f.error()).contains("the DM was refused, and this was already the fallback");
        });
        SimMessage statusReply = w.engineer
                .runSlash(w.team, "release-status", Map.of("version", "3.1.0"))
                .awaitReply();
        assertThat(statusReply.content()).contains("1 delivered, 3 fell back, 1 failed", "<@" + max.id() + ">");
        assertThat(statusReply.pinged()).isEmpty();
    }

    @Test
    void oneHundredFiftyRequestersOnOneThread() {
        SimMember owner = w.guild.member("nora");
        List<SimMember> crowd = new ArrayList<>();
        for (int i = 0; i < 149; i++) crowd.add(w.guild.member("crowd" + i));
        SimChannel busy = post(owner, "Popular request");
        Issue popular = w.issue("Popular request", busy, owner, crowd, false);

        Release r = w.publish("4.0.0", "#" + popular.number());
        ReleaseStatus s = w.awaitDelivered(r);
        assertThat(s.delivered()).isEqualTo(150);

        List<SimMessage> notices = botMessages(busy, "4.0.0");
        assertThat(notices).hasSizeGreaterThanOrEqualTo(2);
        assertThat(notices).allSatisfy(m -> {
            assertThat(m.content().length()).isLessThanOrEqualTo(2000);
            assertThat(m.pinged().size()).isLessThanOrEqualTo(100);
        });
        assertThat(notices.stream().mapToInt(m -> m.pinged().size()).sum()).isEqualTo(150);
        assertThat(owner.pingsReceived()).hasSize(1);
        for (SimMember m : crowd) assertThat(m.pingsReceived()).as(m.name()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilDelivered() {
        SimMember olga = w.guild.member("olga");
        SimChannel p = post(olga, "Retry me");
        Issue issue = w.issue("Retry me", p, olga, List.of(), false);
        w.sim.faults().failNext("POST", "channels/" + p.id() + "/messages", 3, 500);

        Release r = w.publish("5.0.0", "#" + issue.number());
        ReleaseStatus s = w.awaitDelivered(r);
        assertThat(s.delivered()).isEqualTo(1);
        assertThat(botMessages(p, "5.0.0")).hasSize(1);
        assertThat(olga.pingsReceived()).hasSize(1);
        assertThat(w.releaseStore.notices(r.id()).getFirst().attempts()).isGreaterThan(1);
    }

    @Test
    void aStormOf429sIsWaitedOutWithoutLosingOrDoublingAnything() {
        List<SimMember> people = new ArrayList<>();
        List<Issue> shipped = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SimMember m = w.guild.member("storm" + i);
            people.add(m);
            shipped.add(w.issue("Storm " + i, post(m, "Storm " + i), m, List.of(), false));
        }
        long before = w.sim.rateLimits().rateLimitedTotal();
        String typed =
                String.join(" ", shipped.stream().map(i -> "#" + i.number()).toList());
        SimMessage preview = w.preview("6.0.0", typed, "Storm release", "");
        w.sim.rateLimits().global(8); // every REST call but interaction callbacks shares 8 per second
        try {
            w.engineer.pressButton(preview, "Publish").awaitUpdate();
            Release r = w.releaseStore.findByVersion("6.0.0").orElseThrow();
            ReleaseStatus s = w.awaitDelivered(r);
            assertThat(s.delivered()).isEqualTo(12);
            assertThat(w.sim.rateLimits().rateLimitedTotal()).isGreaterThan(before);
            for (SimMember m : people)
                assertThat(m.pingsReceived()).as(m.name()).hasSize(1);
            assertThat(w.releases.messages().stream().filter(m -> m.content().contains("6.0.0")))
                    .hasSize(1);
        } finally {
            w.sim.rateLimits().global(0);
        }
    }

    @Test
    void theShippedTagReplacesTrackedAndNeverMakesASixthTag() {
        w.guild.forum("support", "a", "b", "c", "d");
        SimMember pat = w.guild.member("pat");
        SimChannel tracked = pat.postInForum(w.support, "Five with tracked", "x", "tracked", "a", "b", "c", "d");
        SimChannel full = pat.postInForum(w.support, "Five without tracked", "x", "bug", "a", "b", "c", "d");
        Issue one = w.issue("Five with tracked", tracked, pat, List.of(), false);
        Issue two = w.issue("Five without tracked", full, pat, List.of(), false);

        w.awaitDelivered(w.publish("9.0.0", "#" + one.number() + " #" + two.number()));
        w.sim.await("tagged", () -> tracked.appliedTags().contains("shipped"));
        assertThat(tracked.appliedTags()).containsExactlyInAnyOrder("shipped", "a", "b", "c", "d");
        assertThat(full.appliedTags()).containsExactlyInAnyOrder("bug", "a", "b", "c", "d");
    }
}
