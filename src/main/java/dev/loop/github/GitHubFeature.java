package dev.loop.github;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.config.GitHubSettings;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Members;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.TimelineNotice;
import dev.loop.issue.Told;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub sync as a feature: started only when the {@code github:} section is present. Once Discord is ready it runs
 * {@link GitHubSync#tick()} on its own thread (pacing waits there, never on the routines' thread), and shows each
 * issue's GitHub link on its card and in {@code /issue show}.
 */
public final class GitHubFeature implements Feature {

    private static final Logger log = LoggerFactory.getLogger(GitHubFeature.class);

    /** How often the worker looks for work, and how updates are coalesced. */
    public record Tuning(Duration tick, ExportTiming timing) {
        public static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(1), ExportTiming.DEFAULT);
    }

    private final Services services;
    private final IssueStore issues;
    private final IssueActions actions;
    private final GitHubSettings settings;
    private final ShipNotes shipNotes;
    private final Tuning tuning;
    private final GitHubStore store;
    private final PullStore pulls;
    private final ReleaseOffer releaseOffer;
    private final GitHubLinkStore linked;
    private final GitHubLinkCommand linkCommand;
    private final GitHubHints hints;
    private volatile GitHubSync sync;
    private ReviewSource reviewSource;
    private ScheduledExecutorService worker;

    public GitHubFeature(
            Services services,
            IssueStore issues,
            IssueActions actions,
            GitHubSettings settings,
            ShipNotes shipNotes,
            Tuning tuning) {
        this(services, issues, actions, settings, shipNotes, null, tuning);
    }

    /** With {@code releaseOffer}, releases published on GitHub become release previews in the team channel. */
    public GitHubFeature(
            Services services,
            IssueStore issues,
            IssueActions actions,
            GitHubSettings settings,
            ShipNotes shipNotes,
            ReleaseOffer releaseOffer,
            Tuning tuning) {
        this.releaseOffer = releaseOffer;
        this.issues = issues;
        this.services = services;
        this.actions = actions;
        this.settings = settings;
        this.shipNotes = shipNotes;
        this.tuning = tuning;
        this.store = new GitHubStore(services.database());
        this.pulls = new PullStore(services.database());
        this.linked = new GitHubLinkStore(services.database());
        this.linkCommand =
                new GitHubLinkCommand(settings, issues, actions, store, linked, () -> sync, services.clock());
        this.hints = new GitHubHints(
                settings,
                issues,
                actions,
                services.engineers(),
                store,
                linked,
                new GitHubHintStore(services.database()),
                linkCommand,
                () -> sync,
                services.config().hintMinScore(),
                services.clock());
        actions.views().showGitHubLinks(this::links);
    }

    /**
     * With {@code source}, each release published with its docs and copy review on GitHub gets its review issue, and
     * the team channel its link.
     */
    public GitHubFeature reviewsFrom(ReviewSource source) {
        this.reviewSource = source;
        return this;
    }

    /** A hint's Capture goes on as every capture does: {@code port} (triage) prompts the engineer who pressed it. */
    public GitHubFeature afterCapture(dev.loop.issue.IssueCaptured port) {
        hints.afterCapture(port);
        return this;
    }

    /**
     * {@code /link} with a GitHub issue ({@code #123} or its address): links it to issue {@code number} and returns
     * the answer; a {@link UserError} says exactly why not.
     */
    public String linkGitHubIssue(JDA jda, int number, String typed, long actor) {
        return linkCommand.link(jda, number, typed, actor);
    }

    /** What this feature adds to the kernel's {@code /issue}: {@code /issue import}. */
    public List<SubcommandData> issueSubcommands() {
        OptionData kind = new OptionData(OptionType.STRING, "kind", "What it is (default: bug)", false);
        for (IssueKind k : IssueKind.values()) kind.addChoice(k.label(), k.code());
        return List.of(new SubcommandData("import", "Make an issue record from an existing GitHub issue")
                .addOptions(
                        new OptionData(OptionType.STRING, "github", "Its number (#123) or its GitHub address", true)
                                .setMaxLength(300),
                        kind));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("issue import", this::importIssue).button(GitHubHints.PREFIX, hints::onButton);
    }

    private void importIssue(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "import GitHub issues");
        String typed = e.getOption("github", "", OptionMapping::getAsString);
        int number = GitHubRef.parse(typed, settings.repo())
                .orElseThrow(() -> new UserError("That is not an issue of " + settings.repo()
                        + ": give its number, like #123, or its GitHub address."));
        IssueKind kind = IssueKind.parse(e.getOption("kind", "bug", OptionMapping::getAsString))
                .orElse(IssueKind.BUG);
        GitHubSync s = sync;
        if (s == null) throw new UserError("The GitHub sync is still starting; try again in a moment.");
        e.deferReply(true).queue();
        GitHubImport importer = new GitHubImport(
                issues,
                store,
                (n, id, login) -> actions.addGitHubRequester(e.getJDA(), n, id, login),
                services.clock());
        GitHubImport.Outcome outcome;
        try {
            outcome =
                    s.withGateway(g -> importer.run(g, number, kind, e.getUser().getIdLong()));
        } catch (GitHubGateway.GitHubFailure f) {
            log.info("Importing GitHub #{} failed: {}", number, f.getMessage());
            throw new UserError(
                    "GitHub did not answer as expected, so nothing was imported; try again in a few " + "minutes.");
        }
        switch (outcome) {
            case GitHubImport.Outcome.AlreadyTracked t ->
                throw new UserError(
                        "GitHub #" + t.githubNumber() + " is already the GitHub issue of #" + t.loopNumber() + ".");
            case GitHubImport.Outcome.NotFound n ->
                throw new UserError(settings.repo() + " has no issue #" + n.githubNumber() + ".");
            case GitHubImport.Outcome.PullRequest p ->
                throw new UserError("GitHub #" + p.githubNumber() + " is a pull request, not an issue.");
            case GitHubImport.Outcome.Imported i -> {
                String people = i.requesters() == 1 ? "1 GitHub requester" : i.requesters() + " GitHub requesters";
                var view = issues.card(i.issue().number()).orElseThrow();
                e.getHook()
                        .sendMessage(new MessageCreateBuilder()
                                .setContent("Imported GitHub #" + i.githubNumber() + " as #"
                                        + i.issue().number() + " "
                                        + Safe.inline(i.issue().title(), 150) + ", with " + people + ".")
                                .setEmbeds(actions.views().card(view))
                                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                                .build())
                        .setEphemeral(true)
                        .queue();
            }
        }
    }

    /**
     * How far the export has come, for /stats: "GitHub: 340 of 1,000 issues exported." (turning sync on for a
     * database with many issues exports them gradually, oldest open first).
     */
    public List<String> progressLines() {
        GitHubStore.Progress p = store.progress();
        return List.of(progressLine(p.onGitHub(), p.total()));
    }

    static String progressLine(int onGitHub, int total) {
        return onGitHub >= total
                ? "GitHub: all " + String.format(java.util.Locale.US, "%,d", total) + " issues exported."
                : String.format(java.util.Locale.US, "GitHub: %,d of %,d issues exported.", onGitHub, total);
    }

    /** The address of a release's docs and copy review issue, once it is on GitHub (for /release-status). */
    public Optional<String> reviewIssueUrl(long releaseId) {
        return ReviewTicks.url(services.database(), releaseId);
    }

    /** The sync, once started (for /stats and tests). */
    public Optional<GitHubSync> sync() {
        return Optional.ofNullable(sync);
    }

    @Override
    public void onReady(JDA jda) {
        Config config = services.config();
        Guild guild = jda.getGuildById(config.discord().guildId());
        sync = new GitHubSync(
                settings,
                issues,
                store,
                () -> Hub4jGateway.connect(
                        settings.apiUrl(), settings.token().value(), settings.repo(), services.clock()),
                services.clock(),
                tuning.timing(),
                id -> displayName(guild, id),
                actions.views()::timeline,
                shipNotes,
                (number, githubId, login) -> actions.addGitHubRequester(jda, number, githubId, login),
                config.areas().stream().map(Config.Area::name).toList(),
                number -> actions.refreshCards(jda, number),
                new PullSync(
                        settings,
                        issues,
                        pulls,
                        services.clock(),
                        number -> tellWorkStarted(jda, number),
                        number -> actions.refreshCards(jda, number)),
                releaseOffer == null
                        ? null
                        : new ReleaseWatch(
                                services.database(),
                                issues,
                                pulls,
                                releaseOffer,
                                services.clock(),
                                settings.includePrereleases()),
                d -> Thread.sleep(d));
        if (reviewSource != null)
            sync.reviews(new ReviewIssues(
                    services.database(),
                    issues,
                    store,
                    reviewSource,
                    settings,
                    (release, version, number, url) -> ReviewNotice.tell(jda, config, release, version, number, url),
                    services.clock()));
        hints.postWith(message -> {
            var team = jda.getChannelById(
                    net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class,
                    config.channels().team());
            if (team == null) throw new IllegalStateException("the team channel is not visible to Loop");
            return team.sendMessage(message).complete().getIdLong();
        });
        sync.pollAlso(
                linked::active,
                reviewSource == null
                        ? List.of(hints)
                        : List.of(hints, new ReviewTicks(services.database(), reviewSource, services.clock())));
        sync.shipToLinked(linked);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loop-github");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, tuning.tick().toMillis());
        GitHubSync running = sync;
        worker.scheduleWithFixedDelay(
                () -> {
                    try {
                        running.tick();
                    } catch (Throwable t) { // a scheduled task that throws is never run again
                        log.error("GitHub sync round failed", t);
                    }
                },
                0,
                every,
                TimeUnit.MILLISECONDS);
        log.info("GitHub sync of {} started", settings.repo());
    }

    /** As {@code /issue working} tells them, once a pull request started the work. */
    private boolean tellWorkStarted(JDA jda, int number) {
        Issue issue = issues.find(number).orElse(null);
        if (issue == null) return true;
        Told told = actions.tellRequesters(jda, number, TimelineNotice.working(issue));
        if (told.addressed() > 0)
            issues.addHistory(
                    number, null, "notice", "requesters told work has started (" + told.people() + ")", actions.now());
        return true;
    }

    /** The card's GitHub field: the issue's address and the pull requests working on it. */
    private Optional<String> links(int number) {
        Optional<String> issue = store.url(number);
        List<PullStore.Row> prs = pulls.ofIssue(number);
        if (issue.isEmpty() && prs.isEmpty()) return Optional.empty();
        StringBuilder s = new StringBuilder(issue.orElse(""));
        for (PullStore.Row r : prs) {
            if (!s.isEmpty()) s.append('\n');
            s.append("Pull request ")
                    .append(r.url())
                    .append(" (")
                    .append(r.state().code())
                    .append(')');
        }
        return Optional.of(s.toString());
    }

    private static String displayName(Guild guild, long id) {
        Member m = Members.find(guild, id);
        return m != null ? m.getEffectiveName() : "a Discord member";
    }

    /**
     * Stops after the request in flight, without interrupting it (an interrupted HTTP call can leave a broken pooled
     * connection behind), and waits for the worker to leave, so a Loop started next on the same database never shares
     * it with this one. Whatever is left undone is in the state table for the next start.
     */
    @Override
    public void close() {
        if (worker == null) return;
        GitHubSync running = sync;
        if (running != null) running.stop();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The GitHub sync worker did not stop in 10 s; interrupting it");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
