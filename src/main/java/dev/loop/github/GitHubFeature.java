package dev.loop.github;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.TimelineNotice;
import dev.loop.issue.Told;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
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
    private volatile GitHubSync sync;
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
        actions.views().showGitHubLinks(this::links);
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
                        : new ReleaseWatch(services.database(), issues, pulls, releaseOffer, services.clock()),
                d -> Thread.sleep(d));
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loop-github");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, tuning.tick().toMillis());
        worker.scheduleWithFixedDelay(sync::tick, 0, every, TimeUnit.MILLISECONDS);
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
        Member m = guild == null ? null : guild.getMemberById(id);
        return m != null ? m.getEffectiveName() : "a Discord member";
    }

    /** Stops at once: whatever was in flight is found again from the state table at the next start. */
    @Override
    public void close() {
        if (worker != null) worker.shutdownNow();
    }
}
