package dev.loop.watch;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.NewTranscriptLine;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watching the support forum, /inbox and "looks like #N" hints, as the people of a small community see them. */
@EndToEnd
class WatchEndToEndTest {

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z")
            .yaml("watch:\n  hint-min-score: 0.5\n")
            .build();

    /** The hint about {@code post} in the team channel, once it is there. */
    SimMessage hintFor(SimChannel post) {
        return c.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + post.id() + ">"));
    }

    HintStore hints() {
        return new HintStore(c.db);
    }

    SupportThread awaitThread(SimChannel post) {
        eventually(
                "thread " + post.name() + " recorded",
                () -> c.supportThreads().find(post.id()).isPresent());
        return c.supportThreads().find(post.id()).orElseThrow();
    }

    Issue issue(String title, String summary) {
        return c.issues()
                .create(
                        new NewIssue(title, IssueKind.BUG, summary, false, null, null),
                        new NewPlace(
                                Place.PlaceKind.FORUM_POST,
                                c.guild.id(),
                                c.support.id(),
                                (long) title.hashCode(), // each issue from its own post
                                null,
                                "https://discord.com/channels/x/" + title.hashCode(),
                                title),
                        List.of(c.carol.id()),
                        Requester.How.AUTHOR,
                        List.of(new NewTranscriptLine(1, c.carol.id(), "carol", c.clock.instant(), summary, List.of())),
                        false,
                        c.erin.id(),
                        c.clock.instant());
    }

    @Test
    void aPostIsRecordedWithItsFirstEngineerReply() {
        Instant opened = c.clock.instant();
        SimChannel post = c.alice.postInForum(c.support, "Installer hangs at 99%", "It just sits there", "installer");
        SupportThread t = awaitThread(post);
        assertThat(t.authorId()).isEqualTo(c.alice.id());
        assertThat(t.title()).isEqualTo("Installer hangs at 99%");
        assertThat(t.tags()).containsExactly("installer");
        assertThat(t.parentChannelId()).isEqualTo(c.support.id());
        assertThat(t.createdAt()).isBetween(opened.minusSeconds(1), opened.plusSeconds(1));

        c.clock.advance(Duration.ofMinutes(10));
        c.alice.say(post, "still stuck"); // the author
        c.bob.say(post, "same here"); // a member
        c.clock.advance(Duration.ofMinutes(20));
        c.erin.say(post, "Looking into it"); // the first engineer
        c.clock.advance(Duration.ofMinutes(5));
        c.olga.say(post, "Me too"); // a later engineer changes nothing
        eventually(
                "the engineer reply",
                () -> c.supportThreads().find(post.id()).orElseThrow().answered());
        c.watch().watcher().flush();
        SupportThread answered = c.supportThreads().find(post.id()).orElseThrow();
        assertThat(answered.firstEngineerId()).isEqualTo(c.erin.id());
        assertThat(Duration.between(answered.createdAt(), answered.firstEngineerReplyAt()))
                .isBetween(
                        Duration.ofMinutes(30).minusSeconds(1),
                        Duration.ofMinutes(30).plusSeconds(1));
    }

    @Test
    void anEngineersOwnPostNeedsAnotherEngineer() {
        SimChannel post = c.erin.postInForum(c.support, "Collecting feedback on sync", "Tell us");
        awaitThread(post);
        c.erin.say(post, "bump");
        c.alice.say(post, "sync is slow");
        c.watch().watcher().flush();
        assertThat(c.supportThreads().find(post.id()).orElseThrow().answered()).isFalse();
        c.olga.say(post, "thanks");
        eventually(
                "olga's reply",
                () -> c.supportThreads().find(post.id()).orElseThrow().answered());
        assertThat(c.supportThreads().find(post.id()).orElseThrow().firstEngineerId())
                .isEqualTo(c.olga.id());
    }

    @Test
    void inboxListsUnansweredThreadsOldestFirstAndPromisesPastDue() {
        SimChannel older = c.bob.postInForum(c.support, "Where are the logs", "Cannot find them");
        c.clock.advance(Duration.ofMinutes(1));
        SimChannel newer = c.carol.postInForum(c.support, "Proxy settings ignored", "The proxy is not used");
        awaitThread(older);
        awaitThread(newer);
        Issue late = issue("Export drops images", "images are missing from exports");
        c.issues()
                .setPriority(
                        late.number(),
                        Priority.HIGH,
                        "quick",
                        null,
                        c.clock.instant().minus(Duration.ofDays(1)),
                        c.erin.id(),
                        c.clock.instant());

        SimMessage inbox = c.erin.runSlash(c.team, "inbox").awaitReply();
        assertThat(inbox.ephemeral()).isTrue();
        String text = inbox.content();
        assertThat(text).contains("**Unanswered support threads (");
        assertThat(text.indexOf("<#" + older.id() + ">"))
                .isPositive()
                .isLessThan(text.indexOf("<#" + newer.id() + ">"));
        assertThat(text).contains("by <@" + c.carol.id() + ">");
        assertThat(text).contains("**Promises past due (");
        assertThat(text).contains("**#" + late.number() + "** Export drops images · High · due <t:");
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(inbox.pinged()).isEmpty();

        SimMessage refused =
                c.alice.runSlashFromStaleClient(c.team, "inbox", Map.of()).awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can see the inbox.");
        assertThat(refused.ephemeral()).isTrue();
    }

    @Test
    void aPostLikeAnOpenIssueGetsAHintThatLinksIt() {
        Issue known = issue("Sync crashes on large folders", "Syncing a folder with 10k files crashes the app");
        SimChannel post =
                c.alice.postInForum(c.support, "Crash when syncing large folders", "The app crashes on my big folders");
        SimMessage hint = hintFor(post);
        assertThat(hint.content())
                .isEqualTo("🔎 New post <#" + post.id() + "> looks like **#" + known.number()
                        + "** Sync crashes on large folders");
        assertThat(hint.buttonLabels()).containsExactly("Link", "Ignore");
        assertThat(hint.pinged()).isEmpty();

        SimMessage refused = c.bob.pressButton(hint, "Link").awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can link or ignore hints.");

        c.clock.advance(Duration.ofMinutes(3));
        SimMessage decided = c.erin.pressButton(hint, "Link").awaitUpdate();
        eventually("the hint message to show the decision", () -> hint.content().contains("Linked"));
        assertThat(hint.content()).endsWith("✅ Linked to **#" + known.number() + "** by <@" + c.erin.id() + ">");
        assertThat(hint.buttons()).allMatch(b -> b.disabled());
        assertThat(hint.pinged()).isEmpty();
        assertThat(decided.id()).isEqualTo(hint.id());

        // linked as /link would: the post as a place, alice as requester, her words in the transcript
        assertThat(c.issues().places(known.number()))
                .anyMatch(p -> p.channelId() == post.id()
                        && p.kind() == Place.PlaceKind.FORUM_POST
                        && p.addedBy() == c.erin.id());
        assertThat(c.issues().requesters(known.number()))
                .anyMatch(r -> r.userId() == c.alice.id() && r.how() == Requester.How.HINT);
        assertThat(c.issues().transcript(known.number()))
                .anyMatch(l -> l.content().equals("The app crashes on my big folders"));
        assertThat(c.supportThreads().find(post.id()).orElseThrow().capturedIssue())
                .isEqualTo(known.number());
        Hint stored = hints().find(
                        Long.parseLong(hint.buttons().getFirst().customId().split(":")[2]))
                .orElseThrow();
        assertThat(stored.state()).isEqualTo(Hint.State.LINKED);
        assertThat(stored.decidedBy()).isEqualTo(c.erin.id());
        // and the post gets /link's answer: the status and the issue card
        SimMessage told =
                post.awaitMessage(m -> m.fromBot() && m.content().startsWith("Linked to **#" + known.number() + "**"));
        assertThat(told.content()).contains("Sync crashes on large folders — not triaged yet.");
        assertThat(told.embeds())
                .singleElement()
                .satisfies(e -> assertThat(e.title()).startsWith("#" + known.number()));
        assertThat(told.pinged()).isEmpty();
    }

    @Test
    void anIgnoredHintSaysWhoIgnoredIt() {
        Issue known = issue("Dark mode for the editor", "Please add a dark theme to the editor");
        SimChannel post = c.bob.postInForum(c.support, "Editor dark mode?", "Is a dark mode planned for the editor");
        SimMessage hint = hintFor(post);
        assertThat(hint.content()).contains("looks like **#" + known.number() + "**");
        c.olga.pressButton(hint, "Ignore").awaitUpdate();
        eventually("the ignore to show", () -> hint.content().contains("Ignored"));
        assertThat(hint.content()).endsWith("🙈 Ignored by <@" + c.olga.id() + ">");
        assertThat(hint.buttons()).allMatch(b -> b.disabled());
        assertThat(c.issues().requesters(known.number())).noneMatch(r -> r.userId() == c.bob.id());
    }

    @Test
    void aHintClosesWhenItsPostIsLinkedWithSlashLinkAndItsOldButtonPostsNothing() {
        Issue known = issue("Gopher sync drops attachments", "Attachments vanish when the gopher sync runs");
        SimChannel post = c.bob.postInForum(
                c.support, "Gopher sync attachments gone", "My attachments vanish when the gopher sync runs");
        SimMessage hint = hintFor(post);

        c.erin.runSlash(post, "link", java.util.Map.of("issue", known.number())).awaitReply();

        hint.awaitState("the hint to close", m -> m.buttons().stream().allMatch(b -> b.disabled()));
        assertThat(hint.content()).endsWith("✅ Linked to **#" + known.number() + "** by <@" + c.erin.id() + ">");
        assertThat(hints().find(hintId(hint)).orElseThrow().state()).isEqualTo(Hint.State.LINKED);
        long inPost = post.messages().stream().filter(SimMessage::fromBot).count();
        assertThat(inPost).isEqualTo(1); // /link's card

        // its buttons can no longer be pressed, and the post got /link's card only
        c.watch().watcher().flush();
        assertThat(post.messages().stream().filter(SimMessage::fromBot).count()).isEqualTo(inPost);
        assertThat(c.issues().requesters(known.number()).stream().filter(r -> r.userId() == c.bob.id()))
                .hasSize(1);
    }

    @Test
    void aHintClosesWhenItsPostIsCapturedWithThePin() {
        Issue known = issue("Walrus theme flickers", "The walrus theme flickers on dark backgrounds");
        SimChannel post =
                c.carol.postInForum(c.support, "Walrus theme flicker", "The walrus theme flickers on dark backgrounds");
        SimMessage hint = hintFor(post);

        c.erin.react(post.starterMessage(), "📌");

        // 📌 runs /capture's duplicate search: the choice comes to erin in the team channel, pinging only her
        SimMessage choice = c.team.awaitMessage(m -> m.fromBot()
                && m.content().startsWith("<@" + c.erin.id() + "> 📌 This may already be tracked")
                && m.buttonLabels().contains("Link to #" + known.number()));
        assertThat(choice.pinged()).containsExactly(c.erin.id());
        assertThat(c.olga.pressButton(choice, "Create new issue").awaitReply().content())
                .isEqualTo("This capture has expired or was already handled. Run /capture again.");
        c.erin.pressButton(choice, "Create new issue").awaitUpdate();

        eventually("the capture", () -> c.issues().findByChannel(post.id()).isPresent());
        int number = c.issues().findByChannel(post.id()).orElseThrow().number();
        hint.awaitState("the hint to close", m -> m.buttons().stream().allMatch(b -> b.disabled()));
        assertThat(hint.content()).endsWith("📌 Captured as **#" + number + "** by <@" + c.erin.id() + ">");
        eventually(
                "the card in the post",
                () -> post.messages().stream()
                        .anyMatch(m -> m.fromBot() && !m.embeds().isEmpty()));
        assertThat(post.messages().stream()
                        .filter(m -> m.fromBot() && !m.embeds().isEmpty()))
                .hasSize(1); // the capture's card, and no second one
        assertThat(post.messages().stream().filter(m -> m.pinged().contains(c.erin.id())))
                .isEmpty();
    }

    @Test
    void anEngineersLinkIsTheTeamsResponseAndArchivedOrDeletedThreadsLeaveTheInbox() {
        Issue known = issue("Marmot export skips rows", "The marmot export leaves out rows");
        SimChannel linked = c.bob.postInForum(c.support, "Marmot rows missing", "Rows are missing in my marmot export");
        SimChannel archived = c.carol.postInForum(c.support, "Lemur login loops", "Login goes round in circles");
        SimChannel deleted = c.alice.postInForum(c.support, "Tapir font tiny", "The font is tiny");
        SimChannel waiting = c.alice.postInForum(c.support, "Civet colours off", "Colours look washed out");
        for (SimChannel p : List.of(linked, archived, deleted, waiting)) awaitThread(p);
        Instant opened = c.supportThreads().find(linked.id()).orElseThrow().createdAt();
        c.clock.advance(Duration.ofMinutes(7));

        c.erin.runSlash(linked, "link", java.util.Map.of("issue", known.number()))
                .awaitReply();
        archived.archive();
        deleted.delete();

        eventually(
                "the link to count as erin's response",
                () -> c.supportThreads().find(linked.id()).orElseThrow().answered());
        SupportThread answered = c.supportThreads().find(linked.id()).orElseThrow();
        assertThat(answered.firstEngineerId()).isEqualTo(c.erin.id());
        assertThat(Duration.between(opened, answered.firstEngineerReplyAt()))
                .isBetween(
                        Duration.ofMinutes(7).minusSeconds(1),
                        Duration.ofMinutes(7).plusSeconds(1));
        eventually(
                "the archived and deleted threads to leave the inbox",
                () -> c.supportThreads().unanswered(1000).stream()
                        .noneMatch(t -> t.threadId() == archived.id() || t.threadId() == deleted.id()));
        String inbox = c.erin.runSlash(c.help, "inbox").awaitReply().content();
        assertThat(inbox)
                .contains(String.valueOf(waiting.id()))
                .doesNotContain(String.valueOf(linked.id()))
                .doesNotContain(String.valueOf(archived.id()))
                .doesNotContain(String.valueOf(deleted.id()));

        archived.unarchive();
        eventually(
                "the archived thread to come back when opened again",
                () -> c.supportThreads().unanswered(1000).stream().anyMatch(t -> t.threadId() == archived.id()));
    }

    static long hintId(SimMessage hint) {
        String id = hint.buttons().getFirst().customId();
        return Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
    }

    @Test
    void anUnrelatedPostGetsNoHint() {
        issue("Installer needs admin rights", "The installer asks for admin rights");
        SimChannel post = c.carol.postInForum(c.support, "Keyboard shortcuts list", "Where is the list of shortcuts");
        awaitThread(post);
        // the post was considered (recorded) and a later post still gets hints, so give the matcher a moment
        SimChannel other = c.carol.postInForum(c.support, "Installer requires admin rights", "It wants admin rights");
        c.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + other.id() + ">"));
        assertThat(c.team.messages()).noneMatch(m -> m.content().contains("<#" + post.id() + ">"));
        assertThat(hints().hinted(post.id())).isFalse();
    }

    @Test
    void threadsInATextSupportChannelAreWatchedAndMatchedToo() {
        Issue known = issue("Webhooks fire twice", "Every webhook is delivered two times");
        SimMessage question = c.bob.say(c.help, "Our webhooks fire twice for every event, is that known?");
        SimChannel thread = c.bob.startThread(question, "Duplicate webhook deliveries");
        SupportThread t = awaitThread(thread);
        assertThat(t.parentChannelId()).isEqualTo(c.help.id());
        assertThat(t.authorId()).isEqualTo(c.bob.id());
        assertThat(t.tags()).isEmpty();
        // the thread's title alone shares no word with the issue: the hint comes from the message it started from
        SimMessage hint = c.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + thread.id() + ">"));
        assertThat(hint.content()).contains("looks like **#" + known.number() + "** Webhooks fire twice");
        c.clock.advance(Duration.ofMinutes(2));
        c.olga.say(thread, "Known, fixed in 2.1");
        eventually(
                "olga's reply",
                () -> c.supportThreads().find(thread.id()).orElseThrow().answered());
    }
}
