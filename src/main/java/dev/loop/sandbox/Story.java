package dev.loop.sandbox;

import dev.loop.core.MovableClock;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The feedback loop played by the demo community, step by step: members ask, an engineer captures one question
 * and links another member's thread to it, triages it with the flowchart's buttons, a requester presses
 * <em>This blocks me</em>, the area's owner starts working on it, and a release ships it to everyone who asked; then
 * the process around it ({@link ProcessScenes}): a request that needs design, a naming vote and a goal.
 * Each step waits for what Loop should do (never for a fixed time) and then prints what people saw.
 */
public final class Story {

    /** The version the story releases. */
    public static final String VERSION = "2.5.0";

    private static final Pattern CAPTURED = Pattern.compile("Captured \\*\\*#(\\d+)\\*\\*");

    private final Community c;
    private final Narrator narrator;
    private final MovableClock clock;
    /** The GitHub side, when the story runs with the GitHub simulator. */
    private final GitHubScenes github;

    Story(Community community, Narrator narrator, MovableClock clock) {
        this(community, narrator, clock, null);
    }

    Story(Community community, Narrator narrator, MovableClock clock, SandboxGitHub github) {
        this.c = community;
        this.narrator = narrator;
        this.clock = clock;
        this.github = github == null ? null : new GitHubScenes(community, narrator, clock, github);
    }

    /** Moves Loop's clock on by {@code later}, then opens the scene. */
    private void scene(Duration later, String title) {
        clock.advance(later);
        narrator.scene(title, clock.instant());
    }

    /** The moments the story is about, for whoever wants to check them. */
    public record Outcome(
            int issue,
            SimChannel post,
            SimChannel thread,
            SimMessage card,
            SimMessage captured,
            SimMessage triaged,
            SimMessage lowNotice,
            SimMessage linked,
            SimMessage bumpAnnouncement,
            SimMessage highNotice,
            SimMessage blocksReply,
            SimMessage fixNowAlert,
            SimMessage working,
            SimMessage workingNotice,
            SimMessage published,
            SimMessage announcement,
            Map<SimMember, SimMessage> shipNotices) {}

    public Outcome play() {
        // 1 ------------------------------------------------------------------------------------------------------
        scene(Duration.ZERO, "Members ask for help");
        SimChannel post = c.alice()
                .postInForum(
                        c.help(),
                        "CSV export crashes on big boards",
                        "When I export a board with more than 500 cards the app freezes, then crashes. Small boards are fine.",
                        "bug",
                        "export");
        narrator.act(c.alice(), "opens a post in #help" + Narrator.tags(post));
        SimChannel question = c.carol()
                .postInForum(
                        c.help(),
                        "How do I invite my team?",
                        "I can't find where to add people to my workspace.",
                        "question");
        narrator.act(c.carol(), "opens a post in #help" + Narrator.tags(question));
        SimMessage asked = c.bob().say(c.support(), "Is CSV export broken? It crashes every time on our big board.");
        SimChannel thread = c.bob().startThread(asked, "CSV export crash");
        narrator.act(c.bob(), "starts a thread on his message in #support");
        c.bob().say(thread, "Version 2.4.1 on macOS, the board has about 800 cards.");
        narrator.catchUp();
        clock.advance(Duration.ofMinutes(20));
        c.erin().say(question, "Settings › Members › Invite. You can paste several emails at once.");
        narrator.catchUp();

        // 2 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofMinutes(20), "erin captures alice's post");
        c.erin().say(post, "Thanks alice, I can reproduce it with a 600-card board. Capturing it so we track it.");
        narrator.catchUp();
        narrator.act(c.erin(), "runs /capture in " + narrator.where(post));
        SimModal form = c.erin().runSlash(post, "capture").awaitModal();
        narrator.note("form «" + form.title() + "» opens, pre-filled from the post: " + describe(form));
        Map<String, String> answers = Map.of("kind", "bug", "needs_docs", "yes");
        narrator.act(c.erin(), "submits it with Kind: Bug, Needs docs or copy changes: Yes");
        SimInteraction submitted = form.submit(answers);
        SimMessage first = submitted.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) {
            narrator.act(c.erin(), "presses [Create new issue]");
            submitted = c.erin().pressButton(first, "Create new issue");
        }
        SimMessage captured = submitted.awaitReply(m -> m.content().startsWith("Captured **#"));
        Matcher m = CAPTURED.matcher(captured.content());
        if (!m.find()) throw new IllegalStateException("unexpected capture reply: " + captured.content());
        int n = Integer.parseInt(m.group(1));
        String ref = "**#" + n + "**";
        SimMessage prompt = submitted.awaitReply(r -> r.content().startsWith("**Triage #" + n + "**"));
        SimMessage card = post.awaitMessage(x -> x.fromBot()
                && !x.embeds().isEmpty()
                && x.embeds().getFirst().title() != null
                && x.embeds().getFirst().title().startsWith("#" + n + " "));
        SimMessage details =
                post.awaitMessage(x -> x.fromBot() && x.buttonLabels().contains("Add details"));
        c.sam().awaitDm(x -> x.content().contains(ref) && x.content().contains("your area"));
        c.sim().await("the post tagged tracked", () -> post.appliedTags().contains("tracked"));
        narrator.catchUp();
        narrator.note("(#help › " + post.name() + " is now tagged" + Narrator.tags(post) + ")");

