package dev.loop.capture;

import static dev.loop.testing.Captured.cardIn;
import static dev.loop.testing.Eventually.eventually;
import static dev.loop.testing.Seen.assertPingsOnly;
import static dev.loop.testing.Seen.botMessages;
import static dev.loop.testing.Seen.ephemeral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.issue.TranscriptLine;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimFile;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Capture end to end: the real Loop (every feature) against the Discord simulator. People open forum posts and
 * threads, an engineer captures and links them, members press Me too, and everyone reads and searches the record.
 * One simulator and one Loop serve the class; every test works on its own posts and its own words, so the similar
 * issues offered at capture are the test's own.
 */
@EndToEnd
class CaptureEndToEndTest {

    static final int TRANSCRIPT_LIMIT = 120;
    static final String HIGH_TEXT = "this week or next week";
    static final List<String> QUESTIONS =
            List.of("Which version are you on?", "Steps to reproduce", "Logs or error messages");

    /** Loop runs on the real clock: its own lines (debug details) sort among the messages' real times. */
    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .realClock()
            .forumTags("tracked", "shipped", "installer", "windows", "mac", "linux", "beta", "urgent")
            .helpChannel("helpdesk")
            .yaml("""
                    tags:
                      tracked: tracked
                    capture:
                      transcript-limit: %d
                    """.formatted(TRANSCRIPT_LIMIT))
            .build();

    static SimChannel lounge; // a forum that is not a support channel
    static SimMember dave;

