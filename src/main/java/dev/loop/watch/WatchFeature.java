package dev.loop.watch;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.issue.IssueStore;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** Watching the support channels, {@code /inbox}, and the "looks like #N" hints. */
public final class WatchFeature implements Feature {

    /** Threads listed in full by /inbox at most; the rest are counted. */
    static final int INBOX_THREADS = 40;

    private final Services services;
    private final SupportThreadStore threads;
    private final IssueStore issues;
    private final SimilarityHints hints;
    private final SupportWatcher watcher;
    private final Nudges nudges;
    private java.util.concurrent.ScheduledFuture<?> nudging;

    /** {@code linker} links a post to an issue as /link does (capture provides it). */
    public WatchFeature(Services services, IssueStore issues, PostLinker linker) {
        this.services = services;
        this.issues = issues;
        this.threads = new SupportThreadStore(services.database());
        this.hints = new SimilarityHints(
                services.config(),
                services.engineers(),
                new HintStore(services.database()),
                threads,
                issues,
                linker,
                services.clock());
        this.watcher = new SupportWatcher(
                services.config(), services.engineers(), threads, hints, services.clock(), services.workers());
        this.nudges = new Nudges(services.config(), threads, new NudgeStore(services.database()));
    }

    /** Threads waiting too long: the team-channel list and the owners' DMs (checked every minute). */
    public Nudges nudges() {
        return nudges;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(EngineerCommands.hidden(
                Commands.slash("inbox", "Support threads no engineer has answered yet, and promises past due")));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("inbox", this::inbox);
        router.button(SimilarityHints.PREFIX, hints::onButton);
    }

    @Override
    public List<EventListener> listeners() {
        return List.of(watcher);
    }

    @Override
    public void onReady(JDA jda) {
        nudges.ready(jda);
        if (nudging == null) {
            nudging = services.scheduler()
                    .scheduleAtFixedRate(
                            () -> {
                                try {
                                    nudges.runDue(services.clock().instant());
                                } catch (RuntimeException e) {
                                    org.slf4j.LoggerFactory.getLogger(WatchFeature.class)
                                            .warn("Nudging about waiting threads failed", e);
                                }
                            },
                            60,
                            60,
                            java.util.concurrent.TimeUnit.SECONDS);
        }
        services.workers().execute(() -> {
            try {
                watcher.catchUp(jda);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WatchFeature.class).warn("Support catch-up failed", e);
            }
        });
    }

    @Override
    public void close() {
        if (nudging != null) nudging.cancel(false);
        watcher.close();
    }

    /**
     * A post captured or linked by any route (wired to the issue kernel): its hints close, and the engineer's action
     * counts as the team's response for /inbox and the first-reply KPI.
     */
    public dev.loop.issue.ThreadTaken hintCloser() {
        return (jda, number, actor, captured) -> {
            java.time.Instant at = services.clock().instant();
            for (dev.loop.issue.Place place : issues.places(number)) {
                if (place.channelId() != null) watcher.answeredThroughLoop(place.channelId(), actor, at);
            }
            hints.threadTaken(jda, number, actor, captured);
        };
    }

    public SupportWatcher watcher() {
        return watcher;
    }

    private void inbox(SlashCommandInteractionEvent event) {
        services.engineers().require(event.getMember(), "see the inbox");
        String text = InboxView.render(
                threads.unanswered(INBOX_THREADS),
                threads.countUnanswered(),
                issues.promisesPastDue(services.clock().instant()));
        event.reply(Replies.text(text)).setEphemeral(true).queue();
    }
}
