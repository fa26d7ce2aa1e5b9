package dev.loop.watch;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Channels;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Requester;
import dev.loop.issue.search.DuplicateSearch;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SearchHit;
import dev.loop.issue.search.SimilarityRanking;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "New post … looks like #N" hints in the team channel, and their <b>Link</b> / <b>Ignore</b> buttons. Link does what
 * {@code /link} does (place, the post's author as requester, transcript, /link's answer in the post) through the
 * {@link PostLinker} capture provides. The first
 * engineer to decide wins; the buttons are then disabled and the message says who decided.
 */
public final class SimilarityHints {

    private static final Logger log = LoggerFactory.getLogger(SimilarityHints.class);
    public static final String PREFIX = "hint";

    /**
     * {@code hint:<link|ignore>:<hint>}. The hint's state guards a second press: only an open hint can be decided,
     * and a Link checks the issue as it is now.
     */
    static final Shape BUTTON = Shape.of(PREFIX, "That button is not in use any more.", Kind.WORD, Kind.ID)
            .words("link", "ignore");

    public static final String LINK = "Link";
    public static final String IGNORE = "Ignore";
    /** How many full-text hits are ranked before scoring. */
    static final int SEARCH_LIMIT = 10;

    private final Config config;
    private final Engineers engineers;
    private final HintStore hints;
    private final SupportThreadStore threads;
    private final IssueStore issues;
    private final PostLinker linker;
    private final HintMatcher matcher;
    private final Clock clock;
    /** Threads already considered in this process: a post is matched once. */
    private final Set<Long> considered = ConcurrentHashMap.newKeySet();

    public SimilarityHints(
            Config config,
            Engineers engineers,
            HintStore hints,
            SupportThreadStore threads,
            IssueStore issues,
            PostLinker linker,
            Clock clock) {
        this.config = config;
        this.engineers = engineers;
        this.hints = hints;
        this.threads = threads;
        this.issues = issues;
        this.linker = linker;
        this.matcher = HintMatcher.withMinScore(config.hintMinScore());
        this.clock = clock;
    }

    // ---------------------------------------------------------------- posting

    /**
     * Matches a new support post against the open issues and posts a hint when one is close enough. {@code body} is
     * the post's first message; null reads it from Discord. Blocking: call on a worker. Never throws.
     */
    public void considerNewPost(ThreadChannel thread, SupportThread post, String body) {
        if (!considered.add(post.threadId())) return;
        try {
            threads.record(post); // the hint row refers to it
            if (issues.findByChannel(post.threadId()).isPresent() || hints.hinted(post.threadId())) return;
            String text = body != null ? body : starterContent(thread);
            if (text.isBlank()) {
                // the post's first message is not readable yet (a post made while Loop was starting, read by the
                // catch-up between its thread and its message): match the title alone but leave the post
                // unconsidered, so the author's message matches it again with its words instead of losing the hint
                considered.remove(post.threadId());
            }
            Optional<FtsQuery> query = HintMatcher.query(post.title(), text);
            if (query.isEmpty()) return;
            List<SimilarityRanking.Candidate> candidates = new DuplicateSearch(issues)
                    .openIssuesLike(query.get(), SEARCH_LIMIT).stream()
                            .map(SimilarityHints::candidate)
                            .toList();
            Optional<HintMatcher.Match> match = matcher.best(query.get(), candidates, Set.of());
            if (match.isEmpty()) return;
            Optional<Hint> hint = hints.create(post.threadId(), match.get().number(), clock.instant());
            if (hint.isEmpty()) return;
            post(thread.getJDA(), hint.get(), match.get());
        } catch (RuntimeException e) {
            log.warn("Matching support post {} failed: {}", post.threadId(), e.toString());
        }
    }

    /** Whether the post was already matched in this process (or is being matched). */
    boolean considered(long threadId) {
        return considered.contains(threadId);
    }

