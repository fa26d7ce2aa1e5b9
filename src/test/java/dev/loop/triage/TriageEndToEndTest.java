package dev.loop.triage;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.RoutineRuns;
import dev.loop.issue.HistoryEntry;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triage end to end: the real Loop (every feature) against the Discord simulator, with people capturing,
 * triaging, pressing card buttons, reacting and answering proposals. One simulator and one Loop serve the class;
 * every test works on its own forum posts.
 */
@EndToEnd
class TriageEndToEndTest {

    static final String FIX_NOW_TEXT = "today or tomorrow";
    static final String HIGH_TEXT = "this week or next week";
    static final String LOW_TEXT =
            "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it up";

    /** The clock is moved by hand: promises fall due without waiting days. */
    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .forumTags("installer", "sync", "tracked", "shipped")
            .yaml("""
                    reports:
                      promises-daily:
                        enabled: true
                        time: "09:00"
                        zone: UTC
                    """)
            .build();

    // ------------------------------------------------------------------------------------------ helpers

    TriageStore triageStore() {
        return new TriageStore(s.db, s.issues());
    }

    /** The engineer presses a button on a triage prompt and gets the same message back, updated. */
    static SimMessage press(SimMember who, SimMessage prompt, String label) {
        return who.pressButton(prompt, label).awaitUpdate();
    }

    SimMessage triageCommand(SimMember who, SimChannel where, int number) {
        return Captured.straightforward(
                who,
                who.runSlash(where, "issue triage", Map.of("number", number)).awaitReply());
    }

    /** erin answers No to the first three questions (blocked, a new user, quick): the prompt then shows the result. */
    static SimMessage noToTheFirstThree(SimMessage prompt) {
        return press(s.erin, press(s.erin, press(s.erin, prompt, "No"), "No"), "No");
    }

    /**
     * bob presses Me too on the card, so the record now says the issue was brought up before, and erin runs
     * /issue triage on it again: the fresh prompt, past its first question.
     */
    SimMessage triagedAgainAfterBobsMeToo(Captured c) {
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        return triageCommand(s.erin, c.post(), c.number());
    }

    /** The timeline notice in the post, addressed to the given people. */
    SimMessage awaitNotice(SimChannel post, int number, String label, String text) {
        return post.awaitMessage(m -> m.fromBot()
                && m.content().contains("Update on **#" + number + "**")
                && m.content().contains("it's **" + label + "** — " + text));
    }

    SimMessage awaitTeam(String contains) {
        return s.team.awaitMessage(m -> m.fromBot() && m.content().contains(contains));
    }

    // ------------------------------------------------------------------------------------------ the five leaves

    @Test
    void blockedUserIsFixItNowAndAlertsTheEngineersWhenNobodyOwnsIt() {
        Captured c = s.capture(s.alice, "Checkout button does nothing", "Clicking pay does nothing at all");
        assertThat(c.prompt().content()).contains("**Question 1 of 4:** Is a user blocked by it?");
        assertThat(c.prompt().buttonLabels()).containsExactly("Yes", "No");

        SimMessage decided = press(s.erin, c.prompt(), "Yes");
        assertThat(decided.content())
                .contains("• Is a user blocked by it? **Yes**")
                .contains("Result: **Fix it now** (a user is blocked by it)");
        assertThat(decided.buttonLabels()).containsExactly("Done");
        assertThat(decided.selects())
                .singleElement()
                .satisfies(s -> assertThat(s.placeholder()).isEqualTo("Raise it for a caveat…"));
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.UNTRIAGED); // nothing written before Done

