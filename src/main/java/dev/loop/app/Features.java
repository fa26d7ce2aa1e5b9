package dev.loop.app;

import dev.loop.capture.CaptureFeature;
import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueCommands;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.naming.NamingFeature;
import dev.loop.release.NoticeWorker;
import dev.loop.release.ReleaseFeature;
import dev.loop.stats.StatsFeature;
import dev.loop.triage.TriageFeature;
import dev.loop.watch.WatchFeature;
import java.util.List;

/** The product: every feature Loop runs, constructed explicitly in one place. */
public final class Features {
    private Features() {}

    public static List<Feature> all(Services services) {
        IssueStore store = new IssueStore(services.database());
        IssueViews views = new IssueViews(services.config().timelines());
        IssueActions actions = new IssueActions(store, views, services.config(), services.clock());
        TriageFeature triage = new TriageFeature(services, store, actions);
        // the ports between features: a capture starts triage; a recognised support thread is linked by capture
        CaptureFeature capture = new CaptureFeature(services, store, actions, triage.afterCapture());
        return List.of(
                new IssueCommands(services, store, actions),
                capture,
                triage,
                new ReleaseFeature(services, store, actions, NoticeWorker.Options.DEFAULT),
                new WatchFeature(services, store, capture::linkThread),
                new StatsFeature(services),
                new NamingFeature(services));
    }
}
