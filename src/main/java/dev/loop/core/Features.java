package dev.loop.core;

import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.naming.NamingFeature;
import dev.loop.stats.StatsFeature;
import dev.loop.watch.WatchFeature;
import java.util.List;

/** The product: every feature Loop runs, constructed explicitly in one place. */
public final class Features {
    private Features() {
    }

    public static List<Feature> all(Services services) {
        IssueStore issues = new IssueStore(services.database());
        IssueActions actions = new IssueActions(issues, new IssueViews(services.config().timelines()),
                services.config(), services.clock());
        return List.of(
                new WatchFeature(services, issues, actions),
                new StatsFeature(services),
                new NamingFeature(services));
    }
}
