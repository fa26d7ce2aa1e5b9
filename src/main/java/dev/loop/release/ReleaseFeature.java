package dev.loop.release;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The release feature: its commands and routes — /release ({@link ReleaseCommand}), /release-status and the Reviewed
 * buttons of the docs/copy checklist ({@link PublishedReleases}), the previews offered from GitHub
 * ({@link ReleaseOffers}, {@link OfferEditing}) — and the delivery worker's lifecycle. The Discord side only parses,
 * checks the engineer role and renders; the release itself is {@link ReleaseStore#publish one transaction} and
 * everything sent afterwards is the {@link NoticeWorker}'s.
 */
public final class ReleaseFeature implements Feature {

    static final String COMMAND = "release";
    static final String STATUS_COMMAND = "release-status";
    static final String PICK = ReleaseIds.PICK;
    static final String TEXT = ReleaseIds.TEXT;
    static final String PUBLISH = ReleaseIds.PUBLISH;
    static final String CANCEL = ReleaseIds.CANCEL;
    static final String REVIEW = ReleaseIds.REVIEW;

    private final Services services;
    private final Config config;
    private final IssueActions actions;
    private final ReleaseStore store;
    private final NoticeWorker.Options workerOptions;
    private volatile NoticeWorker worker;
    private final IssueStore issues;
    private final PublishedReleases published;
    private final ReleaseOffers offers;
    private final OfferEditing offerEditing;
    private final ReleaseCommand command;

    public ReleaseFeature(Services services, IssueActions actions) {
        this(services, actions, NoticeWorker.Options.DEFAULT);
    }

    public ReleaseFeature(Services services, IssueActions actions, NoticeWorker.Options workerOptions) {
        this(services, new IssueStore(services.database()), actions, workerOptions);
    }

    public ReleaseFeature(
            Services services, IssueStore issues, IssueActions actions, NoticeWorker.Options workerOptions) {
        this.services = services;
        this.config = services.config();
        this.actions = actions;
        this.issues = issues;
        this.store = new ReleaseStore(services.database(), issues);
        this.workerOptions = workerOptions;
        this.published = new PublishedReleases(services, store);
        this.offers = new ReleaseOffers(
                services.database(),
                issues,
                store,
                services.clock(),
                config.channels().team(),
                this::mode,
                config.github().map(g -> g.autoPublish()).orElse(false),
                config.github().isPresent(),
                () -> {
                    NoticeWorker w = worker;
                    if (w != null) w.wake();
                });
        this.offerEditing = new OfferEditing(offers, store);
        this.command = new ReleaseCommand(services, issues, actions, store, this::mode, () -> {
            NoticeWorker w = worker;
            if (w != null) w.wake();
        });
    }

    /**
     * Offers a release preview in the team channel (a release published on GitHub); offering the same {@code key}
     * again changes nothing.
     */
    public void offer(String key, String version, List<Integer> numbers, String notes, String snippet) {
        offers.offer(key, version, numbers, notes, snippet);
    }

    /** With GitHub: where each release's docs/copy review issue is, for /release-status. */
    public void reviewIssuesFrom(java.util.function.LongFunction<java.util.Optional<String>> urls) {
        published.reviewIssuesFrom(urls);
    }

    public ReleaseStore store() {
        return store;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                EngineerCommands.hidden(Commands.slash(
                                COMMAND, "Publish a release: ship issues, announce it and tell everyone who asked"))
                        .addOptions(
                                new OptionData(OptionType.STRING, "version", "The version, like 1.4.0", true)
                                        .setMaxLength(ReleaseRules.MAX_VERSION),
                                new OptionData(
                                        OptionType.STRING,
                                        "issues",
                                        "Issues it ships, like #3 #5 (leave out to pick from a list)",
                                        false,
                                        true)),
                EngineerCommands.hidden(Commands.slash(
                                STATUS_COMMAND, "How a release's notices went: delivered, fell back, failed"))
                        .addOptions(new OptionData(OptionType.STRING, "version", "The version", true, true)));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash(COMMAND, command::release)
                .autocomplete(COMMAND, "issues", command::completeIssues)
                .select(PICK, command::picked)
                .modal(TEXT, command::text)
                .button(PUBLISH, command::publish)
                .button(CANCEL, command::cancel)
                .button(REVIEW, published::reviewed)
                .slash(STATUS_COMMAND, published::status)
                .autocomplete(STATUS_COMMAND, "version", published::completeVersions)
                .button(ReleaseIds.OFFER_PUBLISH, e -> {
                    services.engineers().require(e.getMember(), "publish releases");
                    offers.publish(e);
                })
                .button(ReleaseIds.OFFER_EDIT, e -> {
                    services.engineers().require(e.getMember(), "publish releases");
                    offerEditing.open(e);
                })
                .modal(ReleaseIds.OFFER_FORM, e -> {
                    services.engineers().require(e.getMember(), "publish releases");
                    offerEditing.submitted(e);
                })
                .button(ReleaseIds.OFFER_CANCEL, e -> {
                    services.engineers().require(e.getMember(), "publish releases");
                    offers.cancel(e);
                });
    }

    @Override
    public void onReady(JDA jda) {
        NoticeWorker w = new NoticeWorker(
                store,
                new JdaCourier(jda, config.discord().guildId()),
                services.clock(),
                config.channels().releases(),
                config.channels().team(),
                blankToNull(config.tags().shipped()),
                blankToNull(config.tags().tracked()),
                workerOptions);
        worker = w;
        w.start();
        offers.ready(jda);
    }

    @Override
    public void close() {
        NoticeWorker w = worker;
        if (w != null) w.close();
    }

    // ---------------------------------------------------------------- helpers

    private DeliveryMode mode() {
        return config.noticeMode() == Config.NoticeMode.DM ? DeliveryMode.DM : DeliveryMode.THREAD;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
