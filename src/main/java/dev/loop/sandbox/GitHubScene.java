package dev.loop.sandbox;

import dev.loop.core.MovableClock;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.sim.github.GitHubIssueView;
import dev.loop.sim.github.SimRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same loop when the team works on GitHub: carol asks for PDF export, erin captures it (Loop opens its GitHub
 * issue), sam opens a pull request "Fixes #…" and carol hears that work started, the pull request is merged, sam
 * publishes a release on GitHub, its preview appears in #team, erin presses Publish, carol is told, and the docs and
 * copy review becomes a GitHub issue whose link the team gets. GitHub's side is narrated as notes; Discord's is
 * printed as people saw it.
 */
final class GitHubScene {

    /** The version released on GitHub. */
    static final String VERSION = "2.6.0";

    private static final Pattern CAPTURED = Pattern.compile("Captured \\*\\*#(\\d+)\\*\\*");

    /** What the scene left behind, for whoever checks it. */
    record Outcome(
            int issue,
            int githubIssue,
            int pull,
            SimMessage workingNotice,
            SimMessage preview,
            SimMessage shipNotice,
            SimMessage reviewLink,
            GitHubIssueView review) {}

    private final Community c;
    private final Narrator narrator;
    private final MovableClock clock;
    private final SimRepository repo;

    GitHubScene(Community community, Narrator narrator, MovableClock clock, SimRepository repo) {
        this.c = community;
        this.narrator = narrator;
        this.clock = clock;
        this.repo = repo;
    }

    Outcome play() {
        clock.advance(Duration.ofHours(20));
        narrator.scene("carol asks for PDF export; erin captures it, and Loop opens it on GitHub", clock.instant());
        SimChannel post = c.carol()
                .postInForum(
                        c.help(),
                        "Export boards as PDF",
                        "Our managers want the board as a PDF for the weekly meeting. Could export do PDF?",
                        "feature");
        narrator.act(c.erin(), "runs /capture in #help › " + post.name() + " and says it needs docs");
        SimInteraction submitted =
                c.erin().runSlash(post, "capture").awaitModal().submit(Map.of("kind", "feature", "needs_docs", "yes"));
        SimMessage first = submitted.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) submitted = c.erin().pressButton(first, "Create new issue");
        SimMessage captured = submitted.awaitReply(m -> m.content().startsWith("Captured **#"));
        Matcher m = CAPTURED.matcher(captured.content());
        if (!m.find()) throw new IllegalStateException("not captured: " + captured.content());
        int issue = Integer.parseInt(m.group(1));
        await(
                "the GitHub issue of #" + issue,
                Duration.ofSeconds(11),
                () -> githubIssue("Export boards as PDF").isPresent());
        GitHubIssueView gh = githubIssue("Export boards as PDF").orElseThrow();
        narrator.catchUp();
        narrator.note("(GitHub: " + repo.fullName() + " issue #" + gh.number() + " “" + gh.title()
                + "”, written by Loop, labelled " + String.join(", ", gh.labels()) + ")");

        clock.advance(Duration.ofHours(3));
        narrator.scene("sam opens a pull request on GitHub that fixes it", clock.instant());
        narrator.act(c.sam(), "opens pull request “Export boards as PDF” on GitHub: “Fixes #" + gh.number() + "”");
        int pull = repo.openPullRequest(
                "sam",
                "Export boards as PDF",
                "Fixes #" + gh.number() + "\n\nRenders the board with the print CSS.",
                false);
        SimMessage working = awaitMessage(
                post, "carol told work started", x -> x.fromBot() && x.content().contains("working on it now"));
        narrator.catchUp();

        clock.advance(Duration.ofHours(26));
        narrator.scene("the pull request is merged", clock.instant());
        narrator.act(c.erin(), "reviews and merges pull request #" + pull + " on GitHub");
        repo.mergePullRequest("erin", pull);
        await("#" + issue + " fixed", Duration.ofSeconds(11), () -> issueCardSays(post, issue, "Fixed"));
        narrator.catchUp();

        clock.advance(Duration.ofHours(20));
        narrator.scene("sam publishes release v" + VERSION + " on GitHub", clock.instant());
        narrator.act(
                c.sam(), "tags v" + VERSION + " and publishes the release “" + VERSION + "” on GitHub with its notes");
        repo.tag("v" + VERSION, repo.defaultBranch());
        repo.publishRelease(
                "v" + VERSION, VERSION, "Boards export to PDF.\n\n```\nFile › Export › PDF\n```\n", false, false);
        SimMessage preview = awaitMessage(
                c.team(),
                "the release preview in #team",
                x -> x.fromBot() && x.content().contains("was published on GitHub"));
        narrator.catchUp();

        clock.advance(Duration.ofMinutes(12));
        narrator.scene("erin presses Publish on the preview", clock.instant());
        narrator.act(c.erin(), "presses [Publish] in #team");
        c.erin().pressButton(preview, "Publish").awaitUpdate();
        SimMessage told = c.carol().awaitPing(x -> x.fromBot() && x.content().contains(VERSION));
        SimMessage link = awaitMessage(
                c.team(),
                "the docs review's link in #team",
                x -> x.fromBot() && x.content().contains("docs and copy to review for **" + VERSION));
        GitHubIssueView review =
                githubIssue("Docs and copy to review for v" + VERSION).orElseThrow();
        narrator.catchUp();
        long boxes = review.body().lines().filter(l -> l.startsWith("- [ ]")).count();
        narrator.note("(GitHub: issue #" + review.number() + " “" + review.title() + "”, labelled "
                + String.join(", ", review.labels()) + ", with " + boxes + " boxes to tick; #" + gh.number()
                + " got its ship comment and is closed)");
        return new Outcome(issue, gh.number(), pull, working, preview, told, link, review);
    }

    private java.util.Optional<GitHubIssueView> githubIssue(String title) {
        return repo.issues().stream().filter(i -> i.title().equals(title)).findFirst();
    }

    private boolean issueCardSays(SimChannel post, int issue, String status) {
        return post.messages().stream()
                .anyMatch(x -> x.fromBot()
                        && !x.embeds().isEmpty()
                        && x.embeds().getFirst().title().startsWith("#" + issue + " ")
                        && x.embeds().getFirst().field("Status") != null
                        && x.embeds().getFirst().field("Status").contains(status));
    }

    /** Waits for {@code done}, moving Loop's clock on by {@code step} each time so GitHub is read again. */
    private void await(String what, Duration step, BooleanSupplier done) {
        c.sim().await(what, () -> {
            if (done.getAsBoolean()) return true;
            clock.advance(step);
            return false;
        });
    }

    private SimMessage awaitMessage(SimChannel where, String what, java.util.function.Predicate<SimMessage> p) {
        await(what, Duration.ofSeconds(11), () -> where.messages().stream().anyMatch(p));
        List<SimMessage> found = where.messages().stream().filter(p).toList();
        return found.getLast();
    }
}
