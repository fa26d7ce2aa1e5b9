package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.db.Tables;
import dev.loop.issue.Priority;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People without an engineer role use engineers' commands and controls: members through every command and the
 * controls Loop posts where they can see them, and an engineer whose role was taken away through the private
 * prompts still open on their screen. Each gets "Only engineers can …" (ephemeral) or, for reactions, nothing; the
 * record does not change.
 */
@EndToEnd
class EngineerOnlyTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z")
            .yaml("watch:\n  hint-min-score: 0.5\n")
            .build();

    /** An engineer for one test, whose role the test may take away. */
    SimMember engineer(String name) {
        return s.guild.member(name).addRole(s.engineers);
    }

    /** The commands Loop registers hidden from members. */
    static final List<String> HIDDEN =
            List.of("capture", "Capture as issue", "link", "release", "release-status", "inbox", "stats", "name");

    static void assertRefused(SimMessage reply, String action) {
        assertThat(reply.ephemeral()).as(action).isTrue();
        assertThat(reply.content()).isEqualTo("Only engineers can " + action + ".");
    }

    @Test
    void membersAreRefusedEveryEngineerCommandAndNothingChanges() {
        Captured a = s.capture(s.alice, "Gecko tooltip flickers", "Tooltips flicker on hover");
        Captured b = s.capture(s.carol, "Gecko tooltip blinks", "The tooltip blinks on hover");
        SimChannel post = s.bob.postInForum(s.support, "Gecko tooltips vanish", "Tooltips vanish");
        Community.Record beforeA = s.record(a.number());
        Community.Record beforeB = s.record(b.number());
        int issues = s.rows(Tables.ISSUE);

        Map<String, Map<String, ?>> commands = new LinkedHashMap<>();
        commands.put("issue close|close issues", Map.of("number", a.number(), "reason", "dup"));
        commands.put("issue merge|merge issues", Map.of("from", b.number(), "into", a.number()));
        commands.put("issue unmerge|unmerge issues", Map.of("number", b.number()));
        commands.put("issue assign|assign issues", Map.of("number", a.number(), "owner", s.bob));
        commands.put("issue working|mark issues in progress", Map.of("number", a.number()));
        commands.put("issue propose|propose solutions", Map.of("number", a.number()));
        commands.put("issue triage|triage issues", Map.of("number", a.number()));
        commands.put("issue mine|list their issues", Map.of());
        commands.put("capture|capture issues", Map.of());
        commands.put("link|link threads to issues", Map.of("issue", a.number()));
        commands.put("release|publish releases", Map.of("version", "9.0.0", "issues", "#" + a.number()));
        commands.put("release-status|see how a release went", Map.of("version", "9.0.0"));
        commands.put("inbox|see the inbox", Map.of());
        commands.put("stats show|see the stats", Map.of());
        commands.put("stats goal|set goals", Map.of("metric", "first-reply", "value", "2h"));
        commands.put(
                "name|start naming votes",
                Map.of(
                        "proposal",
                        "Gecko",
                        "why",
                        "short",
                        "alternative1",
                        "Newt",
                        "like1",
                        "cute",
                        "alternative2",
                        "Skink",
                        "like2",
                        "fast"));
        // the commands hidden from members reach Loop only from a stale client; Loop refuses them all the same
        List<String> visible = s.bob.visibleCommands(post);
        assertThat(visible).contains("issue").doesNotContain(HIDDEN.toArray(String[]::new));
        for (Map.Entry<String, Map<String, ?>> c : commands.entrySet()) {
            String[] parts = c.getKey().split("\\|");
            String top = parts[0].split(" ")[0];
            assertRefused(
                    (visible.contains(top)
                                    ? s.bob.runSlash(post, parts[0], c.getValue())
                                    : s.bob.runSlashFromStaleClient(post, parts[0], c.getValue()))
                            .awaitReply(),
                    parts[1]);
        }
        assertRefused(
                s.bob.runMessageCommandFromStaleClient(post.starterMessage(), "Capture as issue")
                        .awaitReply(),
                "capture issues");

        assertThat(s.record(a.number())).isEqualTo(beforeA);
        assertThat(s.record(b.number())).isEqualTo(beforeB);
        assertThat(s.rows(Tables.ISSUE)).isEqualTo(issues);
        assertThat(s.rows(Tables.RELEASE)).isZero();
        assertThat(s.rows(Tables.NAMING_POLL)).isZero();
        assertThat(s.issues().findByChannel(post.id())).isEmpty();
        assertThat(post.messages()).noneMatch(m -> m.fromBot());
        assertThat(s.team.messages()).noneMatch(m -> m.poll() != null);
    }

    @Test
    void aMembersPinAndPriorityReactionsAreIgnoredOrRemoved() {
        Captured c = s.capture(s.alice, "Iguana PDF export is blank", "The exported PDF is empty");
        Community.Record before = s.record(c.number());
        SimChannel post = s.bob.postInForum(s.support, "Iguana fonts look blurry", "Fonts are blurry");
        s.bob.react(post.starterMessage(), "📌");
        s.bob.react(c.card(), "🔥");
        s.bob.react(c.card(), "⬇️");
        s.sim.await(
                "the priority reactions removed",
                () -> !c.card().reactors("🔥").contains(s.bob.id())
                        && !c.card().reactors("⬇️").contains(s.bob.id()));
        // a round trip, so a capture from the pin would have happened by now
        Seen.ephemeral(s.bob, s.team, "issue show", Map.of("number", c.number()));
        assertThat(s.issues().findByChannel(post.id())).isEmpty();
        assertThat(s.bob.dmsFromBot()).isEmpty();
        assertThat(s.record(c.number())).isEqualTo(before);
        assertThat(s.issue(c.number()).priority()).isEqualTo(Priority.UNTRIAGED);
    }

    @Test
    void aMemberCannotDecideAHintAndTheHintStaysOpenForEngineers() {
        Captured c = s.capture(s.alice, "Jaguar sync conflicts on rename", "Renaming a jaguar file makes a conflict");
        SimChannel post = s.bob.postInForum(s.support, "Jaguar rename conflict", "Renaming jaguar files conflicts");
        SimMessage hint = s.team.awaitMessage(m -> m.fromBot() && m.content().contains("<#" + post.id() + ">"));
        Community.Record before = s.record(c.number());
        assertRefused(s.carol.pressButton(hint, "Link").awaitReply(), "link or ignore hints");
        assertRefused(s.carol.pressButton(hint, "Ignore").awaitReply(), "link or ignore hints");
        assertThat(s.record(c.number())).isEqualTo(before);
        assertThat(hint.buttons()).noneMatch(SimMessage.Button::disabled);
        assertThat(hint.content()).doesNotContain("Ignored").doesNotContain("Linked");
        s.olga.pressButton(hint, "Ignore").awaitUpdate();
        s.sim.await("the hint decided", () -> hint.content().contains("🙈 Ignored by"));
    }

    @Test
    void anEngineerWhoLostTheRoleCannotUseTheTriagePromptStillOnScreen() {
        SimMember ida = engineer("ida");
        SimChannel post = s.alice.postInForum(s.support, "Koala chart colours clash", "Red and green lines");
        SimInteraction submit =
                ida.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage first = submit.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured")) submit = ida.pressButton(first, "Create new issue");
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        SimMessage prompt = submit.awaitReply(m -> m.content().startsWith("**Triage #" + number + "**"));
        SimMessage decided =
                ida.pressButton(Captured.straightforward(ida, prompt), "Yes").awaitUpdate();
        assertThat(decided.selects()).isNotEmpty();
        Community.Record before = s.record(number);

        ida.removeRole(s.engineers);
        assertRefused(ida.pressButton(decided, "Done").awaitReply(), "triage issues");
        assertRefused(
                ida.selectOption(decided, "Raise it for a caveat…", "contributor_needs")
                        .awaitReply(),
                "triage issues");
        assertThat(s.record(number)).isEqualTo(before);
        assertThat(s.issue(number).priority()).isEqualTo(Priority.UNTRIAGED);
    }

    @Test
    void anEngineerWhoLostTheRoleCannotTriageFromADmPrompt() {
        SimMember jo = engineer("jo");
        SimChannel post = s.alice.postInForum(s.support, "Lemur avatars are pixelated", "Avatars look blocky");
        jo.react(post.starterMessage(), "📌");
        SimMessage prompt = jo.awaitDm(
                m -> m.content().startsWith("**Triage #") && m.content().contains("Lemur avatars"));
        int number = s.issues().findByChannel(post.id()).orElseThrow().number();
        Community.Record before = s.record(number);

        jo.removeRole(s.engineers);
        assertRefused(jo.pressButton(prompt, "Needs design").awaitReply(), "triage issues");
        assertThat(s.record(number)).isEqualTo(before);
        // and a 📌 from them now captures nothing
        SimChannel next = s.bob.postInForum(s.support, "Lemur icons missing", "No icons");
        jo.react(next.starterMessage(), "📌");
        Seen.ephemeral(jo, s.team, "issue show", Map.of("number", number));
        assertThat(s.issues().findByChannel(next.id())).isEmpty();
    }

    @Test
    void anEngineerWhoLostTheRoleCannotFinishACaptureAProposalOrARelease() {
        SimMember kim = engineer("kim");
        Captured c = s.capture(s.alice, "Mole search is slow", "Searching moles takes ten seconds");
        Community.Record before = s.record(c.number());
        int issues = s.rows(Tables.ISSUE);

        SimChannel post = s.bob.postInForum(s.support, "Mole search takes ages", "Searching moles is slow");
        SimModal captureModal = kim.runSlash(post, "capture").awaitModal();
        SimMessage choice = kim.runSlash(post, "capture")
                .awaitModal()
                .submit(Map.of("kind", "feature", "needs_docs", "no"))
                .awaitReply(m -> m.buttonLabels().contains("Create new issue"));
        SimModal propose = kim.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
                .awaitModal();
        SimModal notes = kim.runSlash(s.team, "release", Map.of("version", "7.7.7", "issues", "#" + c.number()))
                .awaitModal();
        SimMessage preview = kim.runSlash(s.team, "release", Map.of("version", "7.7.8", "issues", "#" + c.number()))
                .awaitModal()
                .submit(Map.of("notes", "Faster mole search", "snippet", ""))
                .awaitReply();
        assertThat(preview.buttonLabels()).containsExactly("Publish", "Cancel");

        kim.removeRole(s.engineers);
        assertRefused(
                captureModal
                        .submit(Map.of("kind", "feature", "needs_docs", "no"))
                        .awaitReply(),
                "capture issues");
        assertRefused(kim.pressButton(choice, "Link to #" + c.number()).awaitReply(), "capture issues");
        assertRefused(kim.pressButton(choice, "Create new issue").awaitReply(), "capture issues");
        assertRefused(propose.submit(Map.of("solution", "Index the moles")).awaitReply(), "propose solutions");
        assertRefused(notes.submit(Map.of("notes", "Mole release")).awaitReply(), "publish releases");
        assertRefused(kim.pressButton(preview, "Publish").awaitReply(), "publish releases");
        assertRefused(kim.pressButton(preview, "Cancel").awaitReply(), "publish releases");

        assertThat(s.record(c.number())).isEqualTo(before);
        assertThat(s.rows(Tables.ISSUE)).isEqualTo(issues);
        assertThat(s.issues().findByChannel(post.id())).isEmpty();
        assertThat(s.rows(Tables.PROPOSAL)).isZero();
        assertThat(s.rows(Tables.RELEASE)).isZero();
        assertThat(s.releases.messages()).isEmpty();
        assertThat(c.post().messages())
                .noneMatch(m -> m.fromBot() && m.content().contains("proposed solution"));
    }

    @Test
    void aMemberCannotTickTheDocsReviewList() {
        SimChannel post = s.alice.postInForum(s.support, "Newt onboarding copy is confusing", "Step 3 is unclear");
        Captured c = s.captureIn(post, Map.of("kind", "feature", "needs_docs", "yes"));
        SimMessage preview = s.erin.runSlash(s.team, "release", Map.of("version", "3.3.0", "issues", "#" + c.number()))
                .awaitModal()
                .submit(Map.of("notes", "Clearer onboarding", "snippet", ""))
                .awaitReply();
        s.erin.pressButton(preview, "Publish").awaitUpdate();
        SimMessage item = s.team.awaitMessage(m -> m.fromBot()
                && m.content().startsWith("📝")
                && m.content().contains("#" + c.number())
                && m.buttonLabels().contains("Reviewed"));
        assertRefused(s.bob.pressButton(item, "Reviewed").awaitReply(), "review docs and copy");
        assertThat(s.db.read(ctx -> ctx.fetch(Tables.DOCS_REVIEW_ITEM)).stream()
                        .allMatch(r -> r.getReviewedBy() == null))
                .isTrue();
        assertThat(item.buttonLabels()).containsExactly("Reviewed");
        List<String> reviewed =
                List.of(s.olga.pressButton(item, "Reviewed").awaitUpdate().content());
        assertThat(reviewed.getFirst()).contains("✅ Reviewed by <@" + s.olga.id() + ">");
    }
}
