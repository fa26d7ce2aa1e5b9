package dev.loop.reliability;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discord answers 5xx or 429 on the routes Loop uses while answering people. The person still gets a correct
 * answer or a specific one, nothing is left half-written, and the next action works.
 */
@EndToEnd
class RestFaultsTest {

    static final String CALLBACK = "POST interactions/{interaction_id}/{interaction_token}/callback";

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    @AfterEach
    void clearFaults() {
        s.sim.faults().clear();
    }

    static String messages(SimChannel channel) {
        return "channels/" + channel.id() + "/messages";
    }

    @Test
    void aBriefServerErrorOrRateLimitWhilePostingTheCardIsRetriedAndTheCardPostedOnce() {
        SimChannel post = s.alice.postInForum(s.support, "Lynx importer rejects UTF-16", "UTF-16 files are rejected");
        s.sim.faults().failNext("POST", messages(post), 2, 502);
        s.sim.faults().rateLimitNext("POST channels/{channel_id}/messages", 1, Duration.ofMillis(300));
        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "no"));
        assertThat(post.messages())
                .filteredOn(m -> m.fromBot() && !m.embeds().isEmpty())
                .singleElement()
                .isEqualTo(c.card());
        assertThat(s.issues().places(c.number()).getFirst().cardMessageId())
                .isEqualTo(c.card().id());
    }

    @Test
    void whenTheCardCannotBePostedTheIssueIsStoredAndTheEngineerIsToldWhereToFindIt() {
        SimChannel post = s.alice.postInForum(s.support, "Marmot search ignores case", "MARMOT finds nothing");
        s.sim.faults().failNext("POST", messages(post), 50, 500);
        SimInteraction submit =
                s.erin.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage captured = submit.awaitReply(m -> m.content().startsWith("Captured **#"));
        Issue issue = s.issues().findByChannel(post.id()).orElseThrow();
        assertThat(captured.content())
                .isEqualTo("Captured **#" + issue.number() + "** Marmot search ignores case with 1 "
                        + "message. Discord refused the issue card in the thread, so nobody there can press Me too yet; "
                        + "`/issue show " + issue.number() + "` shows the card.");
        // stored whole: the place, the requester, the transcript; only the card is missing
        assertThat(s.issues().places(issue.number()))
                .singleElement()
                .satisfies(p -> assertThat(p.cardMessageId()).isNull());
        assertThat(s.issues().requesters(issue.number()))
                .extracting(Requester::userId)
                .containsExactly(s.alice.id());
        assertThat(s.issues().transcript(issue.number())).hasSize(1);
        assertThat(submit.awaitReply(m -> m.content().startsWith("**Triage #" + issue.number() + "**"))
                        .ephemeral())
                .isTrue();
        s.sim.faults().clear();
        SimMessage show = Seen.ephemeral(s.bob, s.team, "issue show", Map.of("number", issue.number()));
        assertThat(show.embeds().getFirst().title()).startsWith("#" + issue.number() + " Marmot search ignores case");
    }

    @Test
    void whenTheThreadCannotBeReadNothingIsCapturedAndTheEngineerIsToldSo() {
        SimChannel post = s.alice.postInForum(s.support, "Narwhal upload times out", "Uploads time out at 90%");
        var modal = s.erin.runSlash(post, "capture").awaitModal();
        s.sim.faults().failNext("GET", messages(post), 5, 500);
        SimInteraction submit = modal.submit(Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage refused = submit.awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .isEqualTo("Discord didn't let Loop read the conversation just now, so nothing was "
                        + "captured. Try again in a moment.");
        assertThat(s.issues().findByChannel(post.id())).isEmpty();
        s.sim.faults().clear();
        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "no"));
        assertThat(s.issues().transcript(c.number())).hasSize(1);
    }

    @Test
    void meTooStillAnswersWhenTheCallbackFailsOnceOrIsRateLimited() {
        Captured c = s.capture(s.alice, "Osprey calendar shows wrong week", "Week numbers are off by one");
        SimMember dot = s.guild.member("dot");
        // Discord loses the answer: dot sees "interaction failed", but the press itself was recorded, once
        s.sim.faults().failNext(CALLBACK, 1, 500);
        dot.pressButton(c.card(), "Me too");
        eventually(
                "dot's press to be recorded",
                () -> s.issues().requesters(c.number()).stream().anyMatch(r -> r.userId() == dot.id()));
        // the repeated press must not race the first press's answer for the injected failure
        eventually("dot's first answer to be lost", () -> !s.sim.faults().pending());
        assertThat(dot.pressButton(c.card(), "Me too").awaitReply().content())
                .isEqualTo("You're already on **#" + c.number() + "**. We'll let you know when it ships.");
        // a 429 on the answer is waited out within Discord's three seconds
        SimMember eve = s.guild.member("eve");
        s.sim.faults().rateLimitNext(CALLBACK, 1, Duration.ofMillis(400));
        SimMessage second = eve.pressButton(c.card(), "Me too").awaitReply();
        assertThat(second.content())
                .isEqualTo("Thanks — you're on **#" + c.number() + "** now. We'll let you know when it ships.");
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId)
                .containsExactlyInAnyOrder(s.alice.id(), dot.id(), eve.id());
        assertThat(s.history(c.number(), "requester")).hasSize(2);
    }

    @Test
    void aTriageWhoseAnswerWasLostIsRecordedOnceAndTheRepeatedPressIsToldWhy() {
        Captured c = s.capture(s.alice, "Stoat dialog hides buttons", "The OK button is off screen");
        SimMessage decided = s.erin.pressButton(c.prompt(), "Yes").awaitUpdate();
        s.sim.faults().failNext(CALLBACK, 1, 500);
        s.erin.pressButton(decided, "Done");
        eventually("the triage to be recorded", () -> s.issue(c.number()).priority() == Priority.FIX_NOW);
        // the lost answer is the first press's: the repeated press must not race it for the injected failure
        eventually("the first press's answer to be lost", () -> !s.sim.faults().pending());
        SimMessage again = s.erin.pressButton(decided, "Done").awaitReply();
        assertThat(again.content())
                .startsWith("This triage prompt for **#" + c.number() + "** is out of date")
                .contains("(it is Fix it now now). Nothing was recorded.");
        assertThat(s.history(c.number(), "triage")).hasSize(1);
        assertThat(s.history(c.number(), "priority")).hasSize(1);
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("Update on **#" + c.number() + "**"));
        assertThat(c.post().messages())
                .filteredOn(m -> m.fromBot() && m.content().contains("Update on"))
                .hasSize(1);
    }

    @Test
    void aPublishWhoseAnswerWasLostShipsOnceAndTheRepeatedPressIsToldWhy() {
        Captured c = s.capture(s.carol, "Tapir theme resets", "The theme resets on restart");
        SimMessage preview = s.erin.runSlash(s.team, "release", Map.of("version", "4.2.0", "issues", "#" + c.number()))
                .awaitModal()
                .submit(Map.of("notes", "Themes stick", "snippet", ""))
                .awaitReply();
        s.sim.faults().failNext(CALLBACK, 1, 500);
        s.erin.pressButton(preview, "Publish");
        SimMessage notice =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("**4.2.0**"));
        assertThat(notice.pinged()).containsExactly(s.carol.id());
        eventually("the first press's answer to be lost", () -> !s.sim.faults().pending());
        SimMessage again = s.erin.pressButton(preview, "Publish").awaitReply();
        assertThat(again.content())
                .isEqualTo("This release preview has expired or was already used; run /release again.");
        assertThat(s.rows(Tables.RELEASE)).isEqualTo(1);
        assertThat(s.releases.messages())
                .filteredOn(m -> m.content().contains("4.2.0"))
                .hasSize(1);
        assertThat(Seen.ephemeral(s.erin, s.team, "release", Map.of("version", "4.2.0", "issues", "#1"))
                        .content())
                .startsWith("Version 4.2.0 was already released");
    }

    @Test
    void aSlowDiscordStillGetsEveryAnswerWithinTheInteractionDeadline() {
        Captured c = s.capture(s.alice, "Vole reminders fire twice", "Every reminder fires twice");
        SimChannel post = s.carol.postInForum(s.support, "Vole alarms ring twice", "Alarms ring twice");
        s.sim.faults().restLatency(Duration.ofMillis(700));
        try {
            // /capture reads the thread before it can open its form, all inside Discord's three seconds
            assertThat(s.erin.runSlash(post, "capture").awaitModal().value("summary"))
                    .isEqualTo("Alarms ring twice");
            SimMember joy = s.guild.member("joy");
            assertThat(joy.pressButton(c.card(), "Me too").awaitReply().content())
                    .startsWith("Thanks — you're on");
            assertThat(joy.pressButton(c.card(), "This blocks me").awaitReply().content())
                    .contains("is marked as blocking you");
            assertThat(Seen.ephemeral(s.bob, s.team, "issue show", Map.of("number", c.number()))
                            .embeds())
                    .isNotEmpty();
        } finally {
            s.sim.faults().clear();
        }
    }

    @Test
    void aCardThatCannotBeEditedIsStaleUntilTheNextChangeNotWrong() {
        Captured c = s.capture(s.alice, "Puffin export misses images", "Images are not exported");
        s.sim.faults().failNext("PATCH", messages(c.post()) + "/" + c.card().id(), 50, 500);
        SimMember fin = s.guild.member("fin");
        assertThat(fin.pressButton(c.card(), "Me too").awaitReply().content()).startsWith("Thanks — you're on");
        assertThat(s.issues().requesters(c.number())).hasSize(2);
        s.sim.faults().clear();
        SimMember gil = s.guild.member("gil");
        assertThat(gil.pressButton(c.card(), "Me too").awaitReply().content()).startsWith("Thanks — you're on");
        eventually(
                "the card to count all three",
                () -> "3".equals(c.card().embeds().getFirst().field("Requesters")));
    }

    @Test
    void whenTheThreadRefusesTheCloseNoticeTheRequestersAreToldByDm() {
        Captured c = s.capture(s.carol, "Quail login button misaligned", "The button is 2px off");
        s.sim.faults().failNext("POST", messages(c.post()), 50, 500);
        SimMessage closed = Seen.ephemeral(
                s.erin, s.team, "issue close", Map.of("number", c.number(), "reason", "fixed by the redesign"));
        assertThat(closed.content()).isEqualTo("Closed **#" + c.number() + "**; told 1 requester.");
        SimMessage dm = s.carol.awaitDm(m -> m.content().contains("**#" + c.number() + "**"));
        assertThat(dm.content()).contains("without a change. The reason: fixed by the redesign");
        assertThat(s.issue(c.number()).status()).isEqualTo(IssueStatus.CLOSED);
    }

    @Test
    void whenTheLinkAnswerCannotBePostedTheLinkStillHoldsAndRunningItAgainShowsIt() {
        Captured c = s.capture(s.alice, "Raven sync duplicates folders", "Folders appear twice");
        SimChannel again = s.bob.postInForum(s.support, "Raven folders doubled", "Every folder shows twice");
        s.sim.faults().failNext("POST", "webhooks/*", 50, 500);
        s.erin.runSlash(again, "link", Map.of("issue", c.number()));
        // the answer belongs to the thread: when the interaction's follow-up fails it is posted there directly
        SimMessage answer =
                again.awaitMessage(m -> m.fromBot() && m.content().startsWith("Linked to **#" + c.number() + "**"));
        assertThat(answer.embeds())
                .singleElement()
                .satisfies(e -> assertThat(e.title()).startsWith("#" + c.number() + " "));
        assertThat(answer.buttonLabels()).containsExactly("Me too", "This blocks me");
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId)
                .contains(s.bob.id());
        eventually(
                "the card to be remembered",
                () -> s.issues().places(c.number()).stream()
                        .anyMatch(p -> p.cardMessageId() != null && p.cardMessageId() == answer.id()));
        s.sim.faults().clear();
        SimMessage second =
                s.erin.runSlash(again, "link", Map.of("issue", c.number())).awaitReply();
        assertThat(second.content()).startsWith("This thread was already linked to **#" + c.number() + "**");
        assertThat(s.issues().places(c.number())).hasSize(2);
        assertThat(s.history(c.number(), "requester")).hasSize(1);
    }
}
