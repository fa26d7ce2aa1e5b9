package dev.loop.release;

import dev.loop.core.Database;
import dev.loop.core.Feature;
import dev.loop.core.Loop;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewPlace;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.sim.Sim;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimGuild;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import dev.loop.sim.SimRole;
import dev.loop.testing.Community;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A community in the simulator (support forum, team and releases channels, an engineer) and Loop running the
 * release feature against it, for the end-to-end tests. Issues are seeded straight into the record: capturing them
 * through Discord is another feature's test; here what matters is who asked and where.
 */
final class ReleaseWorld implements AutoCloseable {

    static final NoticeWorker.Options FAST =
            new NoticeWorker.Options(Duration.ofSeconds(1), 0.01, Duration.ofMillis(5));

    final Community c;
    final Sim sim;
    final SimGuild guild;
    final SimChannel support;
    final SimChannel team;
    final SimChannel releases;
    final SimRole engineers;
    final SimMember engineer;
    final Database db;
    final IssueStore issues;
    final ReleaseStore releaseStore;
    Loop loop;

    ReleaseWorld(String delivery) throws Exception {
        this(delivery, FAST);
    }

    ReleaseWorld(String delivery, NoticeWorker.Options options) throws Exception {
        c = Community.at("2026-11-02T10:00:00Z")
                .realClock()
                .forumTags("bug", "tracked", "shipped")
                // no global rate limit (tests that want one set it), and JDA sends as fast as it can instead of
                // pacing at Discord's 50 requests a second, so hundreds of notices take seconds, not minutes
                .sim(o -> o.globalRateLimit(0))
                .unpacedRest()
                .yaml("""
                        tags:
                          tracked: tracked
                          shipped: shipped
                        notices:
                          delivery: %s
                        reports:
                          weekly:
                            enabled: false
                          promises-daily:
                            enabled: false
                        """.formatted(delivery))
                .features(services -> {
                    IssueActions actions = new IssueActions(
                            new IssueStore(services.database()),
                            new IssueViews(services.config().timelines()),
                            services.config(),
                            services.clock());
                    return List.<Feature>of(new ReleaseFeature(services, actions, options));
                })
                .start();
        sim = c.sim;
        guild = c.guild;
        support = c.support;
        team = c.team;
        releases = c.releases;
        engineers = c.engineers;
        engineer = c.erin;
        db = c.db;
        issues = new IssueStore(db);
        releaseStore = new ReleaseStore(db, issues);
        loop = c.loop();
    }

    /** Starts Loop again on the same database. */
    void start() throws InterruptedException {
        c.start();
        loop = c.loop();
    }

    /** Stops Loop; the simulator and the database stay. */
    void stop() {
        c.stop();
        loop = null;
    }

    /** A forum post by {@code author} captured as an issue, with {@code others} linked from the same post. */
    Issue issue(String title, SimChannel post, SimMember author, List<SimMember> others, boolean needsDocs) {
        Instant t = Instant.now().minusSeconds(60);
        Issue issue = issues.create(
                new NewIssue(title, IssueKind.FEATURE, "summary of " + title, needsDocs, null, null),
                new NewPlace(
                        Place.PlaceKind.FORUM_POST,
                        guild.id(),
                        support.id(),
                        post.id(),
                        null,
                        post.jumpUrl(),
                        post.name()),
                List.of(author.id()),
                Requester.How.AUTHOR,
                List.of(),
                false,
                engineer.id(),
                t);
        long placeId = issues.places(issue.number()).getFirst().id();
        for (SimMember m : others)
            issues.addRequester(issue.number(), m.id(), Requester.How.LINK, placeId, engineer.id(), t);
        return issue;
    }

    /** Adds a requester with no thread of their own (pressed Me too on a card somewhere). */
    void meToo(Issue issue, SimMember member) {
        issues.addRequester(
                issue.number(),
                member.id(),
                Requester.How.ME_TOO,
                null,
                member.id(),
                Instant.now().minusSeconds(30));
    }

    /** Runs /release with issues as an engineer, fills the modal and returns the preview. */
    SimMessage preview(String version, String issuesTyped, String notes, String snippet) {
        SimModal modal = engineer.runSlash(team, "release", Map.of("version", version, "issues", issuesTyped))
                .awaitModal();
        return modal.submit(Map.of("notes", notes, "snippet", snippet)).awaitReply();
    }

    /** Runs the whole /release flow and presses Publish; returns the release once stored. */
    Release publish(String version, String issuesTyped) {
        SimMessage preview = preview(version, issuesTyped, "What's new in " + version, "loop --version");
        SimMessage done = engineer.pressButton(preview, "Publish").awaitUpdate();
        if (!done.content().startsWith("✅ Published")) throw new AssertionError("not published: " + done.content());
        return releaseStore.findByVersion(version).orElseThrow();
    }

    /** Waits until the release has nothing pending. */
    ReleaseStatus awaitDelivered(Release r) {
        sim.await("release " + r.version() + " delivered", () -> {
            ReleaseStatus s = releaseStore.status(releaseStore.find(r.id()).orElseThrow());
            return s.pending() == 0
                    && s.release().announcementState() != AnnouncementState.PENDING
                    && releaseStore.reviewItems(r.id()).stream().allMatch(i -> i.messageId() != null);
        });
        return releaseStore.status(releaseStore.find(r.id()).orElseThrow());
    }

    /** The bot's messages in a channel that mention the version. */
    static List<SimMessage> botMessages(SimChannel channel, String version) {
        return channel.messages().stream()
                .filter(SimMessage::fromBot)
                .filter(m -> m.content().contains(version))
                .toList();
    }

    @Override
    public void close() {
        c.close();
    }
}
