package dev.loop.reliability;

import static dev.loop.testing.Community.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.TranscriptLine;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile text through the surfaces other than capture: proposals, release notes and snippets, naming votes, debug
 * details, search and autocomplete, versions and issue lists typed by hand. Mentions never ping (only the requesters
 * being told are pinged), code fences in a snippet cannot break its code block, an unclosed fence in prose cannot
 * swallow what follows, text too long gets a specific answer, and nothing crashes.
 */
@EndToEnd
class HostileTextTest {

    static final String FENCE = "```";

    @RegisterExtension
    static final Community s = Community.at("2026-11-09T10:00:00Z").build();

    String unit;
    /** Who may legitimately be pinged by something in this class: the requesters Loop tells. */
    final Set<Long> told = new HashSet<>();

    @BeforeAll
    void start() throws Exception {
        unit = "@everyone @here <@" + s.bob.id() + "> <@&" + s.engineers.id()
                + "> **bold** _it_ `code` ||spoiler|| "
                + "[link](https://example.com) # heading '; DROP TABLE issue; -- \" OR 1=1 🚀👩‍👩‍👧 مرحبا بالعالم "
                + "\u202Eevil\u202C ";
    }

    @AfterAll
    void stop() {
        // every message Loop sent in this class: nobody pinged but requesters being told
        List<SimMessage> all = Seen.botMessages(allChannels(), s.alice, s.bob, s.carol, s.erin, s.olga);
        Seen.assertPingsOnly(all, told);
    }

