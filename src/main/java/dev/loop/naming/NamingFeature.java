package dev.loop.naming;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.discord.EngineerCommands;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.IssueAutocomplete;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.messages.MessagePoll;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /name}: a naming vote as a native Discord poll in the team channel, open for {@code naming.poll-duration}.
 *
 * <p>The result is posted in the team channel once: as soon as Discord reports the poll finalized (the message update,
 * or its "poll results" message), and otherwise by {@link #runDue(Instant)}, which the scheduler calls every minute and
 * which reads the poll's counts once it has been closed for {@link #FINALIZE_GRACE} even if Discord never marked it
 * finalized.
 */
public final class NamingFeature implements Feature {

    private static final Logger log = LoggerFactory.getLogger(NamingFeature.class);
    static final String QUESTION = "Which name should we use?";
    /** Discord finalizes counts shortly after expiry; after this long Loop uses the counts as they are. */
    static final Duration FINALIZE_GRACE = Duration.ofMinutes(5);

    private final Services services;
    private final NamingPollStore store;
    private final NamingSuggestionStore suggestionStore;
    private final NameSuggestions suggestions;
    private final IssueStore issues;
    private final Listener listener = new Listener();
    private volatile JDA jda;
    private volatile ScheduledFuture<?> routine;

    public NamingFeature(Services services, IssueStore issues) {
        this.services = services;
        this.issues = issues;
        this.store = new NamingPollStore(services.database());
        this.suggestionStore = new NamingSuggestionStore(services.database());
        this.suggestions = new NameSuggestions(services, store, suggestionStore);
    }

    @Override
    public List<CommandData> commands() {
        return List.of(
                EngineerCommands.hidden(Commands.slash("name", "Start a naming vote (a poll) in the team channel"))
                        .addOption(OptionType.STRING, "proposal", "The proposed name", true)
                        .addOption(OptionType.STRING, "why", "Why this name (shown with the poll)", true)
                        .addOption(OptionType.STRING, "alternative1", "A first alternative", true)
                        .addOption(OptionType.STRING, "like1", "What you like about the first alternative", true)
                        .addOption(OptionType.STRING, "alternative2", "A second alternative", true)
                        .addOption(OptionType.STRING, "like2", "What you like about the second alternative", true)
                        .addOptions(new OptionData(
                                        OptionType.STRING,
                                        "issue",
                                        "The issue this name is for (its history records the winner)")
                                .setAutoComplete(true)
                                .setMaxLength(100)));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("name", this::name)
                .autocomplete("name", "issue", new IssueAutocomplete(issues, false)::complete)
                .button(NameSuggestions.BUTTON.handler(), suggestions::press)
                .modal(NameSuggestions.FORM.handler(), suggestions::submitted);
    }

    @Override
    public List<EventListener> listeners() {
        return List.of(listener);
    }

    @Override
    public void onReady(JDA jda) {
        this.jda = jda;
        routine = services.scheduler()
                .scheduleAtFixedRate(
                        () -> {
                            try {
                                runDue(services.clock().instant());
                            } catch (RuntimeException e) {
                                log.warn("Checking naming votes failed; retrying in a minute", e);
                            }
                        },
                        7,
                        60,
                        TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ScheduledFuture<?> r = routine;
        if (r != null) r.cancel(false);
    }

    // ---------------------------------------------------------------- /name

    private void name(SlashCommandInteractionEvent event) {
        services.engineers().require(event.getMember(), "start naming votes");
        NameProposal proposal = switch (NameProposal.parse(
                text(event, "proposal"),
                text(event, "why"),
                text(event, "alternative1"),
                text(event, "like1"),
                text(event, "alternative2"),
                text(event, "like2"))) {
            case NameProposal.Valid v -> v.proposal();
            case NameProposal.Invalid i -> throw new UserError(i.problem());
        };
        Integer issue = null;
        if (event.getOption("issue") != null) {
            int n = IssueNumberOption.read(event, "issue");
            if (issues.find(n).isEmpty()) throw new UserError("There is no issue #" + n + ".");
            issue = n;
        }
        long teamId = services.config().channels().team();
        GuildMessageChannel team = event.getJDA().getChannelById(GuildMessageChannel.class, teamId);
        if (team == null) throw new UserError("Loop cannot see the team channel, so the vote was not posted.");
        event.deferReply(true).queue();
        Instant now = services.clock().instant();
        Instant closes = now.plus(services.config().pollDuration());
        NamingPoll row = store.create(teamId, proposal, issue, event.getUser().getIdLong(), now, closes);
        Message sent;
        try {
            sent = team.sendMessage(pollMessage(
                            row.id(), proposal, issue, event.getUser().getIdLong(), closes))
                    .complete();
        } catch (RuntimeException e) {
            store.delete(row.id());
            throw e;
        }
        store.setMessage(row.id(), sent.getIdLong(), closes);
        event.getHook()
                .sendMessage(Replies.text("Naming vote posted in <#" + teamId + ">: " + sent.getJumpUrl()
                        + " — it closes " + relative(closes) + "."))
                .setEphemeral(true)
                .queue();
    }

    private static String text(SlashCommandInteractionEvent event, String option) {
        return Optional.ofNullable(event.getOption(option))
                .map(OptionMapping::getAsString)
                .orElse(null);
    }

    net.dv8tion.jda.api.utils.messages.MessageCreateData pollMessage(
            long pollId, NameProposal p, Integer issue, long engineer, Instant closes) {
        StringBuilder content = new StringBuilder("🗳️ **Naming vote** started by <@")
                .append(engineer)
                .append(">: **")
                .append(Safe.inline(p.proposal(), 60))
                .append("** or an alternative? Closes ")
                .append(relative(closes))
                .append('.');
        if (issue != null) content.append(" For **#").append(issue).append("**.");
        p.reasonText()
                .ifPresent(r -> content.append("\n**Why ")
                        .append(Safe.inline(p.proposal(), 60))
                        .append(":** ")
                        .append(Safe.block(r, NameProposal.MAX_REASON)));
        if (p.like1() != null)
            content.append("\n**What we like about ")
                    .append(Safe.inline(p.alternative1(), 60))
                    .append(":** ")
                    .append(Safe.block(p.like1(), NameProposal.MAX_LIKE));
        if (p.like2() != null)
            content.append("\n**What we like about ")
                    .append(Safe.inline(p.alternative2(), 60))
                    .append(":** ")
                    .append(Safe.block(p.like2(), NameProposal.MAX_LIKE));
        content.append("\nAnother name? Press **" + NameSuggestions.SUGGEST + "** before the vote closes.");
        MessagePollData poll = MessagePollData.builder(QUESTION)
                .addAnswer(p.proposal())
                .addAnswer(p.alternative1())
                .addAnswer(p.alternative2())
                .setDuration(services.config().pollDuration())
                .build();
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(content.toString(), Message.MAX_CONTENT_LENGTH))
                .setPoll(poll)
                .setComponents(ActionRow.of(NameSuggestions.button(pollId)))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    private static String relative(Instant t) {
        return "<t:" + t.getEpochSecond() + ":R>";
    }

    // ---------------------------------------------------------------- results

    /** Posts the result of every vote that has closed by {@code now}; returns how many were posted. */
    public int runDue(Instant now) {
        JDA j = jda;
        if (j == null) return 0;
        int posted = 0;
        for (NamingPoll poll : store.due(now)) {
            try {
                if (conclude(j, poll, null, now)) posted++;
            } catch (RuntimeException e) {
                log.warn("Posting the result of naming vote {} failed: {}", poll.id(), e.toString());
            }
        }
        return posted;
    }

    /**
     * Posts a vote's result if it is closed. {@code message} is the poll message when the caller has it fresh;
     * otherwise it is fetched. Returns whether the result was posted by this call.
     */
    boolean conclude(JDA jda, NamingPoll poll, Message message, Instant now) {
        if (poll.resultPostedAt() != null || poll.messageId() == null) return false;
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, poll.channelId());
        if (channel == null) {
            log.warn("Naming vote {}: channel {} is not visible", poll.id(), poll.channelId());
            return false;
        }
        if (message == null) {
            try {
                message = channel.retrieveMessageById(poll.messageId()).complete();
            } catch (ErrorResponseException e) {
                if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                    store.claimResult(poll.id(), "(the poll message was deleted)", now);
                    log.info("Naming vote {} was deleted before it closed", poll.id());
                    return false;
                }
                throw e;
            }
        }
        MessagePoll p = message.getPoll();
        if (p == null) {
            store.claimResult(poll.id(), "(the message has no poll)", now);
            return false;
        }
        boolean closed = p.isFinalizedVotes() || !now.isBefore(poll.closesAt().plus(FINALIZE_GRACE));
        if (!closed) return false;
        PollOutcome outcome = withSuggestions(outcome(poll, p), channel, poll);
        String text = outcome.text(poll.proposal());
        if (!store.claimResult(poll.id(), text, now)) return false;
        try {
            channel.sendMessage(Replies.text(text)).complete();
        } catch (RuntimeException e) {
            store.releaseResult(poll.id());
            throw e;
        }
        if (poll.issueNumber() != null) {
            issues.recordNamingVote(poll.issueNumber(), decision(poll, outcome), now);
        }
        return true;
    }

    /** The history line of a vote tied to an issue: the winner and every count, as plain text. */
    static String decision(NamingPoll poll, PollOutcome outcome) {
        List<String> leaders = outcome.leaders();
        String tally = outcome.counts().stream()
                .map(c -> "\"" + c.name() + "\" " + c.votes())
                .collect(java.util.stream.Collectors.joining(", "));
        String subject = "naming vote on \"" + poll.proposal() + "\"";
        if (leaders.isEmpty()) return subject + " closed with no votes (" + tally + ")";
        if (leaders.size() > 1) return subject + " closed in a tie (" + tally + ")";
        return subject + ": \"" + leaders.getFirst() + "\" won (" + tally + ")";
    }

    /**
     * The poll's counts followed by each suggestion's: the 👍 reactions on its reply (Loop's own, if any, not
     * counted); a reply that is gone counts zero.
     */
    private PollOutcome withSuggestions(PollOutcome poll, GuildMessageChannel channel, NamingPoll row) {
        List<PollOutcome.Count> counts = new ArrayList<>(poll.counts());
        for (NamingSuggestionStore.Suggestion s : suggestionStore.of(row.id())) {
            int votes = 0;
            if (s.messageId() != null) {
                try {
                    Message reply = channel.retrieveMessageById(s.messageId()).complete();
                    var reaction = reply.getReaction(
                            net.dv8tion.jda.api.entities.emoji.Emoji.fromUnicode(NameSuggestions.VOTE_EMOJI));
                    if (reaction != null) votes = reaction.getCount() - (reaction.isSelf() ? 1 : 0);
                } catch (ErrorResponseException e) {
                    if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) throw e;
                }
            }
            counts.add(new PollOutcome.Count(s.name(), votes));
        }
        return new PollOutcome(counts);
    }

    /** The counts in the order the names were offered; an answer Discord does not report counts zero. */
    static PollOutcome outcome(NamingPoll poll, MessagePoll p) {
        List<PollOutcome.Count> counts = new ArrayList<>();
        List<MessagePoll.Answer> answers = p.getAnswers();
        List<String> names = List.of(poll.proposal(), poll.alternative1(), poll.alternative2());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int votes = answers.stream()
                    .filter(a -> name.equals(a.getText()))
                    .mapToInt(MessagePoll.Answer::getVotes)
                    .findFirst()
                    .orElse(i < answers.size() ? answers.get(i).getVotes() : 0);
            counts.add(new PollOutcome.Count(name, votes));
        }
        return new PollOutcome(counts);
    }

    private void concludeLater(JDA jda, long pollMessageId, Message fresh) {
        services.workers().execute(() -> {
            try {
                store.findByMessage(pollMessageId)
                        .filter(p -> p.resultPostedAt() == null)
                        .ifPresent(p -> conclude(jda, p, fresh, services.clock().instant()));
            } catch (RuntimeException e) {
                log.warn("Posting the result of the naming vote in message {} failed: {}", pollMessageId, e.toString());
            }
        });
    }

    /** Discord's signals that a poll closed: the poll message updated as finalized, or the "poll results" message. */
    private final class Listener extends ListenerAdapter {
        @Override
        public void onMessageUpdate(MessageUpdateEvent event) {
            MessagePoll p = event.getMessage().getPoll();
            if (p == null || !p.isFinalizedVotes() || !event.isFromGuild()) return;
            if (event.getChannel().getIdLong() != services.config().channels().team()) return;
            concludeLater(event.getJDA(), event.getMessageIdLong(), event.getMessage());
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (event.getMessage().getType() != MessageType.POLL_RESULT) return;
            if (event.getChannel().getIdLong() != services.config().channels().team()) return;
            MessageReference ref = event.getMessage().getMessageReference();
            if (ref != null) concludeLater(event.getJDA(), ref.getMessageIdLong(), null);
        }
    }
}