    private void post(JDA jda, Hint hint, HintMatcher.Match match) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible to Loop; hint dropped",
                    config.channels().team());
            hints.delete(hint.id());
            return;
        }
        try {
            Message sent = team.sendMessage(hintMessage(hint, match.title())).complete();
            hints.setMessage(hint.id(), sent.getIdLong());
        } catch (RuntimeException e) {
            hints.delete(hint.id());
            throw e;
        }
    }

    private static String starterContent(ThreadChannel thread) {
        try {
            Message m = thread.getParentChannel().getType() == ChannelType.FORUM
                    ? thread.retrieveStartMessage().complete()
                    : thread.retrieveParentMessage().complete();
            return m.getContentRaw();
        } catch (RuntimeException e) {
            log.debug("No starter message for {}: {}", thread.getId(), e.toString());
            return "";
        }
    }

    private static SimilarityRanking.Candidate candidate(SearchHit h) {
        return new SimilarityRanking.Candidate(
                h.issue().number(), h.issue().title(), h.issue().status(), h.score());
    }

    static String hintText(Hint hint, String issueTitle) {
        return "🔎 New post <#" + hint.threadId() + "> looks like **#" + hint.issueNumber() + "** "
                + Safe.inline(issueTitle, 150);
    }

    static MessageCreateData hintMessage(Hint hint, String issueTitle) {
        return new MessageCreateBuilder()
                .setContent(hintText(hint, issueTitle))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(buttons(hint.id(), false))
                .build();
    }

    static ActionRow buttons(long hintId, boolean disabled) {
        return ActionRow.of(
                Button.success(BUTTON.id("link", hintId), LINK).withDisabled(disabled),
                Button.secondary(BUTTON.id("ignore", hintId), IGNORE).withDisabled(disabled));
    }

    static MessageEditData decided(long hintId, String original, String outcome) {
        return new MessageEditBuilder()
                .setContent(Safe.truncate(original + "\n" + outcome, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(buttons(hintId, true))
                .build();
    }

    // ---------------------------------------------------------------- buttons

    /** {@code hint:link:<id>} and {@code hint:ignore:<id>}. */
    public void onButton(ButtonInteractionEvent event) {
        engineers.require(event.getMember(), "link or ignore hints");
        ComponentId button = BUTTON.parse(event.getComponentId()).orRefuse();
        long id = button.id(1);
        Hint hint = hints.find(id).orElseThrow(() -> new UserError("That hint no longer exists."));
        if (hint.state() != Hint.State.OPEN) throw new UserError(alreadyDecided(hint));
        Optional<Issue> taken = issues.findByChannel(hint.threadId());
        if (taken.isPresent()) {
            // linked or captured another way while the hint waited (or before this hint was closed for it): close it
            // now and post nothing in the member's post
            resolve(event.getJDA(), hint, taken.get().number(), null, false);
            throw new UserError("That post is already " + taken.get().ref() + ", so the hint is closed.");
        }
        long engineer = event.getUser().getIdLong();
        if (button.field(0).equals("link")) {
            link(event, hint, engineer);
        } else {
            ignore(event, hint, engineer);
        }
    }

    private void ignore(ButtonInteractionEvent event, Hint hint, long engineer) {
        if (!hints.decide(hint.id(), Hint.State.IGNORED, engineer, clock.instant())) {
            throw new UserError(alreadyDecided(hints.find(hint.id()).orElse(hint)));
        }
        event.editMessage(decided(hint.id(), event.getMessage().getContentRaw(), "🙈 Ignored by <@" + engineer + ">"))
                .queue(null, e -> log.warn("Hint {} not updated: {}", hint.id(), e.toString()));
    }

    private void link(ButtonInteractionEvent event, Hint hint, long engineer) {
        Issue issue = issues.find(hint.issueNumber())
                .orElseThrow(() -> new UserError("#" + hint.issueNumber() + " no longer exists."));
        if (!issue.status().isActive()) {
            throw new UserError(issue.ref() + " is " + issue.status().label().toLowerCase(java.util.Locale.ROOT)
                    + " now, so the post was not linked. Use /link in the post to link it to another issue.");
        }
        if (Channels.find(event.getJDA(), hint.threadId()).isEmpty()) {
            throw new UserError("That post no longer exists or Loop cannot see it, so it was not linked.");
        }
        if (!hints.decide(hint.id(), Hint.State.LINKED, engineer, clock.instant())) {
            throw new UserError(alreadyDecided(hints.find(hint.id()).orElse(hint)));
        }
        event.deferEdit().queue(null, e -> log.debug("deferring hint {} failed: {}", hint.id(), e.toString()));
        try {
            linker.link(event.getJDA(), issue.number(), hint.threadId(), Requester.How.HINT, engineer);
        } catch (RuntimeException e) {
            hints.reopen(hint.id()); // linking is idempotent, so the button may simply be pressed again
            throw e;
        }
        threads.setCapturedIssue(hint.threadId(), issue.number());
        event.getHook()
                .editOriginal(decided(
                        hint.id(),
                        event.getMessage().getContentRaw(),
                        "✅ Linked to **" + issue.ref() + "** by <@" + engineer + ">"))
                .queue(null, e -> log.warn("Hint {} not updated: {}", hint.id(), e.toString()));
    }

    // ---------------------------------------------------------------- closed by another route

    /**
     * The port {@link dev.loop.issue.ThreadTaken}: issue {@code number} just got a place, captured or linked by
     * {@code actor}. Every open hint about a post that is now one of its places is decided and its buttons disabled,
     * saying who did it, so nobody presses Link on a post that is already taken.
     */
    public void threadTaken(JDA jda, int number, long actor, boolean captured) {
        for (dev.loop.issue.Place place : issues.places(number)) {
            if (place.channelId() == null) continue;
            for (Hint hint : hints.openFor(place.channelId())) resolve(jda, hint, number, actor, captured);
        }
    }

    /** Decides one open hint for a post that became part of {@code number}, and edits its message. */
    private void resolve(JDA jda, Hint hint, int number, Long actor, boolean captured) {
        Hint.State state = captured ? Hint.State.CAPTURED : Hint.State.LINKED;
        long by = actor == null ? 0L : actor;
        if (!hints.decide(hint.id(), state, by, clock.instant())) return;
        threads.setCapturedIssue(hint.threadId(), number);
        if (hint.messageId() == null) return;
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) return;
        String title = issues.find(hint.issueNumber()).map(Issue::title).orElse("");
        String outcome = (captured ? "📌 Captured as **#" : "✅ Linked to **#") + number + "**"
                + (actor == null ? "" : " by <@" + actor + ">");
        team.editMessageById(hint.messageId(), decided(hint.id(), hintText(hint, title), outcome))
                .queue(null, e -> log.warn("Hint {} not closed: {}", hint.id(), e.toString()));
    }

    static String alreadyDecided(Hint hint) {
        String who = hint.decidedBy() == null || hint.decidedBy() == 0L ? "someone" : "<@" + hint.decidedBy() + ">";
        return switch (hint.state()) {
            case LINKED -> "This hint was already linked by " + who + ".";
            case CAPTURED -> "This hint's post was already captured as an issue by " + who + ".";
            case IGNORED -> "This hint was already ignored by " + who + ".";
            case OPEN -> "This hint is still open.";
        };
    }
}
