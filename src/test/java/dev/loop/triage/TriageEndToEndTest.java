package dev.loop.triage;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.app.Features;
import dev.loop.core.Database;
import dev.loop.core.Loop;
import dev.loop.core.MovableClock;
import dev.loop.core.RoutineRuns;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRole;
import dev.loop.testing.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Triage end to end: the real Loop (every feature) against the Discord simulator, with people capturing,
 * triaging, pressing card buttons, reacting and answering proposals. One simulator and one Loop serve the class;
 * every test works on its own forum posts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TriageEndToEndTest {

    static final String FIX_NOW_TEXT = "today or tomorrow";
    static final String HIGH_TEXT = "this week or next week";
    static final String LOW_TEXT =
            "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it up";

    Sim sim;
    SimGuild guild;
    SimChannel support;
    SimChannel team;
    SimRole engineers;
    SimMember erin; // engineer
    SimMember olga; // engineer who owns the Installer area
    SimMember alice; // community members
    SimMember bob;
    SimMember carol;
    Path dir;
    Database db;
    Config config;
    MovableClock clock; // moved by hand: promises fall due without waiting days
    Loop loop;

    @BeforeAll
    void start() throws Exception {
        sim = Sim.start(SimOptions.defaults().awaitTimeout(Duration.ofSeconds(15)));
        guild = sim.guild("Loop HQ");
        support = guild.forum("support", "installer", "sync", "tracked", "shipped");
        team = guild.textChannel("team");
        SimChannel releases = guild.textChannel("releases");
        engineers = guild.role("engineers");
        erin = guild.member("erin").addRole(engineers);
        olga = guild.member("olga").addRole(engineers);
        alice = guild.member("alice");
        bob = guild.member("bob");
        carol = guild.member("carol");
        dir = Files.createTempDirectory("loop-triage-e2e");
        config = ConfigLoader.parse(
                ConfigYaml.required(
                                guild.id(),
                                sim.restBaseUrl(),
                                sim.gatewayUrl(),
                                List.of(support.id()),
                                team.id(),
                                releases.id(),
                                engineers.id())
                        + """
                areas:
                  - name: Installer
                    owner: "%d"
                    forum-tag: installer
                reports:
                  promises-daily:
                    enabled: true
                    time: "09:00"
                    zone: UTC
                """.formatted(olga.id()),
                "e2e.yaml",
                Map.of());
        db = Database.open(dir.resolve("loop.db"));
        clock = MovableClock.stoppedAt(Instant.parse("2026-11-02T10:00:00Z"));
        loop = startLoop();
    }

    /** The triage feature of the running Loop, for running its daily routine on demand. */
    volatile TriageFeature triage;

    private Loop startLoop() throws InterruptedException {
        return Loop.start(
                config,
                sim.token(),
                clock,
                db,
                false,
                services -> {
                    List<dev.loop.core.Feature> features = Features.all(services);
                    triage = features.stream()
                            .filter(TriageFeature.class::isInstance)
                            .map(TriageFeature.class::cast)
                            .findFirst()
                            .orElseThrow();
                    return features;
                },
                b -> {});
    }

    @AfterAll
    void stop() {
        if (loop != null) loop.close();
        if (db != null) db.close();
        if (sim != null) sim.close();
    }

    // ------------------------------------------------------------------------------------------ helpers

    IssueStore issues() {
        return new IssueStore(db);
    }

    TriageStore triageStore() {
        return new TriageStore(db, issues());
    }

    Issue issue(int number) {
        return issues().find(number).orElseThrow();
    }

    List<HistoryEntry> history(int number, String type) {
        return issues().history(number).stream()
                .filter(h -> h.type().equals(type))
                .toList();
    }

    /** {@code author} opens a forum post; erin captures it with /capture and gets the first triage question. */
    Captured capture(SimMember author, String title, String body, String... tags) {
        return Captured.viaCommand(
                erin, author.postInForum(support, title, body, tags), Map.of("kind", "feature", "needs_docs", "no"));
    }

    /** The engineer presses a button on a triage prompt and gets the same message back, updated. */
    static SimMessage press(SimMember who, SimMessage prompt, String label) {
        return who.pressButton(prompt, label).awaitUpdate();
    }

    SimMessage triageCommand(SimMember who, SimChannel where, int number) {
        return who.runSlash(where, "issue triage", Map.of("number", number)).awaitReply();
    }

    /** The timeline notice in the post, addressed to the given people. */
    SimMessage awaitNotice(SimChannel post, int number, String label, String text) {
        return post.awaitMessage(m -> m.fromBot()
                && m.content().contains("Update on **#" + number + "**")
                && m.content().contains("it's **" + label + "** — " + text));
    }

    SimMessage awaitTeam(String contains) {
        return team.awaitMessage(m -> m.fromBot() && m.content().contains(contains));
    }

    // ------------------------------------------------------------------------------------------ the five leaves

    @Test
    void blockedUserIsFixItNowAndAlertsTheEngineersWhenNobodyOwnsIt() {
        Captured c = capture(alice, "Checkout button does nothing", "Clicking pay does nothing at all");
        assertThat(c.prompt().content()).contains("**Question 1 of 4:** Is a user blocked by it?");
        assertThat(c.prompt().buttonLabels()).containsExactly("Yes", "No");

        SimMessage decided = press(erin, c.prompt(), "Yes");
        assertThat(decided.content())
                .contains("• Is a user blocked by it? **Yes**")
                .contains("Result: **Fix it now** (a user is blocked by it)");
        assertThat(decided.buttonLabels()).containsExactly("Done");
        assertThat(decided.selects())
                .singleElement()
                .satisfies(s -> assertThat(s.placeholder()).isEqualTo("Raise it for a caveat…"));
        assertThat(issue(c.number()).priority()).isEqualTo(Priority.UNTRIAGED); // nothing written before Done

        SimMessage done = press(erin, decided, "Done");
        assertThat(done.content())
                .contains("is triaged: **Fix it now**")
                .contains("Timeline for the requesters: " + FIX_NOW_TEXT);
        assertThat(done.buttons()).isEmpty();

        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactly(alice.id());
        SimMessage alert = awaitTeam("**#" + c.number() + "** Checkout button does nothing is now **Fix it now**");
        assertThat(alert.pingedRoles()).containsExactly(engineers.id());
        assertThat(alert.pinged()).isEmpty();

        Issue issue = issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=y");
        assertThat(issue.promiseDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(history(c.number(), "triage")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(erin.id());
            assertThat(h.detail()).isEqualTo("flowchart: Blocked: yes → Fix it now (a user is blocked by it)");
        });
        assertThat(history(c.number(), "priority")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(erin.id());
            assertThat(h.detail()).isEqualTo("Untriaged → Fix it now: a user is blocked by it");
        });
        eventually(
                "the notice in the history",
                () -> !history(c.number(), "notice").isEmpty());
    }

    @Test
    void newUsersExperienceIsFixItNow() {
        Captured c = capture(alice, "Onboarding tour skips step two", "The welcome tour jumps from 1 to 3");
        SimMessage q2 = press(erin, c.prompt(), "No");
        assertThat(q2.content()).contains("**Question 2 of 4:** Is it related to a new user's experience?");
        SimMessage done = press(erin, press(erin, q2, "Yes"), "Done");
        assertThat(done.content()).contains("is triaged: **Fix it now**");
        awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=y");
        assertThat(issue(c.number()).priorityReason()).isEqualTo("it is related to a new user's experience");
    }

    @Test
    void quickChangeIsHigh() {
        Captured c = capture(alice, "Typo in the settings header", "It says Setings");
        SimMessage q3 = press(erin, press(erin, c.prompt(), "No"), "No");
        assertThat(q3.content()).contains("**Question 3 of 4:** Is it a quick change (less than 30 minutes)?");
        SimMessage done = press(erin, press(erin, q3, "Yes"), "Done");
        assertThat(done.content()).contains("is triaged: **High**");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactly(alice.id());
        Issue issue = issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.HIGH);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=y");
        assertThat(issue.promiseDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        // High is not Fix it now: nobody is alerted
        assertThat(team.messages()).noneMatch(m -> m.content().contains("**#" + c.number() + "**"));
    }

    @Test
    void broughtUpBeforeIsPreAnsweredFromTheRecordAndGivesHigh() {
        Captured c = capture(alice, "Dark mode forgets its setting", "Every restart it is light again");
        bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage prompt = triageCommand(erin, c.post(), c.number());
        SimMessage decided = press(erin, press(erin, press(erin, prompt, "No"), "No"), "No");
        assertThat(decided.content())
                .contains("• Has it been brought up before? **Yes** (from the record: 1 place, 2 requesters)")
                .contains("Result: **High** (bumped up from Low: brought up before)");
        assertThat(decided.buttonLabels()).containsExactly("Yes", "No", "Done");
        press(erin, decided, "Done");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=y(record)");
    }

    @Test
    void nothingAppliesIsLowAndTheRequesterIsToldToPressThisBlocksMe() {
        Captured c = capture(alice, "Export filename has no date", "Would be nice to have the date in it");
        SimMessage decided = press(erin, press(erin, press(erin, c.prompt(), "No"), "No"), "No");
        assertThat(decided.content())
                .contains("• Has it been brought up before? **No** (from the record: 1 place, 1 requester)")
                .contains("Result: **Low**");
        SimMessage done = press(erin, decided, "Done");
        assertThat(done.content()).contains("is triaged: **Low**");
        SimMessage notice = awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);
        assertThat(notice.pinged()).containsExactly(alice.id());
        Issue issue = issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.LOW);
        assertThat(issue.promiseDueAt()).isNull();
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=n(record)");
    }

    // ------------------------------------------------------------------------------------------ override and caveat

    @Test
    void theEngineerOverridesTheRecordThenACaveatRaisesTheResult() {
        Captured c = capture(alice, "Sidebar icons are blurry", "On a 4k screen the icons look soft");
        bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage prompt = triageCommand(erin, c.post(), c.number());
        SimMessage decided = press(erin, press(erin, press(erin, prompt, "No"), "No"), "No");
        assertThat(decided.content()).contains("Result: **High**");

        SimMessage overridden = press(erin, decided, "No");
        assertThat(overridden.content())
                .contains("• Has it been brought up before? **No** (you changed the record's answer)")
                .contains("Result: **Low**");
        assertThat(overridden.selects().get(0).options())
                .extracting(SimMessage.SelectOption::label)
                .contains("Requested by a valued community member → High");

        SimMessage done = erin.selectOption(overridden, "Raise it for a caveat…", "valued_member")
                .awaitUpdate();
        assertThat(done.content())
                .contains("is triaged: **High**")
                .contains("raised from Low to High: requested by a valued community member");
        awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);

        Issue issue = issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.HIGH);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=n(override)");
        assertThat(triageStore().caveat(c.number())).contains(Caveat.VALUED_MEMBER);
        assertThat(history(c.number(), "priority"))
                .singleElement()
                .satisfies(
                        h -> assertThat(h.detail())
                                .isEqualTo(
                                        "Untriaged → High: not blocking, not about a new user's experience, not a quick change, "
                                                + "not brought up before; raised from Low to High: requested by a valued community member"));
        assertThat(history(c.number(), "triage"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("Brought up before: no (overriding the record)"));
    }

    // ------------------------------------------------------------------------------------------ bumps and blockers

    @Test
    void aSecondRequesterOnALowIssueBumpsItToHighAndTheRequestersAreTold() {
        Captured c = capture(alice, "Tooltip typo on the upload page", "Says 'Uplaod'");
        press(erin, press(erin, press(erin, press(erin, c.prompt(), "No"), "No"), "No"), "Done");
        awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);

        bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage announcement =
                awaitTeam("**#" + c.number() + "** Tooltip typo on the upload page was brought up again");
        assertThat(announcement.pinged()).isEmpty();
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(alice.id(), bob.id());

        assertThat(issue(c.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(history(c.number(), "priority")).last().satisfies(h -> {
            assertThat(h.actorId()).isNull();
            assertThat(h.detail()).startsWith("Low → High: bumped up from Low: brought up before");
        });
    }

    @Test
    void thisBlocksMeMakesItFixItNowOncePerPerson() {
        Captured c = capture(alice, "Sync drops comments with emoji", "Any comment with an emoji vanishes");
        press(erin, press(erin, press(erin, press(erin, c.prompt(), "No"), "No"), "No"), "Done");
        awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);

        SimMessage thanks = carol.pressButton(c.card(), "This blocks me").awaitReply();
        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content()).contains("is marked as blocking you and is **Fix it now**");

        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(alice.id(), carol.id());
        SimMessage alert = awaitTeam("**#" + c.number() + "** Sync drops comments with emoji is now **Fix it now**");
        assertThat(alert.content()).contains("pressed This blocks me");
        assertThat(alert.pingedRoles()).containsExactly(engineers.id());
        assertThat(alert.pinged()).isEmpty(); // carol is named, not pinged

        Issue issue = issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(issue.priorityReason())
                .isEqualTo("<@" + carol.id() + "> pressed This blocks me: a user is blocked by it");
        assertThat(issues().requesters(c.number())).anySatisfy(r -> {
            assertThat(r.userId()).isEqualTo(carol.id());
            assertThat(r.how()).isEqualTo(Requester.How.BLOCKS_ME);
        });
        assertThat(history(c.number(), "priority")).last().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(carol.id());
            assertThat(h.detail()).startsWith("Low → Fix it now: <@" + carol.id() + "> pressed This blocks me");
        });

        SimMessage again = carol.pressButton(c.card(), "This blocks me").awaitReply();
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content())
                .startsWith("You already told us **#" + c.number() + "** blocks you")
                .contains("it counts once per person");
        assertThat(triageStore().blockerPresses(c.number())).isEqualTo(1);
        assertThat(history(c.number(), "priority")).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ reactions

    @Test
    void anEngineersReactionSetsThePriorityAndAMembersIsRemoved() {
        Captured c = capture(alice, "Search ignores accents", "Searching cafe does not find café");
        erin.react(c.card(), "⬆️");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactly(alice.id());
        eventually(
                "the card to show High",
                () -> "High".equals(c.card().embeds().get(0).field("Priority")));
        assertThat(history(c.number(), "priority")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(erin.id());
            assertThat(h.detail()).isEqualTo("Untriaged → High: set with ⬆️ by <@" + erin.id() + ">");
        });

        bob.react(c.card(), "🔥");
        eventually("bob's 🔥 to be removed", () -> !c.card().reactors("🔥").contains(bob.id()));
        assertThat(issue(c.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(history(c.number(), "priority")).hasSize(1);
        assertThat(c.card().reactors("⬆️")).contains(erin.id());

        erin.react(c.card(), "🔥");
        SimMessage alert = awaitTeam("**#" + c.number() + "** Search ignores accents is now **Fix it now**");
        assertThat(alert.pingedRoles()).containsExactly(engineers.id());
        assertThat(issue(c.number()).priority()).isEqualTo(Priority.FIX_NOW);
    }

    // ------------------------------------------------------------------------------------------ ownership

    @Test
    void anAreasOwnerIsPingedWhenItBecomesFixItNowAndOwnershipCommandsWork() {
        Captured c = capture(alice, "Installer hangs at 99 percent", "Stuck forever on Windows 11", "installer");
        assertThat(issue(c.number()).ownerId()).isEqualTo(olga.id());
        press(erin, press(erin, c.prompt(), "Yes"), "Done");
        SimMessage alert = awaitTeam("**#" + c.number() + "** Installer hangs at 99 percent is now **Fix it now**");
        assertThat(alert.pinged()).containsExactly(olga.id());
        assertThat(alert.pingedRoles()).isEmpty();

        SimMessage mine = olga.runSlash(team, "issue mine").awaitReply();
        assertThat(mine.ephemeral()).isTrue();
        assertThat(mine.embeds().get(0).description())
                .contains("**#" + c.number() + "** Installer hangs at 99 percent · Fix it now");

        SimMessage refused = alice.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", alice))
                .awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can assign issues.");
        SimMessage notEngineer = erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", bob))
                .awaitReply();
        assertThat(notEngineer.content()).isEqualTo("bob isn't an engineer; issues are owned by engineers.");

        SimMessage assigned = erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", erin))
                .awaitReply();
        assertThat(assigned.content()).isEqualTo("**#" + c.number() + "** is now owned by <@" + erin.id() + ">.");
        assertThat(issue(c.number()).ownerId()).isEqualTo(erin.id());

        SimMessage back = erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", olga))
                .awaitReply();
        assertThat(back.content()).contains("They've been told by DM.");
        SimMessage dm = olga.awaitDm(m -> m.content().startsWith("You now own **#" + c.number() + "**"));
        assertThat(dm.content()).contains("assigned by <@" + erin.id() + ">");
        assertThat(dm.pinged()).isEmpty();
        assertThat(history(c.number(), "assign"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        "owner <@" + olga.id() + "> (area Installer)",
                        "owner <@" + erin.id() + "> (area Installer)",
                        "owner <@" + olga.id() + "> (area Installer)");

        SimMessage working = olga.runSlash(c.post(), "issue working", Map.of("number", c.number()))
                .awaitReply();
        assertThat(working.content()).isEqualTo("**#" + c.number() + "** is in progress; its requester was told.");
        SimMessage told = c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));
        assertThat(told.pinged()).containsExactly(alice.id());
        assertThat(issue(c.number()).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        SimMessage twice = olga.runSlash(c.post(), "issue working", Map.of("number", c.number()))
                .awaitReply();
        assertThat(twice.content()).startsWith("**#" + c.number() + "** is already in progress");
    }

    // ------------------------------------------------------------------------------------------ proposals

    @Test
    void aProposalIsAnsweredByItsRequestersOnly() {
        Captured c = capture(alice, "Calendar export lacks time zones", "Events show up at the wrong hour");
        bob.pressButton(c.card(), "Me too").awaitReply();

        SimInteraction submit = erin.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
                .awaitModal()
                .submit(Map.of(
                        "solution",
                        "Write the TZID into every event",
                        "snippet",
                        "DTSTART;TZID=Europe/Paris:20261102T090000"));
        SimMessage ack = submit.awaitReply();
        assertThat(ack.content())
                .isEqualTo("Proposed to the 2 requesters of **#" + c.number()
                        + "**; their answers will show on the issue card.");

        SimMessage proposal = c.post()
                .awaitMessage(
                        m -> m.fromBot() && m.content().contains("A proposed solution for **#" + c.number() + "**"));
        assertThat(proposal.pinged()).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(proposal.content())
                .contains("> Write the TZID into every event")
                .contains("```\nDTSTART;TZID=Europe/Paris");
        assertThat(proposal.buttonLabels()).containsExactly("Solves it", "Doesn't solve it");

        SimMessage outsider = carol.pressButton(proposal, "Solves it").awaitReply();
        assertThat(outsider.ephemeral()).isTrue();
        assertThat(outsider.content())
                .startsWith("Only the people who asked for **#" + c.number() + "** can answer this.");

        assertThat(alice.pressButton(proposal, "Solves it").awaitReply().content())
                .isEqualTo("Thanks — noted that it solves your problem.");
        assertThat(bob.pressButton(proposal, "Doesn't solve it").awaitReply().content())
                .isEqualTo("Thanks — noted that it doesn't solve your problem; the team will take another look.");
        assertThat(alice.pressButton(proposal, "Solves it").awaitReply().content())
                .isEqualTo("You already said it solves your problem.");

        Proposal stored = triageStore().latestProposal(c.number()).orElseThrow();
        assertThat(triageStore().answers(stored.id()))
                .extracting(ProposalAnswer::userId, ProposalAnswer::solves)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(alice.id(), true),
                        org.assertj.core.groups.Tuple.tuple(bob.id(), false));
        assertThat(history(c.number(), "proposal_answer")).hasSize(2);
        eventually(
                "the card to show the answers",
                () -> "Solves it: 1 · Doesn't solve it: 1"
                        .equals(c.card().embeds().get(0).field("Proposed solution")));
    }

    // ------------------------------------------------------------------------------------------ restarts and stale
    // prompts

    @Test
    void aTriageStartedBeforeARestartFinishesAfterIt() throws Exception {
        Captured c = capture(alice, "Printing cuts off the last line", "The last line of every page is missing");
        SimMessage q2 = press(erin, c.prompt(), "No");

        loop.close();
        loop = startLoop();

        SimMessage decided = press(erin, q2, "Yes");
        assertThat(decided.content()).contains("Result: **Fix it now** (it is related to a new user's experience)");
        press(erin, decided, "Done");
        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactly(alice.id());
        assertThat(issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=y");
        assertThat(history(c.number(), "triage")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(erin.id());
            assertThat(h.detail())
                    .isEqualTo("flowchart: Blocked: no · New user: yes → Fix it now "
                            + "(it is related to a new user's experience)");
        });
    }

    @Test
    void aButtonOnAStalePromptIsRefusedAndWritesNothing() {
        Captured c = capture(alice, "Avatar upload rejects PNG", "Only JPG works");
        SimMessage q2 = press(erin, c.prompt(), "No");
        bob.pressButton(c.card(), "Me too").awaitReply(); // the issue changes under the open prompt

        SimMessage refused = erin.pressButton(q2, "Yes")
                .awaitReply(m -> m.ephemeral() && m.content().startsWith("This triage prompt"));
        assertThat(refused.content())
                .isEqualTo("This triage prompt for **#" + c.number() + "** is out of date: the issue "
                        + "changed since it was shown (it is Untriaged now). Nothing was recorded. Run `/issue triage "
                        + c.number() + "` to answer with what is current.");
        assertThat(issue(c.number()).priority()).isEqualTo(Priority.UNTRIAGED);
        assertThat(history(c.number(), "priority")).isEmpty();

        SimMessage fresh = triageCommand(erin, c.post(), c.number());
        press(erin, press(erin, fresh, "Yes"), "Done");
        eventually("the fresh triage to be recorded", () -> issue(c.number()).priority() == Priority.FIX_NOW);
    }

    @Test
    void membersCannotTriage() {
        Captured c = capture(alice, "Keyboard shortcut list is outdated", "Ctrl+K is not listed");
        SimMessage refused = alice.runSlash(c.post(), "issue triage", Map.of("number", c.number()))
                .awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).isEqualTo("Only engineers can triage issues.");
        assertThat(erin.runSlash(c.post(), "issue triage", Map.of("number", 99999))
                        .awaitReply()
                        .content())
                .isEqualTo("There is no issue #99999.");
    }

    // ------------------------------------------------------------------------------------------ quick capture by DM

    @Test
    void afterAQuickCaptureTheQuestionsComeByDm() {
        SimChannel post = alice.postInForum(support, "Notifications arrive twice", "Every ping shows up two times");
        erin.react(post.starterMessage(), "📌");
        SimMessage prompt = erin.awaitDm(
                m -> m.content().startsWith("**Triage #") && m.content().contains("Notifications arrive twice"));
        SimMessage decided = press(erin, prompt, "Yes");
        SimMessage done = press(erin, decided, "Done");
        assertThat(done.content()).contains("is triaged: **Fix it now**");
        int number = issues().findByChannel(post.id()).orElseThrow().number();
        awaitNotice(post, number, "Fix it now", FIX_NOW_TEXT);
    }

    // ------------------------------------------------------------------------------------------ promises past due

    @Test
    void promisesPastDueAreNotedOncePerDay() {
        Captured c = capture(alice, "Password reset mail never arrives", "Checked spam too");
        press(erin, press(erin, c.prompt(), "Yes"), "Done");
        eventually("the promise", () -> issue(c.number()).promiseDueAt() != null);

        clock.advance(Duration.ofDays(3));
        String day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        PromisesRoutine routine = promisesRoutine();
        PromisesRoutine.Outcome first = routine.runIfDue(loop.jda());
        PromisesRoutine.Outcome second = routine.runIfDue(loop.jda());
        assertThat(second).isEqualTo(new PromisesRoutine.AlreadyRan(day));
        assertThat(first).isInstanceOfAny(PromisesRoutine.Posted.class, PromisesRoutine.AlreadyRan.class);

        SimMessage note = awaitTeam("⏰ **Promises past due**");
        assertThat(note.content())
                .contains("**#" + c.number() + "** Password reset mail never arrives — Fix it now")
                .contains("(1 day late)");
        assertThat(note.pinged()).isEmpty();
        assertThat(team.messages())
                .filteredOn(m -> m.content().contains("Promises past due"))
                .hasSize(1);
        assertThat(new RoutineRuns(db).ran(PromisesRoutine.NAME, day)).isTrue();
    }

    private PromisesRoutine promisesRoutine() {
        return triage.promisesRoutine();
    }
}
