package dev.loop.app;

import dev.loop.capture.CaptureFeature;
import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.github.GitHubFeature;
import dev.loop.github.ReviewSource;
import dev.loop.github.ShipNotes;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueCommands;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.naming.NamingFeature;
import dev.loop.privacy.PrivacyFeature;
import dev.loop.release.NoticeWorker;
import dev.loop.release.ReleaseFeature;
import dev.loop.release.ReleaseStore;
import dev.loop.stats.StatsFeature;
import dev.loop.triage.TriageFeature;
import dev.loop.watch.WatchFeature;
import java.util.List;

/** The product: every feature Loop runs, constructed explicitly in one place. */
public final class Features {
    private Features() {}

    public static List<Feature> all(Services services) {
        return all(services, GitHubFeature.Tuning.DEFAULT);
    }

    /** The product with the GitHub sync's timing given (tests make it quicker). */
    public static List<Feature> all(Services services, GitHubFeature.Tuning github) {
        IssueStore store = new IssueStore(services.database());
        IssueViews views = new IssueViews(services.config().timelines());
        IssueActions actions = new IssueActions(store, views, services.config(), services.clock());
        TriageFeature triage = new TriageFeature(services, store, actions);
        // the ports between features: a capture starts triage; a recognised support thread is linked by capture
        // a capture also closes any "looks like #N" hint about its post (linking does so inside IssueActions)
        dev.loop.issue.IssueCaptured afterCapture = triage.afterCapture();
        CaptureFeature capture = new CaptureFeature(services, store, actions, (jda, issue, engineer, hook) -> {
            afterCapture.captured(jda, issue, engineer, hook);
            actions.threadTaken(jda, issue.number(), engineer, true);
        });
        ReleaseFeature release = new ReleaseFeature(services, store, actions, NoticeWorker.Options.DEFAULT);
        // GitHub sync adds /issue import to the kernel's /issue command when its section is present, and a release
        // published on GitHub becomes the /release preview in the team channel
        java.util.Optional<GitHubFeature> gitHub = services.config()
                .github()
                .map(settings -> new GitHubFeature(
                                services, store, actions, settings, shipNotes(services, store), release::offer, github)
                        .reviewsFrom(reviewSource(services, store))
                        .afterCapture(afterCapture));
        WatchFeature watch = new WatchFeature(services, store, capture::linkThread);
        actions.whenThreadTaken(watch.hintCloser());
        List<Feature> features = new java.util.ArrayList<>(List.of(
                new IssueCommands(
                                services,
                                store,
                                actions,
                                gitHub.map(GitHubFeature::issueSubcommands).orElse(List.of()))
                        .onKindSet(capture.afterKindSet()),
                new dev.loop.issue.RoadmapCommand(services, store),
                capture,
                triage,
                release,
                watch,
                new StatsFeature(services)
                        .withStatusLines(
                                () -> gitHub.map(GitHubFeature::progressLines).orElse(List.of())),
                new NamingFeature(services, store),
                new PrivacyFeature(services, triage.personErased())));
        gitHub.ifPresent(features::add);
        // /release-status links the docs/copy review issue the GitHub sync created
        gitHub.ifPresent(g -> release.reviewIssuesFrom(g::reviewIssueUrl));
        // /link takes a GitHub issue as a place when the sync is configured, and says it is not otherwise
        capture.onGitHubLink(gitHub.<dev.loop.capture.GitHubPlaces>map(g -> g::linkGitHubIssue)
                .orElse(dev.loop.capture.GitHubPlaces.NOT_CONFIGURED));
        return List.copyOf(features);
    }

    /** The releases whose docs and copy review goes to GitHub, read without the GitHub feature importing them. */
    private static ReviewSource reviewSource(Services services, IssueStore store) {
        ReleaseStore releases = new ReleaseStore(services.database(), store);
        long guild = services.config().discord().guildId();
        return new ReviewSource() {
            @Override
            public List<Long> releases() {
                return releases.reviewsOnGitHub();
            }

            @Override
            public void ticked(long releaseId, List<Tick> ticks, java.time.Instant seenAt) {
                releases.reviewTicked(
                        releaseId,
                        ticks.stream()
                                .map(t -> new dev.loop.release.ReviewTick(t.issueNumber(), t.ticked()))
                                .toList(),
                        seenAt);
            }

            @Override
            public java.util.Optional<Review> review(long releaseId) {
                return releases.find(releaseId)
                        .map(r -> new Review(
                                r.id(),
                                r.version(),
                                r.announcementMessageId() == null
                                        ? null
                                        : "https://discord.com/channels/" + guild + "/" + r.announcementChannelId()
                                                + "/" + r.announcementMessageId(),
                                r.publishedAt(),
                                releases.reviewItems(releaseId).stream()
                                        .filter(i -> !i.isAnnouncement())
                                        .map(i -> i.issueNumber())
                                        .toList()));
            }
        };
    }

    /** The ship comment's facts, read from the releases without the GitHub feature importing them. */
    private static ShipNotes shipNotes(Services services, IssueStore store) {
        ReleaseStore releases = new ReleaseStore(services.database(), store);
        long guild = services.config().discord().guildId();
        return version -> releases.findByVersion(version)
                .map(r -> new ShipNotes.ShipNote(
                        r.version(),
                        r.announcementMessageId() == null
                                ? null
                                : "https://discord.com/channels/" + guild + "/" + r.announcementChannelId() + "/"
                                        + r.announcementMessageId(),
                        r.snippet(),
                        r.publishedAt()));
    }
}
