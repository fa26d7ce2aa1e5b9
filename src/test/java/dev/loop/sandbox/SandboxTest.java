package dev.loop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's story, played in-process against the simulator with the real Loop: its key moments as the people
 * saw them and as the record kept them, what it prints, and the command line of {@code --stay}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxTest {

    SandboxSession session;
    Community c;
    Story.Outcome story;
    Narrator narrator;
    Instant storyStart;
    List<String> storyKpis;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // the whole story, on a busy machine
    void play(@TempDir Path dir) throws InterruptedException {
        session = SandboxSession.start(dir, Duration.ofSeconds(15));
        c = session.community();
        narrator = new Narrator(c, new PrintStream(printed, true, StandardCharsets.UTF_8));
        narrator.showHandles(true);
        storyStart = session.clock().instant();
        story = new Story(c, narrator, session.clock(), session.github()).play();
        // as the sandbox prints them right after the story, before the other tests here act on the same community
        storyKpis = KpiSummary.lines(KpiSummary.compute(
                session.database(),
                session.config(),
                new dev.loop.stats.Window(storyStart, storyStart.plus(Duration.ofDays(7)))));
    }

    @AfterAll
    void stop() {
        if (session != null) session.close();
    }

    IssueStore issues() {
        return new IssueStore(session.database());
    }

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void erinCapturesAlicesPostWithItsConversation() {
        assertThat(story.captured().ephemeral()).isTrue();
        assertThat(story.captured().content())
                .startsWith("Captured **#" + story.issue() + "** CSV export crashes on big boards");
        Issue issue = issues().find(story.issue()).orElseThrow();
        assertThat(issue.kind()).isEqualTo(IssueKind.BUG);
        assertThat(issue.needsDocs()).isTrue();
        assertThat(issue.ownerId()).isEqualTo(c.sam().id());
        assertThat(issues().transcript(story.issue()))
                .extracting(l -> l.content())
                .anyMatch(t -> t.startsWith("When I export a board with more than 500 cards"))
                .anyMatch(t -> t.contains("Version 2.4.1 on macOS"));
        assertThat(story.card().buttonLabels()).containsExactly("Me too", "This blocks me");
    }

    @Test
    @Order(2)
    void bobsThreadIsLinkedAndBumpsTheIssueToHigh() {
        assertThat(story.linked().content())
                .startsWith("Linked to **#" + story.issue() + "**")
                .contains("moved up to High");
        assertThat(story.linked().channel()).isEqualTo(story.thread());
        assertThat(story.bumpAnnouncement().channel()).isEqualTo(c.team());
        assertThat(issues().places(story.issue()))
                .extracting(Place::channelId)
                .containsExactly(story.post().id(), story.thread().id());
    }

    @Test
    @Order(3)
    void triageGivesLowAndTheRequesterIsToldTheTimeline() {
        assertThat(story.triaged().content()).contains("is triaged: **Low**");
        assertThat(story.lowNotice().pinged()).containsExactly(c.alice().id());
        assertThat(story.lowNotice().content()).contains("it's **Low** — we won't get to it right away");
        assertThat(story.highNotice().content()).contains("it's **High** — this week or next week");
        List<HistoryEntry> history = issues().history(story.issue());
        assertThat(history).extracting(HistoryEntry::type).contains("capture", "triage", "priority", "link");
    }

    @Test
    @Order(4)
    void thisBlocksMeMakesItFixItNowAndAlertsTheOwner() {
        assertThat(story.blocksReply().ephemeral()).isTrue();
        assertThat(story.blocksReply().content()).contains("is marked as blocking you and is **Fix it now**");
        assertThat(story.fixNowAlert().pinged()).containsExactly(c.sam().id());
        assertThat(story.working().content()).contains("its 3 requesters were told");
        assertThat(story.workingNotice().pinged())
                .containsExactlyInAnyOrder(c.alice().id(), c.dave().id());
    }

    @Test
    @Order(5)
    void theReleaseTellsEveryRequesterWithTheVersion() {
        Issue issue = issues().find(story.issue()).orElseThrow();
        assertThat(issue.status()).isEqualTo(IssueStatus.SHIPPED);
        assertThat(issue.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(issue.shippedVersion()).isEqualTo(Story.VERSION);
        Set<Long> requesters = issues().requesters(story.issue()).stream()
                .filter(r -> r.how() != Requester.How.GITHUB) // octocat, told on GitHub
                .map(Requester::userId)
                .collect(Collectors.toSet());
        assertThat(requesters)
                .containsExactlyInAnyOrder(
                        c.alice().id(), c.bob().id(), c.dave().id());
        for (SimMember person : List.of(c.alice(), c.bob(), c.dave())) {
            List<SimMessage> told = person.pingsReceived().stream()
                    .filter(m -> m.content().contains("Shipped in **" + Story.VERSION + "**"))
                    .toList();
            assertThat(told).as(person.name()).singleElement().satisfies(m -> {
                assertThat(m.content())
                        .contains(
                                "CSV export crashes on big boards",
                                story.announcement().jumpUrl());
                assertThat(m.channel()).isEqualTo(person == c.bob() ? story.thread() : story.post());
            });
        }
        assertThat(story.shipNotices()).hasSize(3);
        assertThat(c.carol().pingsReceived()).isEmpty();
        assertThat(story.announcement().content()).startsWith("🚀 **" + Story.VERSION + "** is out!");
        assertThat(story.announcement().pinged()).isEmpty();
    }

    @Test
    @Order(6)
    void theStoryCapturesWithTheMessageCommandOpensADesignThreadNamesItAndSetsAGoal() {
        assertThat(output())
                .contains(
                        "▶ erin runs the message command «Capture as issue» on dave's message",
                        "▶ erin answers “Is the solution straightforward?” with [Needs design]",
                        "[#team › Design #",
                        "Root cause: what is really behind it?",
                        "▶ erin presses [Suggest another] and suggests «Carry-on boards»",
                        "suggests Carry-on boards for the naming vote on Pocket boards",
                        "Goal set: Median first reply ≤ 2h for Export.");
        int designed = new dev.loop.issue.IssueStore(session.database())
                .inDesign()
                .iterator()
                .next();
        assertThat(issues().find(designed).orElseThrow().title()).contains("offline");
        assertThat(session.database().<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.NAMING_SUGGESTION)))
                .isEqualTo(1);
        assertThat(session.database().<Integer>read(ctx -> ctx.fetchCount(dev.loop.db.Tables.KPI_GOAL)))
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void theOutputReadsAsTheConversationAndEndsWithTheKpis() {
        String out = output();
        assertThat(out)
                .contains(
                        "━━ 1. Members ask for help — Mon 09:00",
                        "▶ erin runs /capture in #help › CSV export crashes on big boards",
                        "[#help › CSV export crashes on big boards · only erin sees this] Loop:",
                        "Captured #" + story.issue() + " CSV export crashes on big boards",
                        "▌ #" + story.issue() + " CSV export crashes on big boards",
                        "[Me too] [This blocks me]",
                        "] Loop → pings @alice:",
                        "[#team] Loop → pings @sam:",
                        "[#support › CSV export crash] Loop → pings @bob:",
                        "Shipped in 2.5.0, thanks for asking:",
                        "[DM with sam] Loop:",
                        "▶ erin runs /issue show number:" + story.issue() + " in #team and presses [Transcript]",
                        "Transcript of #" + story.issue() + " CSV export crashes on big boards",
                        "▶ erin runs /issue edit number:" + story.issue());
        // ids are names: nobody reads <@123> or raw links
        assertThat(out).doesNotContainPattern("<@!?&?\\d+>").doesNotContain("https://discord.com/channels/");

        List<String> kpis = storyKpis;
        assertThat(String.join("\n", kpis))
                .contains(
                        "New support threads ......................... 3",
                        "Median time to first engineer reply ......... 40m",
                        "Unanswered threads .......................... 0",
                        "Captured issues ............................. 2",
                        "Requesters added ............................ 5", // alice, bob, dave, carol and octocat on
                        // GitHub
                        "Median capture → triage ..................... 12m",
                        "Shipped issues .............................. 1",
                        "Requesters notified: delivered .............. 3",
                        "Promises kept / due ......................... 1 / 1");
    }

    @Test
    @Order(7)
    void aPersonCanActAsAMemberFromTheCommandLine() {
        ByteArrayOutputStream replOut = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(replOut, true, StandardCharsets.UTF_8);
        Narrator screen = new Narrator(c, out);
        screen.showHandles(true);
        new Repl(session, screen, out)
                .run(new StringReader(String.join(
                        "\n",
                        "as zed say #support hi",
                        "as alice post \"Dark mode please\" \"My eyes hurt at night\" feature",
                        "as erin slash \"Dark mode\" capture",
                        "as erin form kind=feature",
                        "as erin slash \"issue show\" number=" + story.issue(),
                        "show #releases",
                        "quit")));
        String printed = replOut.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains(
                        "as NAME post \"TITLE\" \"BODY\"",
                        "✗ nobody called zed",
                        "form «Capture as issue» is open for erin:",
                        "title — Title (now “Dark mode please”)",
                        "[#releases] Loop:",
                        "🚀 2.5.0 is out!");
        c.sim()
                .await(
                        "erin's /issue show in #team",
                        () -> c.erin().ephemeralReplies().stream()
                                .anyMatch(m -> m.channel().equals(c.team())
                                        && !m.embeds().isEmpty()
                                        && m.embeds().getFirst().title().startsWith("#" + story.issue() + " ")));
        int next = story.issue() + 2; // the story's last scenes captured one more
        c.sim().await("#" + next + " captured", () -> issues().find(next).isPresent());
        assertThat(issues().find(next).orElseThrow().kind()).isEqualTo(IssueKind.FEATURE);

        // a second session at the prompt: carol points at the new card by its short name
        SimMessage card = c.sim()
                .awaitMessage(m -> m.fromBot()
                        && !m.embeds().isEmpty()
                        && ("#" + next + " Dark mode please")
                                .equals(m.embeds().getFirst().title()));
        replOut.reset();
        screen.markAllSeen();
        new Repl(session, screen, out)
                .run(new StringReader("as carol press " + screen.handle(card) + " \"Me too\"\nquit\n"));
        c.sim()
                .await(
                        "carol on #" + next,
                        () -> issues().requesters(next).stream()
                                .anyMatch(r -> r.userId() == c.carol().id()));
        assertThat(replOut.toString(StandardCharsets.UTF_8)).doesNotContain("✗");
    }

    @Test
    @Order(8)
    void thePromptRunsTheMessageCommandAndChoosesFromASelectMenu() {
        ByteArrayOutputStream replOut = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(replOut, true, StandardCharsets.UTF_8);
        Narrator screen = new Narrator(c, out);
        screen.showHandles(true);
        SimMessage said = c.carol().say(c.support(), "Gannet search ignores accents");
        screen.catchUp();
        new Repl(session, screen, out)
                .run(new StringReader(String.join(
                        "\n",
                        "as erin message-command " + screen.handle(said) + " \"Capture as issue\"",
                        "as erin slash \"release\" version=9.9.9",
                        "quit")));
        assertThat(replOut.toString(StandardCharsets.UTF_8))
                .contains(
                        "form «Capture as issue» is open for erin:",
                        "title — Title (now “Gannet search ignores accents”)")
                .doesNotContain("✗");
        c.sim()
                .await(
                        "erin's release pick menu",
                        () -> c.erin().ephemeralReplies().stream()
                                .anyMatch(m -> !m.selects().isEmpty()));
        SimMessage pick = c.erin().ephemeralReplies().stream()
                .filter(m -> !m.selects().isEmpty())
                .reduce((a, b) -> b)
                .orElseThrow();
        String option = pick.selects().getFirst().options().getFirst().value();
        replOut.reset();
        screen.catchUp();
        new Repl(session, screen, out)
                .run(new StringReader("as erin choose " + screen.handle(pick) + " " + option + "\nquit\n"));
        assertThat(replOut.toString(StandardCharsets.UTF_8))
                .contains("is open for erin:")
                .doesNotContain("✗");
    }

    @Test
    @Order(9)
    void thePromptErasesAMemberOnTheirRequest() {
        ByteArrayOutputStream replOut = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(replOut, true, StandardCharsets.UTF_8);
        Narrator screen = new Narrator(c, out);
        screen.catchUp();
        new Repl(session, screen, out).run(new StringReader("erase carol\nquit\n"));
        assertThat(replOut.toString(StandardCharsets.UTF_8))
                .contains("erin sees: Erase <@" + c.carol().id() + ">'s data on their request?")
                .contains("erin sees: Done: <@" + c.carol().id() + ">'s")
                .doesNotContain("✗");
        assertThat(issues().find(story.issue()).isPresent()).isTrue();
        for (int n = 1; issues().find(n).isPresent(); n++) {
            assertThat(issues().requesters(n))
                    .noneMatch(r -> r.userId() == c.carol().id());
            assertThat(issues().transcript(n))
                    .noneMatch(l -> l.authorId() == c.carol().id());
        }
    }

    @Test
    void commandLinesSplitOnSpacesOutsideQuotes() {
        assertThat(Repl.Words.split("as erin slash #team \"issue show\" number=1 title=\"a \\\"b\\\" c\""))
                .containsExactly("as", "erin", "slash", "#team", "issue show", "number=1", "title=a \"b\" c");
        assertThat(Repl.Words.split("show  \"\" x")).containsExactly("show", "", "x");
    }

    @Test
    @Order(8)
    void theStoryShowsTheGitHubSideAndThePromptActsOnGitHub() {
        String out = output();
        assertThat(out)
                .contains(
                        "On GitHub, acme/boards has Loop's issue GitHub #",
                        "“CSV export crashes on big boards”, labels: bug, priority: fix it now, area: Export",
                        "│ ### Summary",
                        "▶ octocat (on GitHub) reacts 👍 to GitHub #",
                        "octocat is now a requester of #" + story.issue(),
                        "On GitHub, loop-bot comments on GitHub #",
                        "is closed (completed).")
                .contains("| Priority | Fix it now — alice pressed This blocks me")
                .doesNotContain("&lt;@");
        assertThat(issues().githubLogins(story.issue())).containsValue("octocat");

        ByteArrayOutputStream replOut = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(replOut, true, StandardCharsets.UTF_8);
        Narrator screen = new Narrator(c, print);
        // the story's issues (each Loop issue's own and the docs review) come first: hubber's is the next number
        int loopIssues = 0;
        while (issues().find(loopIssues + 1).isPresent()) loopIssues++;
        int expected = loopIssues + 1;
        c.sim()
                .await(
                        "every issue of the story on GitHub",
                        () -> session.github().repo().issues().size() >= expected);
        int next = session.github().repo().issues().stream()
                        .mapToInt(GitHubIssueView::number)
                        .max()
                        .orElse(0)
                + 1;
        new Repl(session, screen, print)
                .run(new StringReader(String.join(
                        "\n",
                        "gh open hubber \"Export to PDF\" \"Please add PDF export\"",
                        "gh +1 monalisa #" + next,
                        "gh comment monalisa " + next + " \"Yes please\"",
                        "gh show " + next,
                        "gh frobnicate",
                        "quit")));
        assertThat(replOut.toString(StandardCharsets.UTF_8))
                .contains(
                        "gh open LOGIN \"TITLE\" \"BODY\"",
                        "GitHub #" + next + " opened by hubber",
                        "monalisa reacted 👍 to GitHub #" + next,
                        "monalisa commented on GitHub #" + next,
                        "GitHub #" + next + " “Export to PDF” · open · labels:  · 👍 1",
                        "monalisa: Yes please",
                        "✗ gh does open, +1, comment or show; type help");
    }
}
