package dev.loop.triage;

import dev.loop.core.Feature;
import dev.loop.core.RoutineRuns;
import dev.loop.core.Services;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueAutocomplete;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueNumberOption;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * Triage: the flowchart with buttons (after a capture and on `/issue triage`), timelines told to the requesters,
 * ownership (`/issue assign`, `/issue working`, `/issue mine`), **This blocks me**, priority reactions on issue
 * cards, proposed solutions (`/issue propose`) and the daily note of promises past due.
 */
public final class TriageFeature implements Feature {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TriageFeature.class);

    private final Services services;
    private final IssueActions actions;
    private final TriageStore store;
    private final TriageFlow flow;
    private final CapturePrompts capturePrompts;
    private final SolutionQuestion solution;
    private final BlocksMe blocksMe;
    private final Ownership ownership;
    private final Proposals proposals;
    private final PromisesRoutine promises;
    private final ReactionTriageListener reactions;
    private final IssueAutocomplete activeIssues;

    public TriageFeature(Services services, IssueStore issues, IssueActions actions) {
        this.services = services;
        this.actions = actions;
        this.store = new TriageStore(services.database(), issues);
        Access access =
                new Access(services.engineers(), services.config().discord().guildId());
        PriorityChanges changes = new PriorityChanges(
                actions, issues, services.config(), services.engineers(), new FixNowAlerts(services.database()));
        DesignThreads design = new DesignThreads(
                actions, issues, new DesignThreadStore(services.database()), services.config(), services.engineers());
        // a design issue that becomes Fix it now by any route gets the on-call leadership in its thread, once
        changes.whenFixNow(design::pingLeadershipIfFixNow);
        this.flow = new TriageFlow(actions, issues, changes, access, design);
        this.capturePrompts = new CapturePrompts(issues, actions, changes);
        this.solution = new SolutionQuestion(issues, design, access, flow);
        this.blocksMe = new BlocksMe(actions, issues, store, changes);
        this.ownership = new Ownership(actions, issues, access);
        this.proposals = new Proposals(actions, issues, store, access);
        this.promises =
                new PromisesRoutine(services.config(), new RoutineRuns(services.database()), issues, services.clock());
        this.reactions =
                new ReactionTriageListener(services.config().reactions(), issues, changes, access, services.workers());
        this.activeIssues = new IssueAutocomplete(issues, true);
    }

    /** What capture calls once an issue exists: the triage questions for the engineer who captured it. */
    public IssueCaptured afterCapture() {
        return capturePrompts;
    }

    /** The daily promises note; tests run it for a chosen clock with {@link PromisesRoutine#runIfDue}. */
    public PromisesRoutine promisesRoutine() {
        return promises;
    }

    /** Erasing a person's data reaches their presses and answers through this (wired in dev.loop.app). */
    public dev.loop.issue.PersonErased personErased() {
        return new TriageErasure(services.database());
    }

    public TriageStore store() {
        return store;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(Commands.slash("issue", "Issues: look them up, triage, assign and follow them")
                .addSubcommands(
                        new SubcommandData("triage", "Answer the prioritisation questions for an issue")
                                .addOptions(number()),
                        new SubcommandData("assign", "Set an issue's owner; they are told")
                                .addOptions(
                                        number(),
                                        new OptionData(OptionType.USER, "owner", "The engineer who will own it", true)),
                        new SubcommandData("working", "Mark an issue in progress and tell its requesters")
                                .addOptions(number()),
                        new SubcommandData("propose", "Show a proposed solution to an issue's requesters")
                                .addOptions(number()),
                        new SubcommandData("mine", "Your open issues, most urgent first")));
    }

    private static OptionData number() {
        return IssueNumberOption.option("number", "The issue (type a number or words from its title)");
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("issue triage", flow::slash)
                .slash("issue assign", ownership::assign)
                .slash("issue working", ownership::working)
                .slash("issue mine", ownership::mine)
                .slash("issue propose", proposals::command)
                .button(SolutionQuestion.PREFIX, solution::press)
                .button(TriagePrompt.BUTTON_PREFIX, flow::button)
                .select(TriagePrompt.CAVEAT_PREFIX, flow::caveat)
                .button(IssueViews.BLOCKS_PREFIX, blocksMe::press)
                .modal(Proposals.MODAL_PREFIX, proposals::submitted)
                .button(Proposals.ANSWER_PREFIX, proposals::answer)
                .modal(MissingFormId.PREFIX, proposals::missingSubmitted);
        for (String sub : List.of("triage", "assign", "working", "propose")) {
            router.autocomplete("issue " + sub, "number", activeIssues::complete);
        }
    }

    @Override
    public List<EventListener> listeners() {
        return List.of(reactions);
    }

    @Override
    public void onReady(JDA jda) {
        promises.start(jda, services.scheduler());
        // the prompts of captures made just before a stop
        services.workers().execute(() -> {
            try {
                capturePrompts.sendOwed(jda);
            } catch (RuntimeException e) {
                log.error("Sending the triage prompts left behind failed", e);
            }
        });
    }

    @Override
    public void close() {
        promises.stop();
    }
}