        narrator.act(c.alice(), "presses [Add details] and answers the questions");
        SimModal detailsForm = c.alice().pressButton(details, "Add details").awaitModal();
        detailsForm
                .submit(Map.of("q0", "2.4.1", "q1", "Open a board with 600 cards, File › Export › CSV"))
                .awaitReply();
        c.erin().awaitDm(x -> x.content().contains("added debug details to " + ref));
        narrator.catchUp();

        // 3 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofMinutes(25), "erin triages #" + n + " with the flowchart");
        narrator.act(c.erin(), "answers “Is the solution straightforward?” with [Straightforward]");
        prompt = c.erin().pressButton(prompt, "Straightforward").awaitUpdate();
        for (int i = 0; i < 3; i++) {
            narrator.act(c.erin(), "answers No to “" + currentQuestion(prompt) + "”");
            prompt = c.erin().pressButton(prompt, "No").awaitUpdate();
        }
        narrator.act(c.erin(), "sees “Has it been brought up before?” answered from the record, and presses [Done]");
        SimMessage triaged = c.erin().pressButton(prompt, "Done").awaitUpdate();
        SimMessage lowNotice = post.awaitMessage(x -> x.fromBot()
                && x.content().contains("Update on " + ref)
                && x.content().contains("**Low**"));
        awaitCards(List.of(card), "Priority", "Low");
        narrator.catchUp();

        narrator.act(c.erin(), "runs /issue show number:" + n + " in #team and presses [Transcript]");
        SimMessage shown =
                c.erin().runSlash(c.team(), "issue show", Map.of("number", n)).awaitReply();
        c.erin().pressButton(shown, "Transcript").awaitReply();
        narrator.catchUp();
        narrator.act(c.erin(), "runs /issue edit number:" + n + " and adds what she found to the summary");
        SimModal edit =
                c.erin().runSlash(c.team(), "issue edit", Map.of("number", n)).awaitModal();
        edit.submit(Map.of("summary", edit.value("summary") + "\nHappens with boards of 600 cards or more."))
                .awaitReply();
        narrator.catchUp();

        // 4 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofHours(28), "bob's thread is the same problem: erin links it");
        c.erin().say(thread, "Thanks bob, that's the crash alice reported. Linking your thread to it.");
        narrator.catchUp();
        narrator.act(c.erin(), "runs /link issue:" + n + " in " + narrator.where(thread));
        SimMessage linked = c.erin()
                .runSlash(thread, "link", Map.of("issue", n))
                .awaitReply(x -> x.content().startsWith("Linked to"));
        SimMessage bump = c.team()
                .awaitMessage(x ->
                        x.fromBot() && x.content().contains(ref) && x.content().contains("brought up again"));
        SimMessage highNotice = awaitNotice(post, ref, "**High**");
        awaitNotice(thread, ref, "**High**");
        List<SimMessage> cards = List.of(card, linked);
        awaitCards(cards, "Requesters", "2");
        narrator.catchUp();

        narrator.act(c.dave(), "presses [Me too] on the card in " + narrator.where(post));
        c.dave().pressButton(card, "Me too").awaitReply();
        awaitCards(cards, "Requesters", "3");
        narrator.catchUp();

        // 5 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofMinutes(150), "alice is blocked");
        narrator.act(c.alice(), "presses [This blocks me] on the card");
        SimMessage blocks = c.alice().pressButton(card, "This blocks me").awaitReply();
        SimMessage alert = c.team()
                .awaitMessage(x ->
                        x.fromBot() && x.content().contains(ref) && x.content().contains("is now **Fix it now**"));
        awaitNotice(post, ref, "**Fix it now**");
        awaitNotice(thread, ref, "**Fix it now**");
        awaitCards(cards, "Priority", "Fix it now");
        narrator.catchUp();

        // 6 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofMinutes(16 * 60 + 35), "sam, who owns Export, starts working on it");
        narrator.act(c.sam(), "runs /issue working number:" + n + " in #team");
        SimMessage working = c.sam()
                .runSlash(c.team(), "issue working", Map.of("number", n))
                .awaitReply(x -> x.content().contains("is in progress"));
        SimMessage workingNotice =
                post.awaitMessage(x -> x.fromBot() && x.content().contains("Good news on " + ref));
        thread.awaitMessage(x -> x.fromBot() && x.content().contains("Good news on " + ref));
        awaitCards(cards, "Status", "In progress");
        narrator.catchUp();

