package dev.loop.triage;

import dev.loop.core.Crashpoints;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.EarlierMessages;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueStore;
import dev.loop.issue.UntriagedCaptures;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triage prompt each capture owes the engineer who captured it, sent once at any restart. After a capture it goes
 * as the answer to the capture (ephemeral) or, after a 📌 capture, by DM, and is recorded right after it was sent
 * ({@link PromptStore}). Loop may stop between storing a capture and sending its prompt, or between sending and
 * recording it: at the next start every active, untriaged issue a capture made before that start and without a
 * recorded prompt gets it by DM, unless Loop's prompt of that issue is already among the DM's newest messages, which
 * is then recorded instead. An issue triaged meanwhile by another route (a reaction, {@code /issue triage}) is not
 * asked about again, and an issue imported from GitHub never had a prompt to owe.
 */
final class CapturePrompts implements IssueCaptured {

    private static final Logger log = LoggerFactory.getLogger(CapturePrompts.class);

    /** Sent, not yet recorded: where a test stops Loop dead. */
    static final String SENT = "triage.prompt.sent";

    /** Added to a prompt sent at start, so the engineer knows why it comes late. */
    static final String LATE = "You captured it just before Loop stopped, so its questions come now.";

    private final IssueStore issues;
    private final IssueActions actions;
    private final PriorityChanges changes;
    private final PromptStore prompts;
    private final UntriagedCaptures captures;

    /** The newest issue before this start: issues made since are captured by this run, which prompts them itself. */
    private final int lastBeforeStart;

    CapturePrompts(IssueStore issues, IssueActions actions, PriorityChanges changes) {
        this.issues = issues;
        this.actions = actions;
        this.changes = changes;
        this.prompts = new PromptStore(issues.database());
        this.captures = new UntriagedCaptures(issues.database());
        // taken before Discord can send any interaction, so nothing captured by this run is taken as left behind
        this.lastBeforeStart = captures.lastNumber();
    }

    /** After a capture: the first question as an ephemeral follow-up, or by DM after a 📌 capture. Blocking. */
    @Override
    public void captured(JDA jda, Issue captured, long engineerId, InteractionHook hook) {
        Issue issue = issues.find(captured.number()).orElse(captured);
        MessageCreateData prompt = SolutionQuestion.prompt(issue);
        if (hook == null) {
            byDm(jda, issue, engineerId, prompt);
            return;
        }
        Message sent;
        try {
            sent = hook.sendMessage(prompt).setEphemeral(true).complete();
        } catch (RuntimeException failed) {
            // not recorded: the next start sends it by DM
            log.warn("Triage prompt for {} not sent: {}", issue.ref(), failed.toString());
            return;
        }
        Crashpoints.reach(SENT);
        prompts.sent(
                issue.number(), PromptStore.Route.EPHEMERAL, sent.getChannelIdLong(), sent.getIdLong(), actions.now());
    }

    /**
     * At start: the prompts captures made before it still owe, oldest issue first. An ephemeral prompt can't be read
     * back, so only a DM prompt sent just before a stop is found and recorded instead of sent again.
     */
    void sendOwed(JDA jda) {
        for (Issue issue : captures.upTo(lastBeforeStart)) {
            if (prompts.isSent(issue.number())) continue;
            try {
                Optional<Message> earlier = sentBefore(jda, issue);
                if (earlier.isPresent()) {
                    prompts.sent(
                            issue.number(),
                            PromptStore.Route.DM,
                            earlier.get().getChannelIdLong(),
                            earlier.get().getIdLong(),
                            actions.now());
                    log.info("Found the triage prompt of {} already sent", issue.ref());
                    continue;
                }
                MessageCreateData prompt = SolutionQuestion.prompt(issue);
                byDm(
                        jda,
                        issue,
                        issue.createdBy(),
                        MessageCreateBuilder.from(prompt)
                                .setContent(prompt.getContent() + "\n" + LATE)
                                .build());
                log.info("Sent the triage prompt of {} after a restart", issue.ref());
            } catch (RuntimeException failed) {
                log.warn("Could not send the owed triage prompt of {}: {}", issue.ref(), failed.toString());
            }
        }
    }

    private void byDm(JDA jda, Issue issue, long engineerId, MessageCreateData prompt) {
        PrivateChannel dm;
        Message sent;
        try {
            dm = jda.openPrivateChannelById(engineerId).complete();
            sent = dm.sendMessage(prompt).complete();
        } catch (RuntimeException failed) {
            log.info("Could not DM the triage prompt for {} to {}: {}", issue.ref(), engineerId, failed.toString());
            changes.alertTeamUser(
                    jda,
                    engineerId,
                    "**" + issue.ref() + "** was captured; your DMs are closed, so run `/issue triage " + issue.number()
                            + "` to triage it.");
            prompts.sent(issue.number(), PromptStore.Route.TEAM, null, null, actions.now());
            return;
        }
        Crashpoints.reach(SENT);
        prompts.sent(issue.number(), PromptStore.Route.DM, dm.getIdLong(), sent.getIdLong(), actions.now());
    }

    /** Loop's prompt of the issue among the newest messages of its DM with the engineer who captured it. */
    private static Optional<Message> sentBefore(JDA jda, Issue issue) {
        PrivateChannel dm = jda.openPrivateChannelById(issue.createdBy()).complete();
        return EarlierMessages.findOwn(
                dm,
                m -> m.getComponentTree()
                        .find(Button.class, b -> asksAbout(b.getCustomId(), issue.number()))
                        .isPresent());
    }

    /** Whether a control's id is one of a triage prompt of issue {@code number} (first question or later). */
    static boolean asksAbout(String customId, int number) {
        if (customId == null) return false;
        if (SolutionQuestion.ID.parse(customId) instanceof ComponentId.Valid first)
            return first.id().number(0) == number;
        return TriageToken.parse(TriagePrompt.BUTTON_PREFIX, customId)
                .map(t -> t.issueNumber() == number)
                .orElse(false);
    }
}