    @BeforeAll
    static void moreOfTheCommunity() {
        lounge = s.guild.forum("lounge", "chat");
        dave = s.guild.member("dave");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The issue created from a submitted capture form. */
    Captured created(SimChannel post, SimInteraction submit) {
        return Captured.created(s.erin, post, submit);
    }

    /**
     * The issue erin's 📌 on {@code message} created, known by its title. When it looks like an open issue, the 📌
     * offers erin the same choice as /capture in the team channel, and she creates a new issue anyway (its triage
     * prompt then comes to her ephemerally there instead of by DM).
     */
    int pinCapture(SimMessage message, String title) {
        return s.pin(message, title);
    }

    java.util.Optional<SimMessage> triagePrompt(String title) {
        return s.erin.dmsFromBot().stream()
                .filter(d -> d.content().startsWith("**Triage #") && d.content().contains(title))
                .findFirst();
    }

    List<SimMessage> pinChoices() {
        return s.team.messages().stream()
                .filter(t -> t.fromBot() && t.content().startsWith("<@" + s.erin.id() + "> 📌 This may already be"))
                .toList();
    }

    // ------------------------------------------------------------------------------------------ /capture

    @Test
    void captureOffersSimilarIssuesThenStoresPostAuthorAndTranscript() {
        Captured older = s.capture(s.carol, "Zeppelin sync loses umlauts", "Ü becomes ? after syncing");

        SimChannel post =
                s.alice.postInForum(s.support, "Zeppelin export drops umlauts", "Exporting Größe.txt gives Gr??e.txt");
        SimMessage follow = s.bob.say(post, "Same here with ß in zeppelin exports");
        s.guild.bot().say(post, "Loop's own note in the thread"); // bots are left out of the transcript

        SimModal modal = s.erin.runSlash(post, "capture").awaitModal();
        assertThat(modal.title()).isEqualTo("Capture as issue");
        assertThat(modal.fields())
                .extracting(SimModal.Field::customId)
                .containsExactly("title", "kind", "summary", "needs_docs");
        assertThat(modal.value("title")).isEqualTo("Zeppelin export drops umlauts");
        assertThat(modal.value("summary")).isEqualTo("Exporting Größe.txt gives Gr??e.txt");

        SimInteraction submit = modal.submit(Map.of("kind", "bug", "needs_docs", "yes"));
        SimMessage choice = submit.awaitReply();
        assertThat(choice.ephemeral()).isTrue();
        assertThat(choice.content())
                .startsWith("This may already be tracked.")
                .contains("**#" + older.number() + "** Zeppelin sync loses umlauts");
        assertThat(choice.buttonLabels()).containsExactly("Link to #" + older.number(), "Create new issue");
        assertThat(s.issues().findByChannel(post.id())).isEmpty(); // nothing stored before the choice

        SimInteraction create = s.erin.pressButton(choice, "Create new issue");
        Captured captured = created(post, create); // the answer and the triage prompt, both only erin sees
        int number = captured.number();
        assertThat(captured.reply().content())
                .isEqualTo("Captured **#" + number + "** Zeppelin export drops umlauts with 2 messages.");
        choice.awaitState("the choice without buttons", x -> x.buttons().isEmpty());

        Issue issue = s.issue(number);
        assertThat(issue.title()).isEqualTo("Zeppelin export drops umlauts");
        assertThat(issue.summary()).isEqualTo("Exporting Größe.txt gives Gr??e.txt");
        assertThat(issue.kind()).isEqualTo(IssueKind.BUG);
        assertThat(issue.needsDocs()).isTrue();
        assertThat(issue.createdBy()).isEqualTo(s.erin.id());
        assertThat(s.issues().places(number)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Place.PlaceKind.FORUM_POST);
            assertThat(p.channelId()).isEqualTo(post.id());
            assertThat(p.parentChannelId()).isEqualTo(s.support.id());
            assertThat(p.messageId()).isNull();
            assertThat(p.title()).isEqualTo("Zeppelin export drops umlauts");
            assertThat(p.url()).endsWith("/" + s.guild.id() + "/" + post.id());
        });
        assertThat(s.issues().requesters(number)).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(s.alice.id());
            assertThat(r.how()).isEqualTo(Requester.How.AUTHOR);
        });
        assertThat(s.issues().transcript(number))
                .extracting(TranscriptLine::authorId, TranscriptLine::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.alice.id(), "Exporting Größe.txt gives Gr??e.txt"),
                        org.assertj.core.groups.Tuple.tuple(s.bob.id(), follow.content()));
        assertThat(s.history(number, "capture"))
                .singleElement()
                .satisfies(h -> assertThat(h.actorId()).isEqualTo(s.erin.id()));

        // the card, in the post, for everyone
        SimMessage card = cardIn(post, number);
        SimMessage.Embed embed = card.embeds().get(0);
        assertThat(embed.title()).isEqualTo("#" + number + " Zeppelin export drops umlauts");
        assertThat(embed.field("Kind")).isEqualTo("Bug");
        assertThat(embed.field("Status")).isEqualTo("Open");
        assertThat(embed.field("Priority")).isEqualTo("Untriaged");
        assertThat(embed.field("Timeline")).isEqualTo("not triaged yet");
        assertThat(embed.field("Requesters")).isEqualTo("1");
        assertThat(embed.field("Places (1)")).contains(post.jumpUrl());
        assertThat(card.buttonLabels()).containsExactly("Me too", "This blocks me");
        assertThat(card.pinged()).isEmpty();
        eventually("the tracked tag", () -> post.appliedTags().contains("tracked"));
        assertThat(s.issues().places(number).getFirst().cardMessageId()).isEqualTo(card.id());
    }

    @Test
    void aLongThreadIsReadPageByPageWithAttachmentsAndWithoutBots() {
        SimChannel post =
                s.alice.postInForum(s.support, "Wombat importer stalls", "Importing the wombat CSV stalls at row 3");
        SimMessage withLog = s.alice.say(post, "Here is the log", SimFile.text("wombat.log", "ERROR row 3"));
        List<SimMessage> people = new ArrayList<>();
        for (int i = 1; i <= 104; i++) {
            people.add((i % 2 == 0 ? s.bob : s.carol).say(post, "wombat detail " + i));
            if (i % 30 == 0) s.guild.bot().say(post, "bot noise " + i);
        }
        Captured c = s.captureIn(post, Map.of("kind", "question", "needs_docs", "no"));
        assertThat(c.reply().content()).endsWith(" with 106 messages.");

        List<TranscriptLine> transcript = s.issues().transcript(c.number());
        assertThat(transcript).hasSize(106);
        assertThat(transcript)
                .extracting(TranscriptLine::content)
                .doesNotContain("bot noise 30", "bot noise 60", "bot noise 90")
                .startsWith("Importing the wombat CSV stalls at row 3", "Here is the log")
                .endsWith("wombat detail 103", "wombat detail 104");
        assertThat(transcript).extracting(TranscriptLine::messageId).isSorted().doesNotHaveDuplicates();
        assertThat(transcript.get(1).attachmentUrls())
                .containsExactly(withLog.attachments().getFirst().url());
        assertThat(transcript.get(1).messageId()).isEqualTo(withLog.id());
        assertThat(transcript.getLast().authorName()).isEqualTo("bob");
        assertThat(s.issue(c.number()).transcriptCapped()).isFalse();
        assertThat(c.card().embeds().get(0).footer()).isNull();
    }

    @Test
    void aTranscriptIsCappedAtTheConfiguredLimitAndTheCapIsNoted() {
        SimChannel post =
                s.alice.postInForum(s.support, "Narwhal dashboard flickers", "The narwhal dashboard flickers");
        for (int i = 1; i <= TRANSCRIPT_LIMIT + 9; i++) s.bob.say(post, "narwhal flicker report " + i);
        Captured c = s.captureIn(post, Map.of("kind", "question", "needs_docs", "no"));
        assertThat(c.reply().content())
                .endsWith(" with " + TRANSCRIPT_LIMIT + " messages (capped at " + TRANSCRIPT_LIMIT + ").");

        List<TranscriptLine> transcript = s.issues().transcript(c.number());
        assertThat(transcript).hasSize(TRANSCRIPT_LIMIT);
        // the report itself and the start of the conversation are kept
        assertThat(transcript.getFirst().content()).isEqualTo("The narwhal dashboard flickers");
        assertThat(transcript.getLast().content()).isEqualTo("narwhal flicker report " + (TRANSCRIPT_LIMIT - 1));
        assertThat(s.issue(c.number()).transcriptCapped()).isTrue();
        assertThat(s.history(c.number(), "transcript_capped"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail())
                        .isEqualTo("only the first " + TRANSCRIPT_LIMIT + " messages were copied "
                                + "(capture.transcript-limit)"));
        assertThat(c.card().embeds().get(0).footer()).isEqualTo("Transcript capped at the configured limit");
    }

    @Test
    void atMostThreeSimilarIssuesAreOfferedAndLinkToAddsThePostToThatIssue() {
        List<Integer> older = new ArrayList<>();
        for (String t : List.of(
                "Quokka avatar blurry", "Quokka avatar cropped", "Quokka avatar missing", "Quokka avatar rotated")) {
            older.add(pinCapture(
                    s.carol
                            .postInForum(s.support, t, "The quokka avatar looks wrong")
                            .starterMessage(),
                    t));
        }
        SimChannel post =
                s.alice.postInForum(s.support, "Quokka avatar upload fails", "The quokka avatar never uploads");
        SimMessage choice = s.erin.runSlash(post, "capture")
                .awaitModal()
                .submit(Map.of("kind", "bug", "needs_docs", "no"))
                .awaitReply();
        assertThat(choice.ephemeral()).isTrue();
        List<String> labels = choice.buttonLabels();
        assertThat(labels).hasSize(4).endsWith("Create new issue");
        assertThat(labels.subList(0, 3))
                .allSatisfy(l -> assertThat(l).matches("Link to #\\d+"))
                .allSatisfy(l -> assertThat(older).contains(Integer.parseInt(l.substring("Link to #".length()))));
        int target = Integer.parseInt(labels.getFirst().substring("Link to #".length()));

        SimMessage linked = s.erin.pressButton(choice, labels.getFirst())
                .awaitReply(m -> m.content().startsWith("Linked to"));
        assertThat(linked.ephemeral()).isTrue();
        assertThat(linked.content())
                .startsWith("Linked to **#" + target + "** Quokka avatar ")
                .contains("— not triaged yet.")
                .endsWith("1 new requester.");
        // the post hears where it is tracked, like after /link
        SimMessage inPost =
                post.awaitMessage(m -> m.fromBot() && m.content().startsWith("Linked to **#" + target + "**"));
        assertThat(inPost.embeds().getFirst().title()).startsWith("#" + target + " Quokka avatar ");
        assertThat(inPost.buttonLabels()).containsExactly("Me too", "This blocks me");
        assertThat(inPost.pinged()).isEmpty();

        assertThat(s.issues().findByChannel(post.id()).orElseThrow().number()).isEqualTo(target);
        assertThat(s.issues().places(target)).hasSize(2).last().satisfies(p -> {
            assertThat(p.channelId()).isEqualTo(post.id());
            assertThat(p.addedBy()).isEqualTo(s.erin.id());
            assertThat(p.cardMessageId()).isEqualTo(inPost.id());
        });
        assertThat(s.issues().requesters(target))
                .extracting(Requester::userId, Requester::how)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.carol.id(), Requester.How.AUTHOR),
                        org.assertj.core.groups.Tuple.tuple(s.alice.id(), Requester.How.LINK));
        assertThat(s.issues().transcript(target))
                .extracting(TranscriptLine::content)
                .contains("The quokka avatar never uploads");
        assertThat(s.issues()
                        .list(new dev.loop.issue.IssueFilter(null, null, null), 0, 1000)
                        .items())
                .noneMatch(i -> i.title().equals("Quokka avatar upload fails"));
    }

    @Test
    void captureAsIssueStartsFromOneMessageWhoseAuthorIsTheRequester() {
        SimMessage message = dave.say(s.help, "Gecko sync times out\nIt fails after 30 seconds, every single time");
        SimModal modal = s.erin.runMessageCommand(message, "Capture as issue").awaitModal();
        assertThat(modal.value("title")).isEqualTo("Gecko sync times out");
        assertThat(modal.value("summary")).isEqualTo(message.content());
        SimInteraction submit = modal.submit(Map.of("kind", "bug", "needs_docs", "no"));
        Captured c = created(s.help, submit);

        assertThat(s.issue(c.number()).title()).isEqualTo("Gecko sync times out");
        assertThat(s.issues().places(c.number())).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Place.PlaceKind.MESSAGE);
            assertThat(p.channelId()).isEqualTo(s.help.id());
            assertThat(p.messageId()).isEqualTo(message.id());
            assertThat(p.parentChannelId()).isNull();
            assertThat(p.url()).endsWith("/" + s.help.id() + "/" + message.id());
        });
        assertThat(s.issues().requesters(c.number())).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(dave.id());
            assertThat(r.how()).isEqualTo(Requester.How.MESSAGE_AUTHOR);
        });
        assertThat(s.issues().transcript(c.number())).singleElement().satisfies(l -> {
            assertThat(l.messageId()).isEqualTo(message.id());
            assertThat(l.content()).isEqualTo(message.content());
        });
        assertThat(s.issues().findByMessage(message.id()).orElseThrow().number())
                .isEqualTo(c.number());
        assertThat(s.issues().findByChannel(s.help.id())).isEmpty(); // the channel itself is not the issue

        SimMessage again = s.erin.runMessageCommand(message, "Capture as issue").awaitReply();
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content()).isEqualTo("That message is already captured as **#" + c.number() + "**.");
        assertThat(again.embeds().getFirst().title()).isEqualTo("#" + c.number() + " Gecko sync times out");

        SimMessage member = dave.runMessageCommandFromStaleClient(message, "Capture as issue")
                .awaitReply();
        assertThat(member.ephemeral()).isTrue();
        assertThat(member.content()).isEqualTo("Only engineers can capture issues.");
        SimMessage bot = s.erin.runMessageCommand(c.card(), "Capture as issue").awaitReply();
        assertThat(bot.content()).isEqualTo("That message was posted by a bot; capture a person's message.");
        SimMessage elsewhere = s.erin.runMessageCommand(s.alice.say(s.team, "Gecko lunch?"), "Capture as issue")
                .awaitReply();
        assertThat(elsewhere.ephemeral()).isTrue();
        assertThat(elsewhere.content())
                .isEqualTo("Capture as issue works on messages in support channels and their threads.");
    }

    @Test
    void aPinByAnEngineerCapturesWithoutAModalAndAMembersPinDoesNothing() {
        SimChannel post =
                s.bob.postInForum(s.support, "Ibis almanac skips Tuesdays", "Tuesdays vanish from the almanac");
        s.alice.react(post.starterMessage(), "📌"); // a member: ignored

        SimMessage inChannel = dave.say(s.help, "Heron printing is slow\nTwenty seconds per page");
        int fromMessage = pinCapture(inChannel, "Heron printing is slow");
        assertThat(s.issue(fromMessage).title()).isEqualTo("Heron printing is slow");
        assertThat(s.issues().places(fromMessage)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Place.PlaceKind.MESSAGE);
            assertThat(p.messageId()).isEqualTo(inChannel.id());
        });
        assertThat(s.issues().requesters(fromMessage))
                .extracting(Requester::userId)
                .containsExactly(dave.id());
        // the 📌 on a message in a text channel answers in a thread started on it, as a captured thread is answered
        eventually("a thread on the message", () -> inChannel.thread() != null);
        cardIn(inChannel.thread(), fromMessage);
        assertThat(s.help.messages()).noneMatch(x -> x.fromBot() && !x.embeds().isEmpty());

        assertThat(s.issues().findByChannel(post.id())).isEmpty();
        assertThat(s.alice.dmsFromBot()).isEmpty();

        int fromPost = pinCapture(post.starterMessage(), "Ibis almanac skips Tuesdays");
        Issue issue = s.issue(fromPost);
        assertThat(issue.title()).isEqualTo("Ibis almanac skips Tuesdays");
        assertThat(issue.summary()).isEqualTo("Tuesdays vanish from the almanac");
        assertThat(issue.createdBy()).isEqualTo(s.erin.id());
        assertThat(s.issues().places(fromPost)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Place.PlaceKind.FORUM_POST);
            assertThat(p.channelId()).isEqualTo(post.id());
        });
        assertThat(s.issues().requesters(fromPost))
                .extracting(Requester::userId, Requester::how)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s.bob.id(), Requester.How.AUTHOR));
        assertThat(s.issues().transcript(fromPost))
                .extracting(TranscriptLine::content)
                .containsExactly("Tuesdays vanish from the almanac");
        SimMessage card = cardIn(post, fromPost);
        assertThat(card.pinged()).isEmpty();
        SimMessage prompt = s.erin.awaitDm(m -> m.content().startsWith("**Triage #" + fromPost + "**"));
        assertThat(prompt.buttonLabels()).containsExactly("Straightforward", "Needs design");
        assertThat(prompt.pinged()).isEmpty();

        s.erin.react(s.bob.say(post, "Ibis still wrong today"), "📌");
        SimMessage already =
                s.erin.awaitDm(m -> m.content().startsWith("That conversation is already **#" + fromPost + "**"));
        assertThat(already.pinged()).isEmpty();
        assertThat(s.issues().places(fromPost)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ the card

    @Test
    void meTooAndThumbsUpOnTheCardAddRequestersAndTheTrackedTagKeepsToFiveTags() {
        Captured c = s.capture(s.alice, "Pelican theme resets", "The pelican theme resets to default", "windows");
        SimMessage thanks = s.bob.pressButton(c.card(), "Me too").awaitReply();
        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content())
                .isEqualTo("Thanks — you're on **#" + c.number() + "** now. We'll let you know when it ships.");
        assertThat(s.bob.pressButton(c.card(), "Me too").awaitReply().content())
                .isEqualTo("You're already on **#" + c.number() + "**. We'll let you know when it ships.");

        s.carol.react(c.card(), "👍");
        eventually(
                "carol to be a requester",
                () -> s.issues().requesters(c.number()).size() == 3);
        long placeId = s.issues().places(c.number()).getFirst().id();
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId, Requester::how, Requester::placeId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.alice.id(), Requester.How.AUTHOR, placeId),
                        org.assertj.core.groups.Tuple.tuple(s.bob.id(), Requester.How.ME_TOO, placeId),
                        org.assertj.core.groups.Tuple.tuple(s.carol.id(), Requester.How.REACTION, placeId));
        c.card()
                .awaitState(
                        "the card to count 3 requesters",
                        m -> "3".equals(m.embeds().getFirst().field("Requesters")));
        dave.react(c.post().starterMessage(), "👍"); // not a card: nothing
        s.alice.react(c.card(), "👍"); // already a requester: nothing
        assertThat(s.history(c.number(), "requester")).hasSize(2);
        assertThat(c.post().appliedTags()).containsExactly("windows", "tracked");

        SimChannel full = s.alice.postInForum(
                s.support, "Pelican icons missing", "Icons gone", "windows", "mac", "linux", "beta", "urgent");
        Captured five = s.captureIn(full, Map.of("kind", "feature", "needs_docs", "no"));
        SimChannel four = s.alice.postInForum(
                s.support, "Pelican menu misplaced", "Menu moved", "windows", "mac", "linux", "beta");
        s.captureIn(four, Map.of("kind", "feature", "needs_docs", "no"));
        eventually(
                "the tracked tag on the post with four tags",
                () -> four.appliedTags().contains("tracked"));
        assertThat(four.appliedTags()).hasSize(5);
        assertThat(full.appliedTags()).containsExactly("windows", "mac", "linux", "beta", "urgent");
        assertThat(five.card().embeds()).isNotEmpty();
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId)
                .doesNotContain(dave.id());
    }

    // ------------------------------------------------------------------------------------------ /link

    /** erin answers No to every triage question: the flowchart's Low. */
    static void flowchartLow(Captured c) {
        SimMessage prompt = c.prompt();
        for (int i = 0; i < 3; i++) prompt = s.erin.pressButton(prompt, "No").awaitUpdate();
        s.erin.pressButton(prompt, "Done").awaitUpdate();
    }

    @Test
    void linkAddsTheThreadItsAuthorAndAUserAndBumpsALowIssueOnce() {
        Captured c = s.capture(s.alice, "Okapi search misses drafts", "Drafts never show up in okapi search");
        // the flowchart's Low is the rule's to bump; a Low set by hand stands (see TrustEndToEndTest)
        flowchartLow(c);
        eventually("the issue to be Low", () -> s.issue(c.number()).priority() == Priority.LOW);
        c.post().awaitMessage(m -> m.fromBot() && m.content().contains("Update on **#" + c.number() + "**"));

        SimChannel second =
                s.bob.postInForum(s.support, "Cannot find my drafts", "Searching for my drafts returns nothing");
        s.carol.say(second, "Same for me since Monday");
        List<SimInteraction.Choice> choices =
                s.erin.autocomplete(second, "link", "issue", "okapi").awaitChoices();
        assertThat(choices)
                .contains(new SimInteraction.Choice(
                        "#" + c.number() + " Okapi search misses drafts", String.valueOf(c.number())));

        SimMessage answer = s.erin.runSlash(second, "link", Map.of("issue", c.number(), "user", s.carol))
                .awaitReply();
        assertThat(answer.ephemeral()).isFalse();
        assertThat(answer.content())
                .isEqualTo("Linked to **#" + c.number() + "** Okapi search misses drafts — High: " + HIGH_TEXT
                        + ". 2 new requesters. It has now been brought up before, so it moved up to High.");
        assertThat(answer.embeds().getFirst().title()).isEqualTo("#" + c.number() + " Okapi search misses drafts");
        assertThat(answer.embeds().getFirst().field("Places (2)"))
                .contains(c.post().jumpUrl())
                .contains(second.jumpUrl());
        assertThat(answer.buttonLabels()).containsExactly("Me too", "This blocks me");
        assertThat(answer.pinged()).isEmpty();

        List<Place> places = s.issues().places(c.number());
        assertThat(places).hasSize(2);
        Place linked = places.get(1);
        assertThat(linked.channelId()).isEqualTo(second.id());
        assertThat(linked.kind()).isEqualTo(Place.PlaceKind.FORUM_POST);
        assertThat(linked.addedBy()).isEqualTo(s.erin.id());
        eventually(
                "the answer to be the post's card",
                () -> Long.valueOf(answer.id())
                        .equals(s.issues().places(c.number()).get(1).cardMessageId()));
        assertThat(s.issues().requesters(c.number()))
                .extracting(Requester::userId, Requester::how, Requester::placeId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                s.alice.id(),
                                Requester.How.AUTHOR,
                                places.get(0).id()),
                        org.assertj.core.groups.Tuple.tuple(s.bob.id(), Requester.How.LINK, linked.id()),
                        org.assertj.core.groups.Tuple.tuple(s.carol.id(), Requester.How.MANUAL, linked.id()));
        assertThat(s.issues().transcript(c.number()))
                .extracting(TranscriptLine::content)
                .containsExactly(
                        "Drafts never show up in okapi search",
                        "Searching for my drafts returns nothing",
                        "Same for me since Monday");
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(s.history(c.number(), "priority"))
                .extracting(HistoryEntry::detail, HistoryEntry::actorId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Untriaged → Low: not blocking, not about a new user's experience, not a quick"
                                        + " change, not brought up before",
                                s.erin.id()),
                        org.assertj.core.groups.Tuple.tuple(
                                "Low → High: bumped up from Low: brought up before (now 2 places, 3 requesters)",
                                null));

        SimMessage announced =
                s.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("⬆️ **#" + c.number() + "**"));
        assertThat(announced.content())
                .isEqualTo("⬆️ **#" + c.number() + "** Okapi search misses drafts was brought up "
                        + "again and is bumped from Low to **High** (" + HIGH_TEXT + ").");
        assertThat(announced.pinged()).isEmpty();
        // everyone hears the new timeline where they asked, the people just added included
        SimMessage inSecond =
                second.awaitMessage(m -> m.fromBot() && m.content().contains("it's **High** — " + HIGH_TEXT));
        assertThat(inSecond.pinged()).containsExactlyInAnyOrder(s.bob.id(), s.carol.id());
        SimMessage inFirst =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("it's **High** — " + HIGH_TEXT));
        assertThat(inFirst.pinged()).containsExactly(s.alice.id());
        eventually(
                "the tracked tag on the linked post", () -> second.appliedTags().contains("tracked"));

        assertThat(ephemeral(s.carol, s.help, "issue list", Map.of("priority", "high"))
                        .embeds()
                        .getFirst()
                        .description())
                .contains("**#" + c.number() + "** Okapi search misses drafts · High · Open");

        // again: nothing changes but new messages
        s.bob.say(second, "Still broken for me");
        SimMessage again = s.erin.runSlash(second, "link", Map.of("issue", c.number()))
                .awaitReply(m -> m.content().contains("already"));
        assertThat(again.content())
                .isEqualTo("This thread was already linked to **#" + c.number()
                        + "** Okapi search misses drafts — High: " + HIGH_TEXT + ".");
        assertThat(s.issues().places(c.number())).hasSize(2);
        assertThat(s.issues().requesters(c.number())).hasSize(3);
        assertThat(s.issues().transcript(c.number()))
                .hasSize(4)
                .last()
                .satisfies(l -> assertThat(l.content()).isEqualTo("Still broken for me"));
        assertThat(s.history(c.number(), "priority")).hasSize(2);
        assertThat(s.team.messages())
                .filteredOn(m -> m.content().startsWith("⬆️ **#" + c.number() + "**"))
                .hasSize(1);
    }

    @Test
    void linkRefusesWhatItCannotDo() {
        Captured a = s.capture(s.alice, "Meerkat login loops", "Login keeps looping");
        Captured b = s.capture(s.bob, "Meerkat logout hangs", "Logout never finishes");
        SimChannel post = s.carol.postInForum(s.support, "Meerkat session weirdness", "Sessions act up");

        assertThat(Seen.ephemeralFromStaleClient(s.alice, post, "link", Map.of("issue", a.number()))
                        .content())
                .isEqualTo("Only engineers can link threads to issues.");
        assertThat(ephemeral(s.erin, s.team, "link", Map.of("issue", a.number()))
                        .content())
                .isEqualTo("Run /link inside a support thread or forum post.");
        SimChannel chat = s.alice.postInForum(lounge, "Meerkat chat", "Hello", "chat");
        assertThat(ephemeral(s.erin, chat, "link", Map.of("issue", a.number())).content())
                .isEqualTo("This thread isn't in a support channel, so Loop doesn't track it.");
        assertThat(ephemeral(s.erin, post, "link", Map.of("issue", 99999)).content())
                .isEqualTo("There is no issue #99999.");
        assertThat(ephemeral(s.erin, b.post(), "link", Map.of("issue", a.number()))
                        .content())
                .isEqualTo("This thread is already #" + b.number() + ". To combine the two, use /issue merge.");
        assertThat(ephemeral(s.erin, post, "link", Map.of("issue", a.number(), "user", s.guild.bot()))
                        .content())
                .isEqualTo("Bots can't be requesters.");

        SimChannel empty = s.erin.startThread(s.help, "Meerkat empty thread");
        SimInteraction refused = s.erin.runSlash(empty, "link", Map.of("issue", a.number()));
        SimMessage sentence = refused.awaitReply(m -> m.content().startsWith("There are no messages"));
        assertThat(sentence.ephemeral()).isTrue();
        assertThat(sentence.content())
                .isEqualTo("There are no messages from people in this thread, so there is nothing to link.");
        assertThat(empty.messages()).noneMatch(SimMessage::fromBot); // the public "thinking" answer is gone
        assertThat(s.issues().places(a.number())).hasSize(1);

        assertThat(post.messages()).noneMatch(SimMessage::fromBot);
        assertThat(s.issues().findByChannel(post.id())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ /issue

    @Test
    void anyoneCanShowListAndPageIssues() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String title = "Installer step " + i + " of the yak wizard fails";
            numbers.add(pinCapture(
                    dave.postInForum(s.support, title, "The yak wizard fails at step " + i, "installer")
                            .starterMessage(),
                    title));
        }
        assertThat(numbers).allSatisfy(n -> assertThat(s.issue(n).ownerId()).isEqualTo(s.olga.id()));
        s.olga.awaitDm(m -> m.content().startsWith("**#" + numbers.getLast() + "** Installer step 11"));

        SimMessage show = ephemeral(s.bob, s.help, "issue show", Map.of("number", numbers.getFirst()));
        assertThat(show.embeds().getFirst().title())
                .isEqualTo("#" + numbers.getFirst() + " Installer step 1 of the yak wizard fails");
        assertThat(show.embeds().getFirst().field("Owner")).isEqualTo("<@" + s.olga.id() + "> (Installer)");
        assertThat(show.pinged()).isEmpty();
        assertThat(ephemeral(s.bob, s.help, "issue show", Map.of("number", 99999))
                        .content())
                .isEqualTo("There is no issue #99999.");

        SimMessage page1 = ephemeral(s.bob, s.help, "issue list", Map.of("owner", s.olga));
        SimMessage.Embed e1 = page1.embeds().getFirst();
        assertThat(e1.title()).isEqualTo("Open issues · owned by one engineer");
        assertThat(e1.footer()).isEqualTo("Page 1 of 2 · 11 issues");
        assertThat(e1.description().lines())
                .hasSize(10)
                .first()
                .asString()
                .startsWith(
                        "**#" + numbers.getLast() + "** Installer step 11 of the yak wizard fails · Untriaged · Open");
        Seen.assertPager(page1, false, true);

        SimMessage page2 = s.bob.pressButton(page1, "Next").awaitUpdate();
        assertThat(page2.id()).isEqualTo(page1.id());
        assertThat(page2.embeds().getFirst().footer()).isEqualTo("Page 2 of 2 · 11 issues");
        assertThat(page2.embeds().getFirst().description())
                .startsWith("**#" + numbers.getFirst() + "** Installer step 1 of")
                .doesNotContain("\n");
        Seen.assertPager(page2, true, false);
        SimMessage back = s.bob.pressButton(page2, "Previous").awaitUpdate();
        assertThat(back.embeds().getFirst().footer()).isEqualTo("Page 1 of 2 · 11 issues");

        SimMessage none = ephemeral(s.bob, s.help, "issue list", Map.of("owner", s.olga, "priority", "low"));
        assertThat(none.embeds().getFirst().title()).isEqualTo("Open issues · Low · owned by one engineer");
        assertThat(none.embeds().getFirst().description()).isEqualTo("No issues match.");
        assertThat(none.buttons()).isEmpty();

        // autocomplete on number options: by title words and by number
        List<SimInteraction.Choice> byWords =
                s.bob.autocomplete(s.help, "issue show", "number", "yak wizard").awaitChoices();
        assertThat(byWords)
                .hasSize(11)
                .first()
                .isEqualTo(new SimInteraction.Choice(
                        "#" + numbers.getLast() + " Installer step 11 of the yak wizard fails",
                        String.valueOf(numbers.getLast())));
        assertThat(s.erin.autocomplete(s.help, "issue close", "number", "#" + numbers.get(4))
                        .awaitChoices())
                .extracting(SimInteraction.Choice::value)
                .contains(String.valueOf(numbers.get(4)));
        assertThat(s.erin.autocomplete(s.help, "issue merge", "into", "step 7 of the yak")
                        .awaitChoices())
                .extracting(SimInteraction.Choice::value)
                .containsExactly(String.valueOf(numbers.get(6)));
    }

    @Test
    void searchFindsTitlesSummariesAndTranscripts() {
        SimChannel post =
                s.alice.postInForum(s.support, "Xylophone keys stick", "After the update the marimba mode is gone");
        s.bob.say(post, "My glockenspiel preset vanished as well");
        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "no"));
        String row = "**#" + c.number() + "** Xylophone keys stick";
        for (String query : List.of("xylophone", "MARIMBA", "glockenspiel preset")) {
            SimMessage found = ephemeral(s.carol, s.help, "issue search", Map.of("query", query));
            assertThat(found.embeds().getFirst().title()).isEqualTo("Issues matching \"" + query + "\"");
            assertThat(found.embeds().getFirst().description()).as(query).contains(row);
        }
        assertThat(ephemeral(s.carol, s.help, "issue search", Map.of("query", "the of and"))
                        .content())
                .startsWith("Give me at least one word to search for:");
        assertThat(ephemeral(s.carol, s.help, "issue search", Map.of("query", "sousaphone"))
                        .content())
                .isEqualTo("No issue mentions \"sousaphone\". I looked for any of sousaphone in every issue's title,"
                        + " summary and conversation; try another word.");
        // FTS5 syntax is searched as words, never run as a query
        SimMessage syntax = ephemeral(
                s.carol,
                s.help,
                "issue search",
                Map.of("query", "xylophone\" OR NEAR(title:* ^stick) AND NOT \"; DROP TABLE issue; --"));
        assertThat(syntax.embeds().getFirst().description()).contains(row);
        assertThat(s.issue(c.number()).title()).isEqualTo("Xylophone keys stick");
    }

    @Test
    void mergeMovesEverythingAndUnmergeMovesItBack() {
        SimChannel fromPost =
                s.alice.postInForum(s.support, "Tapir upload stalls at half", "Upload of tapir.png stops at 50%");
        s.bob.say(fromPost, "Mine stalls at 50% too with tapir2.png");
        Captured from = s.captureIn(fromPost, Map.of("kind", "feature", "needs_docs", "no"));
        s.bob.pressButton(from.card(), "Me too").awaitReply();
        Captured into = s.capture(s.carol, "Tapir uploads freeze midway", "Uploads freeze in the middle");
        flowchartLow(into);
        eventually("the target to be Low", () -> s.issue(into.number()).priority() == Priority.LOW);
        Map<String, Object> before = snapshot(from.number(), into.number());

        assertThat(ephemeral(s.alice, s.help, "issue merge", Map.of("from", from.number(), "into", into.number()))
                        .content())
                .isEqualTo("Only engineers can merge issues.");
        assertThat(ephemeral(s.erin, s.help, "issue merge", Map.of("from", from.number(), "into", from.number()))
                        .content())
                .isEqualTo("An issue can't be merged into itself.");
        assertThat(ephemeral(s.erin, s.help, "issue merge", Map.of("from", 99999, "into", into.number()))
                        .content())
                .isEqualTo("There is no issue #99999.");
        assertThat(ephemeral(s.erin, s.help, "issue unmerge", Map.of("number", from.number()))
                        .content())
                .isEqualTo("#" + from.number() + " was not merged into another issue.");

        SimMessage merged =
                ephemeral(s.erin, s.help, "issue merge", Map.of("from", from.number(), "into", into.number()));
        assertThat(merged.content())
                .isEqualTo("Merged **#" + from.number() + "** into **#" + into.number()
                        + "** Tapir uploads freeze midway. It now has 3 requesters and 2 places. It has now been brought up "
                        + "before, so it moved up to High. Undo with /issue unmerge number:" + from.number() + ".");
        Issue duplicate = s.issue(from.number());
        assertThat(duplicate.status()).isEqualTo(IssueStatus.DUPLICATE);
        assertThat(duplicate.duplicateOf()).isEqualTo(into.number());
        assertThat(s.issues().places(from.number())).isEmpty();
        assertThat(s.issues().requesters(from.number())).isEmpty();
        assertThat(s.issues().transcript(from.number())).isEmpty();
        assertThat(s.issues().places(into.number()))
                .extracting(Place::channelId)
                .containsExactlyInAnyOrder(into.post().id(), from.post().id());
        assertThat(s.issues().requesters(into.number()))
                .extracting(Requester::userId)
                .containsExactlyInAnyOrder(s.alice.id(), s.bob.id(), s.carol.id());
        assertThat(s.issues().transcript(into.number())).hasSize(3);
        assertThat(s.history(into.number(), "capture")).hasSize(2); // the duplicate's history came along
        assertThat(s.history(from.number(), "merged_into"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail())
                        .isEqualTo("#" + from.number() + " merged into #" + into.number()
                                + ": moved 1 place, 2 requesters, 2 transcript lines"));
        assertThat(s.issue(into.number()).priority()).isEqualTo(Priority.HIGH);
        s.team.awaitMessage(m -> m.fromBot() && m.content().startsWith("⬆️ **#" + into.number() + "**"));
        // the duplicate's post now shows the issue that carries on
        from.card()
                .awaitState(
                        "the old card to show the merged issue",
                        m -> m.embeds().getFirst().title().startsWith("#" + into.number() + " "));
        assertThat(ephemeral(s.bob, s.help, "issue show", Map.of("number", from.number()))
                        .embeds()
                        .getFirst()
                        .field("Status"))
                .isEqualTo("Duplicate of #" + into.number());

        Captured third = s.capture(dave, "Tapir upload retries forever", "It retries and retries");
        assertThat(ephemeral(s.erin, s.help, "issue merge", Map.of("from", third.number(), "into", from.number()))
                        .content())
                .isEqualTo("#" + from.number() + " is a duplicate of #" + into.number() + "; merge into #"
                        + into.number() + " instead.");
        assertThat(ephemeral(s.erin, s.help, "issue merge", Map.of("from", from.number(), "into", third.number()))
                        .content())
                .isEqualTo("#" + from.number() + " is already a duplicate of #" + into.number() + ".");
        assertThat(ephemeral(s.erin, from.post(), "link", Map.of("issue", from.number()))
                        .content())
                .isEqualTo("#" + from.number() + " is a duplicate of #" + into.number() + "; link to #" + into.number()
                        + " instead.");

        SimMessage split = ephemeral(s.erin, s.help, "issue unmerge", Map.of("number", from.number()));
        assertThat(split.content())
                .isEqualTo("Split **#" + from.number() + "** back out of **#" + into.number()
                        + "** with everything it brought.");
        assertThat(s.issue(from.number()).status()).isEqualTo(IssueStatus.OPEN);
        assertThat(s.issue(from.number()).duplicateOf()).isNull();
        Map<String, Object> after = snapshot(from.number(), into.number());
        assertThat(after).isEqualTo(before);
        assertThat(s.history(from.number(), "unmerged")).hasSize(1);
        from.card()
                .awaitState(
                        "the old card to show its own issue again",
                        m -> m.embeds().getFirst().title().startsWith("#" + from.number() + " "));
    }

    /** The rows of two issues, by id, and the history that was there before: what a lossless merge round trip keeps. */
    Map<String, Object> snapshot(int a, int b) {
        Map<String, Object> out = new HashMap<>();
        for (int n : List.of(a, b)) {
            out.put(n + " places", s.issues().places(n).stream().map(Place::id).toList());
            out.put(
                    n + " requesters",
                    s.issues().requesters(n).stream().map(Requester::id).toList());
            out.put(
                    n + " transcript",
                    s.issues().transcript(n).stream().map(TranscriptLine::id).toList());
            out.put(
                    n + " history",
                    s.issues().history(n).stream()
                            .map(HistoryEntry::id)
                            .filter(id -> id <= lastHistoryId(a, b))
                            .toList());
        }
        return out;
    }

    private final Map<String, Long> historyMark = new HashMap<>();

    /** History rows written up to the first snapshot of this pair; later rows (the merge itself) are left out. */
    long lastHistoryId(int a, int b) {
        return historyMark.computeIfAbsent(
                a + "/" + b,
                k -> Stream.of(a, b)
                        .flatMap(n -> s.issues().history(n).stream())
                        .mapToLong(HistoryEntry::id)
                        .max()
                        .orElse(0));
    }

    @Test
    void closeTellsTheRequestersAndDisablesTheCard() {
        Captured c = s.capture(s.alice, "Lemur font is too small", "The lemur font is tiny on 4k screens");
        s.bob.pressButton(c.card(), "Me too").awaitReply();

        assertThat(ephemeral(s.alice, c.post(), "issue close", Map.of("number", c.number(), "reason", "no"))
                        .content())
                .isEqualTo("Only engineers can close issues.");
        SimMessage closed =
                ephemeral(s.erin, s.help, "issue close", Map.of("number", c.number(), "reason", "works as designed"));
        assertThat(closed.content()).isEqualTo("Closed **#" + c.number() + "**; told 2 requesters.");
        SimMessage told =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("without a change. The reason:"));
        assertThat(told.content())
                .isEqualTo("<@" + s.alice.id() + "> <@" + s.bob.id() + "> We closed **#" + c.number()
                        + "** Lemur font is too small without a change. The reason: works as designed. Thanks"
                        + " for raising it.");
        assertThat(told.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());

        Issue issue = s.issue(c.number());
        assertThat(issue.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(issue.closeReason()).isEqualTo("works as designed");
        assertThat(s.history(c.number(), "status")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.erin.id());
            assertThat(h.detail()).isEqualTo("Closed: works as designed");
        });
        SimMessage card = c.card()
                .awaitState(
                        "the card to show Closed",
                        m -> "Closed".equals(m.embeds().getFirst().field("Status")));
        assertThat(card.buttons()).allSatisfy(b -> assertThat(b.disabled()).isTrue());
        assertThat(card.embeds().getFirst().field("Timeline")).isEqualTo("Closed: works as designed");

        assertThat(ephemeral(s.erin, s.help, "issue close", Map.of("number", c.number(), "reason", "again"))
                        .content())
                .isEqualTo("#" + c.number() + " is already closed.");
        assertThat(ephemeral(s.erin, s.help, "issue close", Map.of("number", 99999, "reason", "x"))
                        .content())
                .isEqualTo("There is no issue #99999.");
        assertThat(ephemeral(s.bob, s.help, "issue list", Map.of("status", "closed"))
                        .embeds()
                        .getFirst()
                        .description())
                .contains("**#" + c.number() + "** Lemur font is too small · Untriaged · Closed");
        assertThat(s.erin.autocomplete(s.help, "issue close", "number", "lemur").awaitChoices())
                .isEmpty();
        // only open issues are offered as similar at the next capture
        SimChannel later = dave.postInForum(s.support, "Lemur font is still too small", "The lemur font is tiny");
        SimInteraction submit =
                s.erin.runSlash(later, "capture").awaitModal().submit(Map.of("kind", "feature", "needs_docs", "no"));
        assertThat(submit.awaitReply().content()).startsWith("Captured **#");
        s.carol.react(c.card(), "👍"); // a closed issue takes no more requesters
        SimMessage show = ephemeral(s.carol, s.help, "issue show", Map.of("number", c.number()));
        assertThat(show.embeds().getFirst().field("Requesters")).isEqualTo("2");
        assertThat(s.issues().requesters(c.number())).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ debug details

    @Test
    void aBugsReporterIsAskedForDetailsAndTheEngineerIsToldWhenTheyArrive() {
        SimChannel post =
                s.alice.postInForum(s.support, "Jackal app crashes on launch", "It crashes right after the splash");
        s.bob.say(post, "Crashes for me too");
        Captured c = s.captureIn(post, Map.of("kind", "bug", "needs_docs", "no"));
        SimMessage ask = post.awaitMessage(m -> m.fromBot() && m.content().contains("could you add"));
        assertThat(ask.content())
                .isEqualTo("<@" + s.alice.id() + "> thanks — this is tracked as **#" + c.number()
                        + "**. While you're here, could you add:\n• Which version are you on?\n• Steps to reproduce\n"
                        + "• Logs or error messages\nPress **Add details** to answer.");
        assertThat(ask.pinged()).containsExactly(s.alice.id());
        assertThat(ask.buttonLabels()).containsExactly("Add details");

        SimModal modal = s.alice.pressButton(ask, "Add details").awaitModal();
        assertThat(modal.title()).isEqualTo("Details for #" + c.number());
        assertThat(modal.fields()).extracting(SimModal.Field::label).containsExactlyElementsOf(QUESTIONS);
        assertThat(modal.fields()).allSatisfy(f -> assertThat(f.required()).isFalse());
        SimMessage nothing = modal.submit().awaitReply();
        assertThat(nothing.ephemeral()).isTrue();
        assertThat(nothing.content()).isEqualTo("Nothing was filled in, so nothing was added.");

        SimMessage thanks = s.alice
                .pressButton(ask, "Add details")
                .awaitModal()
                .submit(Map.of("q0", "2.4.1 on Android 14", "q2", "java.lang.IllegalStateException: jackal"))
                .awaitReply();
        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content()).isEqualTo("Thanks! Your details were added to **#" + c.number() + "**.");
        assertThat(s.issues().transcript(c.number())).last().satisfies(l -> {
            assertThat(l.authorId()).isEqualTo(s.alice.id());
            assertThat(l.content())
                    .isEqualTo("Debug details:\nWhich version are you on?: 2.4.1 on Android 14\n"
                            + "Logs or error messages: java.lang.IllegalStateException: jackal");
        });
        assertThat(s.history(c.number(), "details")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.alice.id());
            assertThat(h.detail()).isEqualTo("2 debug details added");
        });
        SimMessage dm = s.erin.awaitDm(m -> m.content().contains("added debug details to **#" + c.number() + "**"));
        assertThat(dm.content())
                .isEqualTo("<@" + s.alice.id() + "> added debug details to **#" + c.number()
                        + "** Jackal app crashes on launch.");
        assertThat(dm.pinged()).isEmpty();
        assertThat(ephemeral(s.carol, s.help, "issue search", Map.of("query", "IllegalStateException"))
                        .embeds()
                        .getFirst()
                        .description())
                .contains("**#" + c.number() + "**");

        // features and questions ask for nothing
        Captured feature = s.capture(s.alice, "Jackal dark icon", "A dark app icon please");
        cardIn(feature.post(), feature.number());
        ephemeral(s.erin, feature.post(), "issue show", Map.of("number", feature.number())); // a round trip first
        assertThat(feature.post().messages()).noneMatch(m -> m.content().contains("could you add"));
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Test
    void captureRefusesWhereItCannotWorkWithASpecificAnswer() {
        SimChannel post = s.alice.postInForum(s.support, "Bison chart legend overlaps", "The legend covers the bars");
        assertThat(Seen.ephemeralFromStaleClient(s.alice, post, "capture", Map.of())
                        .content())
                .isEqualTo("Only engineers can capture issues.");
        assertThat(ephemeral(s.erin, s.team, "capture", Map.of()).content())
                .isEqualTo("Run /capture inside a support thread or forum post.");
        assertThat(ephemeral(s.erin, s.help, "capture", Map.of()).content())
                .isEqualTo("Run /capture inside a support thread or forum post.");
        SimChannel chat = s.alice.postInForum(lounge, "Bison chat", "Off topic", "chat");
        assertThat(ephemeral(s.erin, chat, "capture", Map.of()).content())
                .isEqualTo("This thread isn't in a support channel, so Loop doesn't track it.");
        assertThat(ephemeral(s.alice, s.help, "issue unmerge", Map.of("number", 1))
                        .content())
                .isEqualTo("Only engineers can unmerge issues.");

        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage already = ephemeral(s.erin, post, "capture", Map.of());
        assertThat(already.content()).isEqualTo("This thread is already captured as **#" + c.number() + "**.");
        assertThat(already.embeds().getFirst().title()).isEqualTo("#" + c.number() + " Bison chart legend overlaps");
        assertThat(already.pinged()).isEmpty();
    }

    @Test
    void anEmptyThreadADeletedStarterAndAThreadDeletedMidCapture() {
        // a thread in a text channel has no starter inside it: the modal starts from its first message
        SimChannel thread = dave.startThread(s.help, "Walrus sync question");
        s.guild.bot().say(thread, "Loop was here first");
        dave.say(thread, "Does walrus sync run hourly?");
        SimModal fromThread = s.erin.runSlash(thread, "capture").awaitModal();
        assertThat(fromThread.value("title")).isEqualTo("Walrus sync question");
        assertThat(fromThread.value("summary")).isEqualTo("Does walrus sync run hourly?");

        // a forum post whose starter was deleted: the oldest message left
        SimChannel post = s.alice.postInForum(s.support, "Walrus backup fails", "Backups fail nightly");
        s.bob.say(post, "Walrus backup log says disk full");
        s.alice.delete(post.starterMessage());
        SimModal fromPost = s.erin.runSlash(post, "capture").awaitModal();
        assertThat(fromPost.value("summary")).isEqualTo("Walrus backup log says disk full");

        // nothing from people: nothing to capture, nothing stored
        SimChannel empty = s.erin.startThread(s.help, "Walrus empty");
        s.guild.bot().say(empty, "Only Loop talks here");
        SimModal emptyModal = s.erin.runSlash(empty, "capture").awaitModal();
        assertThat(emptyModal.value("summary")).isNull();
        SimMessage refused = emptyModal
                .submit(Map.of("summary", "typed by the engineer", "kind", "bug", "needs_docs", "no"))
                .awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .isEqualTo("There are no messages from people in this thread, so there is nothing to capture.");
        assertThat(s.issues().findByChannel(empty.id())).isEmpty();

        // deleted between opening the modal and submitting it
        SimChannel doomed = s.alice.postInForum(s.support, "Walrus ledger vanishes", "Ledger rows disappear");
        SimModal open = s.erin.runSlash(doomed, "capture").awaitModal();
        doomed.delete();
        SimMessage gone = open.submit(Map.of("kind", "bug", "needs_docs", "no"))
                .awaitReply(m -> m.content().startsWith("That thread"));
        assertThat(gone.ephemeral()).isTrue();
        assertThat(gone.content()).isEqualTo("That thread no longer exists, so there is nothing to capture.");
        assertThat(s.issues().findByChannel(doomed.id())).isEmpty();
        assertThat(s.issues()
                        .list(new dev.loop.issue.IssueFilter(null, null, null), 0, 1000)
                        .items())
                .noneMatch(i -> i.title().equals("Walrus ledger vanishes"));

        // and a title of blanks is refused by name
        SimMessage blank = s.erin.runSlash(thread, "capture")
                .awaitModal()
                .submit(Map.of("title", "   ", "kind", "bug", "needs_docs", "no"))
                .awaitReply();
        assertThat(blank.content()).isEqualTo("The title can't be empty.");
    }

    // ------------------------------------------------------------------------------------------ hostile text

    /** {@code unit} repeated whole as often as it fits in {@code max} characters. */
    static String fill(String unit, int max) {
        StringBuilder b = new StringBuilder();
        while (b.length() + unit.length() <= max) b.append(unit);
        return b.toString();
    }

    @Test
    void hostileTextIsStoredWholeShownTruncatedAndPingsNobody() {
        String unit = "@everyone <@" + s.bob.id() + "> <@&" + s.engineers.id() + "> **bold** _it_ `code` ||spoiler|| "
                + "'; DROP TABLE issue; -- \" OR 1=1 🚀👩‍👩‍👧 مرحبا بالعالم ";
        String title = fill(unit, 300).strip(); // the longest title the modal takes
        String summary = fill("# Heading\n> quote\n" + unit + "\n", 4000).strip();
        String body = fill(unit, 2000).strip();
        SimChannel post = s.alice.postInForum(s.support, "Hostile 🚀 @everyone مرحبا", body);
        long mark = post.id();
        List<String> said = new ArrayList<>(List.of(body));
        for (int i = 0; i < 5; i++)
            said.add(dave.say(post, fill(unit, 2000).strip()).content());
        assertThat(said.stream().mapToInt(String::length).sum()).isGreaterThan(10_000);

        Captured c = s.captureIn(post, Map.of("title", title, "summary", summary, "kind", "bug", "needs_docs", "no"));
        // stored whole
        Issue issue = s.issue(c.number());
        assertThat(issue.title()).isEqualTo(title);
        assertThat(issue.summary()).isEqualTo(summary);
        assertThat(s.issues().transcript(c.number()))
                .extracting(TranscriptLine::content)
                .containsExactlyElementsOf(said);
        // shown cut to Discord's limits, mentions broken, markdown shown as typed
        assertThat(c.reply().content()).contains("@\u200Beveryone").hasSizeLessThan(300);
        SimMessage.Embed card = c.card().embeds().getFirst();
        assertThat(card.title())
                .startsWith("#" + c.number() + " @\u200Beveryone <@\u200B" + s.bob.id() + "> <@\u200B&"
                        + s.engineers.id() + "> \\*\\*bold\\*\\*")
                .hasSizeLessThanOrEqualTo(256)
                .endsWith("…");
        assertThat(card.description())
                .hasSizeLessThanOrEqualTo(1500)
                .endsWith("…")
                .contains("<@\u200B" + s.bob.id() + ">")
                .doesNotContain("@everyone");
        assertThat(card.field("Places (1)")).contains("Hostile 🚀 @\u200Beveryone مرحبا");
        assertThat(s.bob.pingsReceived()).noneMatch(SimMessage::fromBot);

        SimMessage show = ephemeral(s.carol, s.help, "issue show", Map.of("number", c.number()));
        assertThat(show.embeds().getFirst()).isEqualTo(card);
        String row = ephemeral(s.carol, s.help, "issue list", Map.of())
                .embeds()
                .getFirst()
                .description()
                .lines()
                .filter(l -> l.startsWith("**#" + c.number() + "**"))
                .findFirst()
                .orElse(null);
        if (row != null) assertThat(row).contains("@\u200Beveryone").hasSizeLessThan(160); // on page 1 if it fits
        for (String q : List.of("DROP TABLE", "مرحبا", "bold spoiler")) {
            assertThat(ephemeral(s.carol, s.help, "issue search", Map.of("query", q))
                            .embeds()
                            .getFirst()
                            .description())
                    .as(q)
                    .contains("**#" + c.number() + "**");
        }
        List<SimInteraction.Choice> choices =
                s.erin.autocomplete(post, "issue show", "number", "DROP TABLE").awaitChoices();
        assertThat(choices).anySatisfy(ch -> {
            assertThat(ch.value()).isEqualTo(String.valueOf(c.number()));
            assertThat(ch.name()).startsWith("#" + c.number() + " @everyone").hasSizeLessThanOrEqualTo(100);
        });

        s.bob.pressButton(c.card(), "Me too").awaitReply();
        SimChannel again = dave.postInForum(s.support, "Hostile twice", unit.strip());
        SimMessage linked =
                s.erin.runSlash(again, "link", Map.of("issue", c.number())).awaitReply();
        assertThat(linked.content())
                .startsWith("Linked to **#" + c.number() + "** @\u200Beveryone")
                .hasSizeLessThan(400);

        String reason = fill(unit, 300).strip();
        SimMessage closed = ephemeral(s.erin, s.help, "issue close", Map.of("number", c.number(), "reason", reason));
        assertThat(closed.content()).isEqualTo("Closed **#" + c.number() + "**; told 3 requesters.");
        SimMessage toldFirst =
                post.awaitMessage(m -> m.fromBot() && m.content().contains("without a change. The reason:"));
        assertThat(toldFirst.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());
        SimMessage toldSecond =
                again.awaitMessage(m -> m.fromBot() && m.content().contains("without a change. The reason:"));
        assertThat(toldSecond.pinged()).containsExactly(dave.id());
        assertThat(toldSecond.content()).hasSizeLessThanOrEqualTo(2000).contains("@\u200Beveryone");
        assertThat(s.issue(c.number()).closeReason()).isEqualTo(reason);

        // every message Loop sent in this flow: nobody pinged but the reporter asked for details and the requesters
        // told
        List<SimMessage> flow =
                botMessages(List.of(post, again, s.team, s.help), s.alice, s.bob, s.carol, dave, s.erin, s.olga)
                        .stream()
                        .filter(m -> m.id() > mark)
                        .toList();
        assertThat(flow).hasSizeGreaterThan(12);
        assertPingsOnly(flow, Set.of(s.alice.id(), s.bob.id(), dave.id()));
        assertThat(flow)
                .filteredOn(m -> !m.pinged().isEmpty())
                .extracting(SimMessage::id)
                .containsExactlyInAnyOrder(
                        post.awaitMessage(m -> m.fromBot() && m.content().contains("could you add"))
                                .id(),
                        toldFirst.id(),
                        toldSecond.id());
    }
}