        SimMessage done = press(s.erin, decided, "Done");
        assertThat(done.content())
                .contains("is triaged: **Fix it now**")
                .contains("Timeline for the requesters: " + FIX_NOW_TEXT);
        assertThat(done.buttons()).isEmpty();

        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactly(s.alice.id());
        SimMessage alert = awaitTeam("**#" + c.number() + "** Checkout button does nothing is now **Fix it now**");
        assertThat(alert.pingedRoles()).containsExactly(s.engineers.id());
        assertThat(alert.pinged()).isEmpty();

        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=y");
        assertThat(issue.promiseDueAt()).isEqualTo(s.clock.instant().plus(Duration.ofDays(2)));
        assertThat(s.history(c.number(), "triage")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.erin.id());
            assertThat(h.detail()).isEqualTo("flowchart: Blocked: yes → Fix it now (a user is blocked by it)");
        });
        assertThat(s.history(c.number(), "priority")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.erin.id());
            assertThat(h.detail()).isEqualTo("Untriaged → Fix it now: a user is blocked by it");
        });
        eventually(
                "the notice in the history",
                () -> !s.history(c.number(), "notice").isEmpty());
    }

    @Test
    void newUsersExperienceIsFixItNow() {
        Captured c = s.capture(s.alice, "Onboarding tour skips step two", "The welcome tour jumps from 1 to 3");
        SimMessage q2 = press(s.erin, c.prompt(), "No");
        assertThat(q2.content()).contains("**Question 2 of 4:** Is it related to a new user's experience?");
        SimMessage done = press(s.erin, press(s.erin, q2, "Yes"), "Done");
        assertThat(done.content()).contains("is triaged: **Fix it now**");
        awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(s.issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=y");
        assertThat(s.issue(c.number()).priorityReason()).isEqualTo("it is related to a new user's experience");
    }

    @Test
    void quickChangeIsHigh() {
        Captured c = s.capture(s.alice, "Typo in the settings header", "It says Setings");
        SimMessage q3 = press(s.erin, press(s.erin, c.prompt(), "No"), "No");
        assertThat(q3.content()).contains("**Question 3 of 4:** Is it a quick change (less than 30 minutes)?");
        SimMessage done = press(s.erin, press(s.erin, q3, "Yes"), "Done");
        assertThat(done.content()).contains("is triaged: **High**");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactly(s.alice.id());
        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.HIGH);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=y");
        assertThat(issue.promiseDueAt()).isEqualTo(s.clock.instant().plus(Duration.ofDays(14)));
        // High is not Fix it now: nobody is alerted
        assertThat(s.team.messages()).noneMatch(m -> m.content().contains("**#" + c.number() + "**"));
    }

    @Test
    void broughtUpBeforeIsPreAnsweredFromTheRecordAndGivesHigh() {
        Captured c = s.capture(s.alice, "Dark mode forgets its setting", "Every restart it is light again");
        SimMessage prompt = triagedAgainAfterBobsMeToo(c);
        SimMessage decided = noToTheFirstThree(prompt);
        assertThat(decided.content())
                .contains("• Has it been brought up before? **Yes** (from the record: 1 place, 2 requesters)")
                .contains("Result: **High** (bumped up from Low: brought up before)");
        assertThat(decided.buttonLabels()).containsExactly("Yes", "No", "Done");
        press(s.erin, decided, "Done");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());
        assertThat(s.issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=y(record)");
    }

    @Test
    void nothingAppliesIsLowAndTheRequesterIsToldToPressThisBlocksMe() {
        Captured c = s.capture(s.alice, "Export filename has no date", "Would be nice to have the date in it");
        SimMessage decided = noToTheFirstThree(c.prompt());
        assertThat(decided.content())
                .contains("• Has it been brought up before? **No** (from the record: 1 place, 1 requester)")
                .contains("Result: **Low**");
        SimMessage done = press(s.erin, decided, "Done");
        assertThat(done.content()).contains("is triaged: **Low**");
        SimMessage notice = awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);
        assertThat(notice.pinged()).containsExactly(s.alice.id());
        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.LOW);
        assertThat(issue.promiseDueAt()).isNull();
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=n(record)");
    }

    // ------------------------------------------------------------------------------------------ override and caveat

    @Test
    void theEngineerOverridesTheRecordThenACaveatRaisesTheResult() {
        Captured c = s.capture(s.alice, "Sidebar icons are blurry", "On a 4k screen the icons look soft");
        SimMessage prompt = triagedAgainAfterBobsMeToo(c);
        SimMessage decided = noToTheFirstThree(prompt);
        assertThat(decided.content()).contains("Result: **High**");

        SimMessage overridden = press(s.erin, decided, "No");
        assertThat(overridden.content())
                .contains("• Has it been brought up before? **No** (you changed the record's answer)")
                .contains("Result: **Low**");
        assertThat(overridden.selects().get(0).options())
                .extracting(SimMessage.SelectOption::label)
                .contains("Requested by a valued community member → High");

        SimMessage done = s.erin.selectOption(overridden, "Raise it for a caveat…", "valued_member")
                .awaitUpdate();
        assertThat(done.content())
                .contains("is triaged: **High**")
                .contains("raised from Low to High: requested by a valued community member");
        awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);

        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.HIGH);
        assertThat(issue.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=n,before=n(override)");
        assertThat(triageStore().caveat(c.number())).contains(Caveat.VALUED_MEMBER);
        assertThat(s.history(c.number(), "priority"))
                .singleElement()
                .satisfies(
                        h -> assertThat(h.detail())
                                .isEqualTo(
                                        "Untriaged → High: not blocking, not about a new user's experience, not a quick change, "
                                                + "not brought up before; raised from Low to High: requested by a valued community member"));
        assertThat(s.history(c.number(), "triage"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("Brought up before: no (overriding the record)"));
    }

    // ------------------------------------------------------------------------------------------ bumps and blockers

    @Test
    void aSecondRequesterOnALowIssueBumpsItToHighAndTheRequestersAreTold() {
        Captured c = s.capture(s.alice, "Tooltip typo on the upload page", "Says 'Uplaod'");
        press(s.erin, noToTheFirstThree(c.prompt()), "Done");
        awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);

        s.bob.pressButton(c.card(), "Me too").awaitReply();
        SimMessage announcement =
                awaitTeam("**#" + c.number() + "** Tooltip typo on the upload page was brought up again");
        assertThat(announcement.pinged()).isEmpty();
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());

        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(s.history(c.number(), "priority")).last().satisfies(h -> {
            assertThat(h.actorId()).isNull();
            assertThat(h.detail()).startsWith("Low → High: bumped up from Low: brought up before");
        });
    }

    @Test
    void thisBlocksMeMakesItFixItNowOncePerPerson() {
        Captured c = s.capture(s.alice, "Sync drops comments with emoji", "Any comment with an emoji vanishes");
        press(s.erin, noToTheFirstThree(c.prompt()), "Done");
        awaitNotice(c.post(), c.number(), "Low", LOW_TEXT);

        SimMessage thanks = s.carol.pressButton(c.card(), "This blocks me").awaitReply();
        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content()).contains("is marked as blocking you and is **Fix it now**");

        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.carol.id());
        SimMessage alert = awaitTeam("**#" + c.number() + "** Sync drops comments with emoji is now **Fix it now**");
        assertThat(alert.content()).contains("pressed This blocks me");
        assertThat(alert.pingedRoles()).containsExactly(s.engineers.id());
        assertThat(alert.pinged()).isEmpty(); // carol is named, not pinged

        Issue issue = s.issue(c.number());
        assertThat(issue.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(issue.priorityReason())
                .isEqualTo("<@" + s.carol.id() + "> pressed This blocks me: a user is blocked by it");
        assertThat(s.issues().requesters(c.number())).anySatisfy(r -> {
            assertThat(r.userId()).isEqualTo(s.carol.id());
            assertThat(r.how()).isEqualTo(Requester.How.BLOCKS_ME);
        });
        assertThat(s.history(c.number(), "priority")).last().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.carol.id());
            assertThat(h.detail()).startsWith("Low → Fix it now: <@" + s.carol.id() + "> pressed This blocks me");
        });

        SimMessage again = s.carol.pressButton(c.card(), "This blocks me").awaitReply();
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content())
                .startsWith("You already told us **#" + c.number() + "** blocks you")
                .contains("it counts once per person");
        assertThat(triageStore().blockerPresses(c.number())).isEqualTo(1);
        assertThat(s.history(c.number(), "priority")).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ reactions

    @Test
    void anEngineersReactionSetsThePriorityAndAMembersIsRemoved() {
        Captured c = s.capture(s.alice, "Search ignores accents", "Searching cafe does not find café");
        s.erin.react(c.card(), "⬆️");
        SimMessage notice = awaitNotice(c.post(), c.number(), "High", HIGH_TEXT);
        assertThat(notice.pinged()).containsExactly(s.alice.id());
        eventually(
                "the card to show High",
                () -> "High".equals(c.card().embeds().get(0).field("Priority")));
        assertThat(s.history(c.number(), "priority")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.erin.id());
            assertThat(h.detail()).isEqualTo("Untriaged → High: set with ⬆️ by <@" + s.erin.id() + ">");
        });

        s.bob.react(c.card(), "🔥");
        eventually("bob's 🔥 to be removed", () -> !c.card().reactors("🔥").contains(s.bob.id()));
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(s.history(c.number(), "priority")).hasSize(1);
        assertThat(c.card().reactors("⬆️")).contains(s.erin.id());

        s.erin.react(c.card(), "🔥");
        SimMessage alert = awaitTeam("**#" + c.number() + "** Search ignores accents is now **Fix it now**");
        assertThat(alert.pingedRoles()).containsExactly(s.engineers.id());
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.FIX_NOW);
    }

    // ------------------------------------------------------------------------------------------ ownership

    @Test
    void anAreasOwnerIsPingedWhenItBecomesFixItNowAndOwnershipCommandsWork() {
        Captured c = s.capture(s.alice, "Installer hangs at 99 percent", "Stuck forever on Windows 11", "installer");
        assertThat(s.issue(c.number()).ownerId()).isEqualTo(s.olga.id());
        press(s.erin, press(s.erin, c.prompt(), "Yes"), "Done");
        SimMessage alert = awaitTeam("**#" + c.number() + "** Installer hangs at 99 percent is now **Fix it now**");
        assertThat(alert.pinged()).containsExactly(s.olga.id());
        assertThat(alert.pingedRoles()).isEmpty();

        SimMessage mine = s.olga.runSlash(s.team, "issue mine").awaitReply();
        assertThat(mine.ephemeral()).isTrue();
        assertThat(mine.embeds().get(0).description())
                .contains("**#" + c.number() + "** Installer hangs at 99 percent · Fix it now");

        SimMessage refused = s.alice
                .runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", s.alice))
                .awaitReply();
        assertThat(refused.content()).isEqualTo("Only engineers can assign issues.");
        SimMessage notEngineer = s.erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", s.bob))
                .awaitReply();
        assertThat(notEngineer.content()).isEqualTo("bob isn't an engineer; issues are owned by engineers.");

        SimMessage assigned = s.erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", s.erin))
                .awaitReply();
        assertThat(assigned.content()).isEqualTo("**#" + c.number() + "** is now owned by <@" + s.erin.id() + ">.");
        assertThat(s.issue(c.number()).ownerId()).isEqualTo(s.erin.id());

        SimMessage back = s.erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", s.olga))
                .awaitReply();
        assertThat(back.content()).contains("They've been told by DM.");
        SimMessage dm = s.olga.awaitDm(m -> m.content().startsWith("You now own **#" + c.number() + "**"));
        assertThat(dm.content()).contains("assigned by <@" + s.erin.id() + ">");
        assertThat(dm.pinged()).isEmpty();
        assertThat(s.history(c.number(), "assign"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        "owner <@" + s.olga.id() + "> (area Installer)",
                        "owner <@" + s.erin.id() + "> (area Installer)",
                        "owner <@" + s.olga.id() + "> (area Installer)");

        SimMessage working = s.olga.runSlash(c.post(), "issue working", Map.of("number", c.number()))
                .awaitReply();
        assertThat(working.content()).isEqualTo("**#" + c.number() + "** is in progress; its requester was told.");
        SimMessage told = c.post().awaitMessage(m -> m.fromBot() && m.content().contains("working on it now"));
        assertThat(told.pinged()).containsExactly(s.alice.id());
        assertThat(s.issue(c.number()).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        SimMessage twice = s.olga.runSlash(c.post(), "issue working", Map.of("number", c.number()))
                .awaitReply();
        assertThat(twice.content()).startsWith("**#" + c.number() + "** is already in progress");
    }

    // ------------------------------------------------------------------------------------------ proposals

    @Test
    void aProposalIsAnsweredByItsRequestersOnly() {
        Captured c = s.capture(s.alice, "Calendar export lacks time zones", "Events show up at the wrong hour");
        s.bob.pressButton(c.card(), "Me too").awaitReply();

        SimInteraction submit = s.erin.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
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
        assertThat(proposal.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());
        assertThat(proposal.content())
                .contains("> Write the TZID into every event")
                .contains("```\nDTSTART;TZID=Europe/Paris");
        assertThat(proposal.buttonLabels()).containsExactly("Solves it", "Doesn't solve it");

        SimMessage outsider = s.carol.pressButton(proposal, "Solves it").awaitReply();
        assertThat(outsider.ephemeral()).isTrue();
        assertThat(outsider.content())
                .startsWith("Only the people who asked for **#" + c.number() + "** can answer this.");

        assertThat(s.alice.pressButton(proposal, "Solves it").awaitReply().content())
                .isEqualTo("Thanks — noted that it solves your problem.");
        assertThat(s.bob.pressButton(proposal, "Doesn't solve it")
                        .awaitModal()
                        .submit(Map.of("missing", "Recurring events still shift by an hour @everyone"))
                        .awaitReply()
                        .content())
                .isEqualTo("Thanks — noted that it doesn't solve your problem; the team has what is still missing "
                        + "and will take another look.");
        // Nobody owns it yet, so the team channel hears what is missing, without pinging anyone.
        SimMessage toTeam = awaitTeam("doesn't solve their problem (it has no owner yet)");
        assertThat(toTeam.content())
                .contains("<@" + s.bob.id() + "> says the proposed solution for **#" + c.number() + "**")
                .contains("> Recurring events still shift by an hour")
                .doesNotContain("@everyone");
        assertThat(toTeam.pinged()).isEmpty();
        assertThat(s.alice.pressButton(proposal, "Solves it").awaitReply().content())
                .isEqualTo("You already said it solves your problem.");

        Proposal stored = triageStore().latestProposal(c.number()).orElseThrow();
        assertThat(triageStore().answers(stored.id()))
                .extracting(ProposalAnswer::userId, ProposalAnswer::solves, ProposalAnswer::missing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.alice.id(), true, null),
                        org.assertj.core.groups.Tuple.tuple(
                                s.bob.id(), false, "Recurring events still shift by an hour @everyone"));
        assertThat(s.history(c.number(), "proposal_answer")).hasSize(2);
        eventually(
                "the card to show the answers",
                () -> "Solves it: 1 · Doesn't solve it: 1"
                        .equals(c.card().embeds().get(0).field("Proposed solution")));
    }

    @Test
    void doesntSolveItTellsTheOwnerOnceWithWhatIsStillMissing() {
        Captured c = s.capture(s.alice, "Search ignores accents", "Typing cafe doesn't find café");
        s.erin.runSlash(c.post(), "issue assign", Map.of("number", c.number(), "owner", s.olga))
                .awaitReply();
        s.olga.awaitDm(m -> m.content().startsWith("You now own **#" + c.number() + "**"));
        s.erin.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
                .awaitModal()
                .submit(Map.of("solution", "Fold accents when indexing", "snippet", ""))
                .awaitReply();
        SimMessage proposal = c.post()
                .awaitMessage(
                        m -> m.fromBot() && m.content().contains("A proposed solution for **#" + c.number() + "**"));

        SimMessage outsider = s.carol.pressButton(proposal, "Doesn't solve it").awaitReply();
        assertThat(outsider.content())
                .startsWith("Only the people who asked for **#" + c.number() + "** can answer this.");

        s.alice
                .pressButton(proposal, "Doesn't solve it")
                .awaitModal()
                .submit(Map.of("missing", "Greek accents too, like ά"))
                .awaitReply();
        SimMessage told = s.olga.awaitDm(m -> m.content().contains("doesn't solve their problem"));
        assertThat(told.content())
                .startsWith("👎 <@" + s.alice.id() + "> says the proposed solution for **#" + c.number() + "**")
                .contains("> Greek accents too, like ά");

        // Saying more later is recorded, but the owner was already told about this person and this proposal.
        SimMessage again = s.alice
                .pressButton(proposal, "Doesn't solve it")
                .awaitModal()
                .submit(Map.of("missing", "And Cyrillic"))
                .awaitReply();
        assertThat(again.content()).startsWith("Changed your answer");
        eventually(
                "the second answer in the history",
                () -> s.history(c.number(), "proposal_answer").stream()
                        .anyMatch(h -> h.detail().endsWith("still missing: And Cyrillic")));
        assertThat(s.olga.dmsFromBot())
                .filteredOn(m -> m.content().contains("doesn't solve their problem"))
                .hasSize(1);
        assertThat(s.team.messages())
                .noneMatch(m -> m.content().contains("says the proposed solution for **#" + c.number() + "**"));
        Proposal stored = triageStore().latestProposal(c.number()).orElseThrow();
        assertThat(triageStore().answers(stored.id()))
                .extracting(ProposalAnswer::missing)
                .containsExactly("And Cyrillic");
    }

    // ------------------------------------------------------------------------------------------ restarts and stale
    // prompts

    @Test
    void aTriageStartedBeforeARestartFinishesAfterIt() throws Exception {
        Captured c = s.capture(s.alice, "Printing cuts off the last line", "The last line of every page is missing");
        SimMessage q2 = press(s.erin, c.prompt(), "No");

        s.restart();

        SimMessage decided = press(s.erin, q2, "Yes");
        assertThat(decided.content()).contains("Result: **Fix it now** (it is related to a new user's experience)");
        press(s.erin, decided, "Done");
        SimMessage notice = awaitNotice(c.post(), c.number(), "Fix it now", FIX_NOW_TEXT);
        assertThat(notice.pinged()).containsExactly(s.alice.id());
        assertThat(s.issue(c.number()).triageAnswers()).isEqualTo("blocked=n,new_user=y");
        assertThat(s.history(c.number(), "triage")).singleElement().satisfies(h -> {
            assertThat(h.actorId()).isEqualTo(s.erin.id());
            assertThat(h.detail())
                    .isEqualTo("flowchart: Blocked: no · New user: yes → Fix it now "
                            + "(it is related to a new user's experience)");
        });
    }

    @Test
    void aButtonOnAStalePromptIsRefusedAndWritesNothing() {
        Captured c = s.capture(s.alice, "Avatar upload rejects PNG", "Only JPG works");
        SimMessage q2 = press(s.erin, c.prompt(), "No");
        s.bob.pressButton(c.card(), "Me too").awaitReply(); // the issue changes under the open prompt

        SimMessage refused = s.erin.pressButton(q2, "Yes")
                .awaitReply(m -> m.ephemeral() && m.content().startsWith("This triage prompt"));
        assertThat(refused.content())
                .isEqualTo("This triage prompt for **#" + c.number() + "** is out of date: the issue "
                        + "changed since it was shown (it is Untriaged now). Nothing was recorded. Run `/issue triage "
                        + c.number() + "` to answer with what is current.");
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.UNTRIAGED);
        assertThat(s.history(c.number(), "priority")).isEmpty();

        SimMessage fresh = triageCommand(s.erin, c.post(), c.number());
        press(s.erin, press(s.erin, fresh, "Yes"), "Done");
        eventually("the fresh triage to be recorded", () -> s.issue(c.number()).priority() == Priority.FIX_NOW);
    }

    @Test
    void membersCannotTriage() {
        Captured c = s.capture(s.alice, "Keyboard shortcut list is outdated", "Ctrl+K is not listed");
        SimMessage refused = s.alice
                .runSlash(c.post(), "issue triage", Map.of("number", c.number()))
                .awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).isEqualTo("Only engineers can triage issues.");
        assertThat(s.erin.runSlash(c.post(), "issue triage", Map.of("number", 99999))
                        .awaitReply()
                        .content())
                .isEqualTo("There is no issue #99999.");
    }

    // ------------------------------------------------------------------------------------------ quick capture by DM

    @Test
    void afterAQuickCaptureTheQuestionsComeByDm() {
        // words no other issue of this class uses: a 📌 on a post like an open issue offers to link it instead
        SimChannel post = s.alice.postInForum(s.support, "Axolotl badge flickers", "The axolotl badge blinks");
        s.erin.react(post.starterMessage(), "📌");
        SimMessage prompt = s.erin.awaitDm(
                m -> m.content().startsWith("**Triage #") && m.content().contains("Axolotl badge flickers"));
        SimMessage decided = press(s.erin, Captured.straightforward(s.erin, prompt), "Yes");
        SimMessage done = press(s.erin, decided, "Done");
        assertThat(done.content()).contains("is triaged: **Fix it now**");
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        awaitNotice(post, number, "Fix it now", FIX_NOW_TEXT);
    }

    // ------------------------------------------------------------------------------------------ promises past due

    @Test
    void promisesPastDueAreNotedOncePerDay() {
        Captured c = s.capture(s.alice, "Password reset mail never arrives", "Checked spam too");
        press(s.erin, press(s.erin, c.prompt(), "Yes"), "Done");
        eventually("the promise", () -> s.issue(c.number()).promiseDueAt() != null);

        s.clock.advance(Duration.ofDays(3));
        String day = s.clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        PromisesRoutine routine = promisesRoutine();
        PromisesRoutine.Outcome first = routine.runIfDue(s.loop().jda());
        PromisesRoutine.Outcome second = routine.runIfDue(s.loop().jda());
        assertThat(second).isEqualTo(new PromisesRoutine.AlreadyRan(day));
        assertThat(first).isInstanceOfAny(PromisesRoutine.Posted.class, PromisesRoutine.AlreadyRan.class);

        SimMessage note = awaitTeam("⏰ **Promises past due**");
        assertThat(note.content())
                .contains("**#" + c.number() + "** Password reset mail never arrives — Fix it now")
                .contains("(1 day late)");
        assertThat(note.pinged()).isEmpty();
        assertThat(s.team.messages())
                .filteredOn(m -> m.content().contains("Promises past due"))
                .hasSize(1);
        assertThat(new RoutineRuns(s.db).ran(PromisesRoutine.NAME, day)).isTrue();
    }

    private PromisesRoutine promisesRoutine() {
        return s.feature(TriageFeature.class).promisesRoutine();
    }
}