    List<SimChannel> allChannels() {
        List<SimChannel> out = new ArrayList<>(List.of(s.team, s.releases, s.help));
        out.addAll(s.support.threads());
        return out;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    /** The text outside the code blocks, when the prose is followed by one code block: before it and after it. */
    static String withoutCode(String text) {
        int first = text.indexOf("\n" + FENCE);
        int last = text.lastIndexOf("\n" + FENCE);
        return first < 0 ? text : text.substring(0, first) + text.substring(last + 1 + FENCE.length());
    }

    /** Shown text never carries a live mention. */
    static void assertNeutral(String shown) {
        assertThat(shown).doesNotContain("@everyone").doesNotContain("@here").doesNotContainPattern("<@&?\\d+>");
    }

    /** erin starts a naming vote on {@code proposal} (Wombat and Numbat the alternatives); what she alone sees. */
    SimMessage erinProposes(String proposal, String why) {
        return Seen.ephemeral(
                s.erin,
                s.team,
                "name",
                Map.of(
                        "proposal",
                        proposal,
                        "why",
                        why,
                        "alternative1",
                        "Wombat",
                        "like1",
                        "round",
                        "alternative2",
                        "Numbat",
                        "like2",
                        "striped"));
    }

    @Test
    void aHostileProposalPingsOnlyItsRequestersAndItsSnippetStaysOneCodeBlock() {
        Captured c = s.capture(s.alice, "Otter preview renders blank", "The otter preview is blank");
        s.bob.pressButton(c.card(), "Me too").awaitReply();
        told.add(s.alice.id());
        told.add(s.bob.id());
        // prose with one unclosed fence, and a snippet that tries to close its block and ping from outside it
        String solution = (fill(unit + "\n", 880) + FENCE + "never closed").strip();
        String snippet = fill(FENCE + "js\nalert('@everyone <@" + s.bob.id() + ">')\n" + FENCE + "\n", 400);
        SimMessage ack = s.erin.runSlash(c.post(), "issue propose", Map.of("number", c.number()))
                .awaitModal()
                .submit(Map.of("solution", solution, "snippet", snippet))
                .awaitReply();
        assertThat(ack.content())
                .isEqualTo("Proposed to the 2 requesters of **#" + c.number() + "**; their answers "
                        + "will show on the issue card.");

        SimMessage proposal =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("A proposed solution for"));
        assertThat(proposal.pinged()).containsExactlyInAnyOrder(s.alice.id(), s.bob.id());
        assertThat(proposal.pingedEveryone()).isFalse();
        assertThat(proposal.pingedRoles()).isEmpty();
        String text = proposal.content();
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).contains("@\u200Beveryone").contains("<@\u200B&" + s.engineers.id() + ">");
        // fences pair up: the snippet's block opens on its own line and closes right before the question
        assertThat(count(text, FENCE) % 2).as(text).isZero();
        assertThat(text)
                .contains("\n" + FENCE + "\n`\u200B`\u200B`js\nalert(")
                .endsWith("\n" + FENCE + "\nDoes this solve your problem? Only the people who asked can answer.");
        assertThat(proposal.buttonLabels()).containsExactly("Solves it", "Doesn't solve it");
    }

    @Test
    void aMembersMaskedLinkIsNotClickableInTheCardLoopPosts() {
        String body = "Login fails, see [the official fix](https://phish.example/steal?x=1) from <#" + s.team.id()
                + "> and </capture:1234>\n# URGENT\n> quoted\n- step one\n```\nstill prose";
        SimChannel post = s.alice.postInForum(s.support, "Wren login [help](https://phish.example/title)", body);
        s.bob.say(post, "same here, [download the patch](https://phish.example/patch.exe)");
        Captured c = s.captureIn(post, Map.of("kind", "bug", "needs_docs", "no"));
        told.add(s.alice.id());

        var card = c.card().embeds().getFirst();
        String description = card.description();
        // the URL is in plain sight, never behind a label; the layout markup is shown as typed
        assertThat(description)
                .doesNotContain("](")
                .contains("the official fix (<https://phish.example/steal?x=1>)")
                .contains("<#\u200B" + s.team.id() + ">")
                .contains("<\u200B/capture:1234>")
                .contains("\n\\# URGENT\n\\> quoted\n\\- step one\n")
                .doesNotContain("``");
        assertThat(card.title()).doesNotContain("](").contains("help (<https://phish.example/title>)");
        assertThat(c.reply().content()).doesNotContain("](");
        assertThat(c.prompt().content()).doesNotContain("](");
        for (SimMessage m : Seen.botMessages(List.of(post), s.alice, s.bob, s.erin)) {
            assertThat(m.content()).as(m.content()).doesNotContain("](");
            m.embeds().forEach(e -> assertThat(e.title() + e.description()).doesNotContain("]("));
        }
        // what the members wrote is kept as written in the record: only what Loop shows is made inert
        assertThat(s.issues().transcript(c.number()))
                .anySatisfy(
                        l -> assertThat(l.content()).contains("[download the patch](https://phish.example/patch.exe)"));
    }

    @Test
    void hostileReleaseNotesSnippetAndVersionAnnounceWithoutPingingAnyone() {
        Captured c = s.capture(s.carol, "Puma tabs reorder themselves", "Tabs jump around");
        told.add(s.carol.id());
        String version = "2.0 @everyone <@&" + s.engineers.id() + ">";
        String notes = fill(unit, 990) + FENCE;
        String snippet = fill(FENCE + "\nrm -rf / @everyone\n" + FENCE + "\n", 500);
        SimMessage preview = s.erin.runSlash(s.team, "release", Map.of("version", version, "issues", "#" + c.number()))
                .awaitModal()
                .submit(Map.of("notes", notes, "snippet", snippet))
                .awaitReply();
        assertNeutral(preview.content());
        assertThat(count(preview.embeds().getFirst().description(), FENCE) % 2).isZero();
        s.erin.pressButton(preview, "Publish").awaitUpdate();

        SimMessage announcement =
                s.releases.awaitMessage(m -> m.fromBot() && m.content().startsWith("🚀"));
        String text = announcement.content();
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertNeutral(withoutCode(text)); // inside a code block a mention is shown as typed and never rendered
        assertThat(announcement.pinged()).isEmpty();
        assertThat(count(text, FENCE) % 2).as(text).isZero();
        assertThat(text).contains("\n\n" + FENCE + "\n`\u200B`\u200B`\nrm -rf / @everyone\n`\u200B`\u200B`\n");
        SimMessage notice =
                c.post().awaitMessage(m -> m.fromBot() && m.content().contains("Shipped in **2.0"));
        assertThat(notice.pinged()).containsExactly(s.carol.id());
        assertNeutral(notice.content().replace("<@" + s.carol.id() + ">", ""));

        SimMessage status = Seen.ephemeral(s.erin, s.team, "release-status", Map.of("version", version));
        assertNeutral(status.content().replaceAll("<@" + s.erin.id() + ">", ""));
        SimMessage unknown = Seen.ephemeral(s.erin, s.team, "release-status", Map.of("version", "@everyone"));
        assertThat(unknown.content()).isEqualTo("There is no release @\u200Beveryone.");
    }

    @Test
    void anIssueListTypedAsAWallOfMentionsIsRefusedWithEveryMentionBroken() {
        String typed = fill("@everyone <@" + s.bob.id() + "> '; DROP TABLE issue; -- ", 6000);
        SimMessage refused = s.erin.runSlash(s.team, "release", Map.of("version", "3.0", "issues", typed))
                .awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content().length()).isLessThanOrEqualTo(2000);
        assertThat(refused.content()).startsWith("“@\u200Beveryone” is not an issue number; list issues like #3 #5.");
        assertNeutral(refused.content());
    }

    @Test
    void aHostileNamingVoteIsPostedInertAndAnOverlongOneIsRefusedByName() {
        String reason = fill(unit, 500).strip();
        SimMessage posted = Seen.ephemeral(
                s.erin,
                s.team,
                "name",
                Map.of(
                        "proposal",
                        "@everyone",
                        "alternative1",
                        "<@" + s.bob.id() + ">",
                        "alternative2",
                        "**Quokka** 🚀 مرحبا",
                        "why",
                        reason,
                        "like1",
                        reason,
                        "like2",
                        reason));
        assertThat(posted.content()).startsWith("Naming vote posted in <#" + s.team.id() + ">");
        SimMessage vote = s.team.awaitMessage(
                m -> m.fromBot() && m.poll() != null && m.content().contains("@\u200Beveryone"));
        assertNeutral(vote.content().replace("started by <@" + s.erin.id() + ">", ""));
        assertThat(vote.content().length()).isLessThanOrEqualTo(2000);
        assertThat(vote.poll().answers())
                .extracting(SimMessage.PollAnswer::text)
                .containsExactly("@everyone", "<@" + s.bob.id() + ">", "**Quokka** 🚀 مرحبا");
        assertThat(vote.pinged()).isEmpty();

        String longest = fill(unit, 6000); // the most a Discord string option holds
        SimMessage refused = erinProposes("Quokka", longest);
        assertThat(refused.content())
                .isEqualTo("`why` is " + longest.strip().length() + " characters long; keep it to 500.");
        SimMessage tooLongName = erinProposes(fill("🚀", 60), "rockets");
        assertThat(tooLongName.content()).startsWith("The proposal is ").endsWith("poll answers can be at most 55.");
    }

    @Test
    void twelveThousandCharactersOfHostileDebugDetailsAreStoredWholeAndEchoedNowhere() {
        SimChannel post = s.alice.postInForum(s.support, "Quail crash on startup", "Crashes at launch");
        Captured c = s.captureIn(post, Map.of("kind", "bug", "needs_docs", "no"));
        told.add(s.alice.id()); // asked for the details, by name
        SimMessage ask = post.awaitMessage(m -> m.fromBot() && m.content().contains("could you add"));
        String answer = fill(unit + "\n", 4000);
        SimMessage thanks = s.alice
                .pressButton(ask, "Add details")
                .awaitModal()
                .submit(Map.of("q0", answer, "q1", answer, "q2", answer))
                .awaitReply();
        assertThat(thanks.content()).isEqualTo("Thanks! Your details were added to **#" + c.number() + "**.");
        TranscriptLine stored = s.issues().transcript(c.number()).getLast();
        assertThat(stored.content().length()).isGreaterThan(12_000);
        assertThat(stored.content()).contains(answer.strip());
        SimMessage dm = s.erin.awaitDm(m -> m.content().contains("added debug details to **#" + c.number() + "**"));
        assertThat(dm.pinged()).isEmpty();
        assertThat(Seen.ephemeral(s.carol, s.team, "issue search", Map.of("query", "DROP TABLE bold spoiler"))
                        .embeds()
                        .getFirst()
                        .description())
                .contains("**#" + c.number() + "**");
    }

    @Test
    void searchAndAutocompleteTakeAnythingAndEchoNothingLive() {
        s.capture(s.alice, "Raccoon upload drops EXIF", "EXIF data is removed on upload");
        List<String> queries = List.of(
                "\"unterminated",
                "NEAR(raccoon upload)",
                "title:raccoon",
                "*",
                "^raccoon",
                "raccoon AND OR NOT",
                "'; DROP TABLE issue; --",
                "%_\\",
                "@everyone <@&" + s.engineers.id() + ">",
                "مرحبا",
                "🚀👩‍👩‍👧",
                "\u202Eevil\u202C",
                "(((",
                fill("raccoon ", 200));
        for (String q : queries) {
            SimMessage reply = Seen.ephemeral(s.bob, s.team, "issue search", Map.of("query", q));
            String shown = reply.content()
                    + (reply.embeds().isEmpty()
                            ? ""
                            : reply.embeds().getFirst().title()
                                    + reply.embeds().getFirst().description());
            assertThat(shown).as(q).doesNotContain("Something went wrong");
            assertNeutral(shown);
            assertThat(shown)
                    .as(q)
                    .satisfiesAnyOf(
                            t -> assertThat(t).contains("Raccoon upload drops EXIF"),
                            t -> assertThat(t).startsWith("No issue mentions"),
                            t -> assertThat(t).startsWith("Give me at least one word to search for"));
        }
        for (String typed : List.of("%", "_", "\\", "\"", "' OR 1=1 --", "#", "#9999999999999", "🚀", "\u0000")) {
            assertThat(s.bob.autocomplete(s.team, "issue show", "number", typed).awaitChoices())
                    .as(typed)
                    .isNotNull();
        }
        assertThat(s.bob.autocomplete(s.team, "issue show", "number", "raccoon").awaitChoices())
                .anySatisfy(ch -> assertThat(ch.name()).contains("Raccoon upload drops EXIF"));
    }
}