        narrator.act(c.sam(), "runs /issue propose number:" + n + " in #team and describes the fix");
        c.sam()
                .runSlash(c.team(), "issue propose", Map.of("number", n))
                .awaitModal()
                .submit(Map.of("solution", "Stream the export row by row", "snippet", ""))
                .awaitReply();
        SimMessage proposal =
                post.awaitMessage(x -> x.fromBot() && x.content().contains("A proposed solution for " + ref));
        narrator.act(c.alice(), "presses [Doesn't solve it] and says what is still missing");
        c.alice()
                .pressButton(proposal, "Doesn't solve it")
                .awaitModal()
                .submit(Map.of("missing", "Big boards also need the comments column"))
                .awaitReply();
        c.sam().awaitDm(x -> x.content().contains("doesn't solve their problem"));
        narrator.act(c.alice(), "runs /roadmap to see what is coming");
        c.alice().runSlash(post, "roadmap").awaitReply();
        narrator.catchUp();

        int onGitHub = github == null ? 0 : github.onGitHub(n);

        // 7 ------------------------------------------------------------------------------------------------------
        scene(Duration.ofMinutes(29 * 60 + 50), "erin ships it in " + VERSION);
        narrator.act(c.erin(), "runs /release version:" + VERSION + " issues:#" + n + " in #team");
        SimModal releaseForm = c.erin()
                .runSlash(c.team(), "release", Map.of("version", VERSION, "issues", "#" + n))
                .awaitModal();
        String notes = "Big boards export to CSV again, and exports stream so they no longer freeze the app.";
        String snippet = "File › Export › CSV  (or: acme export --csv board.acme)";
        narrator.act(
                c.erin(), "fills in «" + releaseForm.title() + "»: notes “" + notes + "”, snippet “" + snippet + "”");
        SimMessage preview = releaseForm
                .submit(Map.of("notes", notes, "snippet", snippet))
                .awaitReply(x -> x.buttonLabels().contains("Publish"));
        narrator.catchUp();
        narrator.act(c.erin(), "presses [Publish]");
        SimMessage published = c.erin().pressButton(preview, "Publish").awaitUpdate();
        if (!published.content().startsWith("✅ Published")) {
            throw new IllegalStateException("the release was not published: " + published.content());
        }
        SimMessage announcement =
                c.releases().awaitMessage(x -> x.fromBot() && x.content().contains(VERSION));
        Map<SimMember, SimMessage> shipped = new LinkedHashMap<>();
        for (SimMember requester : List.of(c.alice(), c.bob(), c.dave())) {
            shipped.put(
                    requester,
                    requester.awaitPing(x -> x.fromBot() && x.content().contains(VERSION)));
        }
        // the announcement's review item, and one for the issue that needs docs (with GitHub: the review issue's link)
        c.sim()
                .await(
                        "the docs/copy review list",
                        () -> c.team().messages().stream()
                                        .filter(x -> x.fromBot()
                                                && x.content().startsWith("📝")
                                                && x.content().contains(VERSION))
                                        .count()
                                == (c.team().messages().stream()
                                                .anyMatch(x -> x.fromBot()
                                                        && x.content().contains("are GitHub issue #"))
                                        ? 1
                                        : 2));
        c.sim().await("the post tagged shipped", () -> post.appliedTags().contains("shipped"));
        awaitCards(cards, "Status", "Shipped");
        narrator.catchUp();
        narrator.note("(#help › " + post.name() + " is now tagged" + Narrator.tags(post) + ")");
        if (github != null) github.shipped(onGitHub, VERSION);
        new ProcessScenes(c, narrator, clock).play();

        return new Outcome(
                n,
                post,
                thread,
                card,
                captured,
                triaged,
                lowNotice,
                linked,
                bump,
                highNotice,
                blocks,
                alert,
                working,
                workingNotice,
                published,
                announcement,
                shipped);
    }

    /** Waits until every card shows {@code value} in {@code field}: cards are refreshed after the answer. */
    private void awaitCards(List<SimMessage> cards, String field, String value) {
        c.sim()
                .await(
                        "the cards showing " + field + " " + value,
                        () -> cards.stream()
                                .allMatch(m -> !m.embeds().isEmpty()
                                        && m.embeds().getFirst().field(field) != null
                                        && m.embeds().getFirst().field(field).contains(value)));
    }

    private SimMessage awaitNotice(SimChannel where, String ref, String priority) {
        return where.awaitMessage(x -> x.fromBot()
                && x.content().contains("Update on " + ref)
                && x.content().contains(priority));
    }

    /** The question a triage prompt is asking, e.g. "Is a user blocked by it?". */
    private static String currentQuestion(SimMessage prompt) {
        return prompt.content()
                .lines()
                .filter(l -> l.startsWith("**Question"))
                .map(l -> l.replaceFirst("^\\*\\*Question \\d+ of \\d+:\\*\\* ", ""))
                .findFirst()
                .orElse("the question");
    }

    /** A modal's fields and their pre-filled values, on one line. */
    private static String describe(SimModal form) {
        List<String> parts = new ArrayList<>();
        for (SimModal.Field f : form.fields()) {
            String v = f.value() == null ? "" : f.value().replace('\n', ' ');
            parts.add(f.label() + (v.isEmpty() ? "" : " “" + (v.length() > 40 ? v.substring(0, 39) + "…" : v) + "”"));
        }
        return parts.stream().collect(Collectors.joining(" · "));
    }
}
