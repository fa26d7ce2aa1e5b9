package dev.loop.release;

import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The /release flow, one engineer at a time: pick the issues (typed or from a menu), write the notes and snippet, see
 * the preview with who will be told, then Publish (the publish transaction, then the delivery worker is woken) or
 * Cancel. Drafts live in memory ({@link ReleaseDrafts}); every control carries the draft's revision.
 */
final class ReleaseCommand {

    static final String EXPIRED = "This release preview has expired or was already used; run /release again.";
    /** A string select holds at most 25 options. */
    static final int PICK_LIMIT = 25;

    private final Services services;
    private final Config config;
    private final IssueStore issues;
    private final IssueActions actions;
    private final ReleaseStore store;
    private final ReleaseDrafts drafts;
    private final Supplier<DeliveryMode> modes;
    private final Runnable wakeWorker;

    ReleaseCommand(
            Services services,
            IssueStore issues,
            IssueActions actions,
            ReleaseStore store,
            Supplier<DeliveryMode> modes,
            Runnable wakeWorker) {
        this.services = services;
        this.config = services.config();
        this.issues = issues;
        this.actions = actions;
        this.store = store;
        this.drafts = new ReleaseDrafts(services.clock());
        this.modes = modes;
        this.wakeWorker = wakeWorker;
    }

    void release(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "publish releases");
        String version = ReleaseRules.normaliseVersion(e.getOption("version", "", OptionMapping::getAsString));
        ReleaseRules.versionProblem(version).ifPresent(p -> {
            throw new UserError(p);
        });
        store.findByVersion(version).ifPresent(r -> {
            throw new UserError("Version " + Safe.inline(version, ReleaseRules.MAX_VERSION)
                    + " was already released <t:" + r.publishedAt().getEpochSecond() + ":R>; pick a new version.");
        });
        String typed = e.getOption("issues", null, OptionMapping::getAsString);
        if (typed != null && !typed.isBlank()) {
            List<Integer> numbers = checkedIssues(ReleaseRules.parseNumbers(typed));
            ReleaseDrafts.Draft draft = drafts.create(e.getUser().getIdLong(), version, numbers);
            e.replyModal(textModal(draft)).queue();
            return;
        }
        List<Issue> open = store.releasable(PICK_LIMIT);
        if (open.isEmpty()) throw new UserError("There are no open or in-progress issues to ship.");
        int total = store.countReleasable();
        ReleaseDrafts.Draft draft = drafts.create(e.getUser().getIdLong(), version, List.of());
        StringSelectMenu.Builder menu = StringSelectMenu.create(ReleaseIds.PICK_ID.id(draft.id()))
                .setPlaceholder("Issues " + Safe.truncate(Safe.oneLineRaw(version), 60) + " ships")
                .setRequiredRange(1, open.size());
        for (Issue i : open) {
            menu.addOption(
                    Safe.truncate(Safe.oneLineRaw(i.ref() + " " + i.title()), 100),
                    String.valueOf(i.number()),
                    Safe.truncate(i.status().label() + " · " + i.priority().label(), 100));
        }
        String text = "Pick the issues **" + Safe.inline(version, ReleaseRules.MAX_VERSION) + "** ships."
                + (total > open.size()
                        ? " These are the " + open.size() + " most urgent of " + total
                                + " open issues; to ship others, run /release with issues: #3 #5."
                        : "");
        e.reply(new MessageCreateBuilder()
                        .setContent(text)
                        .setComponents(ActionRow.of(menu.build()))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    void picked(StringSelectInteractionEvent e) {
        services.engineers().require(e.getMember(), "publish releases");
        ReleaseDrafts.Draft draft =
                ownDraft(ReleaseIds.PICK_ID, e.getComponentId(), e.getUser().getIdLong());
        List<Integer> numbers = checkedIssues(ReleaseRules.parseNumbers(String.join(" ", e.getValues())));
        draft = drafts.setIssues(draft.id(), numbers).orElseThrow(() -> new UserError(EXPIRED));
        e.replyModal(textModal(draft)).queue();
    }

    private Modal textModal(ReleaseDrafts.Draft draft) {
        return Modal.create(
                        ReleaseIds.TEXT_ID.id(draft.id()),
                        Safe.truncate("Release " + Safe.oneLineRaw(draft.version()), 45))
                .addComponents(
                        Label.of(
                                "Notes",
                                "What's new, for the releases channel",
                                TextInput.create("notes", TextInputStyle.PARAGRAPH)
                                        .setRequiredRange(1, Announcement.MAX_NOTES)
                                        .build()),
                        Label.of(
                                "Snippet",
                                "How to use it (shown as a code block)",
                                TextInput.create("snippet", TextInputStyle.PARAGRAPH)
                                        .setRequired(false)
                                        .setMaxLength(Announcement.MAX_SNIPPET)
                                        .build()))
                .build();
    }

    void text(ModalInteractionEvent e) {
        services.engineers().require(e.getMember(), "publish releases");
        ReleaseDrafts.Draft draft =
                ownDraft(ReleaseIds.TEXT_ID, e.getModalId(), e.getUser().getIdLong());
        String notes = e.getValue("notes") == null
                ? ""
                : e.getValue("notes").getAsString().strip();
        String snippet = e.getValue("snippet") == null
                ? ""
                : e.getValue("snippet").getAsString().strip();
        if (notes.isEmpty()) throw new UserError("Write a few words of release notes.");
        draft = drafts.setText(draft.id(), notes, snippet.isEmpty() ? null : snippet)
                .orElseThrow(() -> new UserError(EXPIRED));
        List<Integer> numbers = checkedIssues(new ReleaseRules.ParsedNumbers(draft.issueNumbers(), List.of()));
        List<ShippedIssue> shipped = store.preview(numbers);

        String announcement = Announcement.render(draft.version(), notes, draft.snippet(), Announcement.items(shipped));
        DeliveryMode mode = modes.get();
        NoticePlan plan = NoticePlan.plan(0, draft.version(), "(link to the announcement)", mode, shipped);
        long docs =
                store.issues(numbers).values().stream().filter(Issue::needsDocs).count();
        String summary = PreviewSummary.text(config, draft.version(), numbers, plan, docs);

        e.reply(new MessageCreateBuilder()
                        .setContent(summary)
                        .setEmbeds(Replies.card(Replies.BRAND)
                                .setTitle("Announcement preview")
                                .setDescription(Replies.description(announcement))
                                .build())
                        .setComponents(ActionRow.of(
                                Button.success(ReleaseIds.PUBLISH_ID.id(draft.id(), draft.revision()), "Publish"),
                                Button.secondary(ReleaseIds.CANCEL_ID.id(draft.id(), draft.revision()), "Cancel")))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    void publish(ButtonInteractionEvent e) {
        services.engineers().require(e.getMember(), "publish releases");
        ReleaseDrafts.Draft draft =
                ownDraft(ReleaseIds.PUBLISH_ID, e.getComponentId(), e.getUser().getIdLong());
        draft = drafts.take(draft.id()).orElseThrow(() -> new UserError(EXPIRED));
        if (draft.notes() == null) throw new UserError(EXPIRED);
        e.deferEdit().queue();
        ReleaseStore.Publication p;
        try {
            p = store.publish(
                    new NewRelease(
                            draft.version(),
                            draft.issueNumbers(),
                            draft.notes(),
                            draft.snippet(),
                            e.getUser().getIdLong()),
                    modes.get(),
                    services.clock().instant(),
                    config.github().isPresent());
        } catch (ReleaseRefused refused) {
            throw new UserError(String.join("\n", refused.reasons()) + "\nNothing was published; run /release again.");
        }
        // a full disk or a lock elsewhere rolled the publication back whole: the same Publish works again later
        catch (RuntimeException unsaved) {
            if (dev.loop.core.StorageUnavailable.in(unsaved).isPresent()) drafts.putBack(draft);
            throw unsaved;
        }
        wakeWorker.run();
        long people = p.recipients().stream()
                .map(NoticePlan.Recipient::userId)
                .distinct()
                .count();
        e.getHook()
                .editOriginal(new MessageEditBuilder()
                        .setContent("✅ Published **" + Safe.inline(p.release().version(), ReleaseRules.MAX_VERSION)
                                + "**: "
                                + refs(draft.issueNumbers()) + " shipped. Announcing in <#"
                                + config.channels().releases()
                                + "> and telling " + plural(people, "person", "people") + " now; /"
                                + ReleaseFeature.STATUS_COMMAND
                                + " shows how it goes.")
                        .setEmbeds()
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
        for (int n : draft.issueNumbers()) actions.refreshCards(e.getJDA(), n);
    }

    void cancel(ButtonInteractionEvent e) {
        services.engineers().require(e.getMember(), "publish releases");
        ReleaseDrafts.Draft draft =
                ownDraft(ReleaseIds.CANCEL_ID, e.getComponentId(), e.getUser().getIdLong());
        drafts.take(draft.id());
        e.editMessage(new MessageEditBuilder()
                        .setContent("Release cancelled; nothing was published.")
                        .setEmbeds()
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }

    /** The draft a control names, refusing someone else's draft and (for Publish and Cancel) an older preview. */
    private ReleaseDrafts.Draft ownDraft(ComponentId.Shape shape, String customId, long userId) {
        ComponentId.Valid control = shape.parse(customId).valid();
        ReleaseDrafts.Draft draft = drafts.get(control.id().field(0)).orElseThrow(() -> new UserError(EXPIRED));
        if (draft.engineerId() != userId) throw new UserError("This release is being prepared by someone else.");
        control.against(draft.revision()).orRefuse();
        return draft;
    }

    /** The distinct numbers, or a UserError naming every problem. */
    private List<Integer> checkedIssues(ReleaseRules.ParsedNumbers parsed) {
        Map<Integer, Issue> found = store.issues(parsed.numbers());
        List<String> problems = ReleaseRules.issueProblems(parsed, found);
        if (!problems.isEmpty()) throw new UserError(String.join("\n", problems));
        return ReleaseRules.distinct(parsed);
    }

    List<Command.Choice> completeIssues(CommandAutoCompleteInteractionEvent e) {
        ReleaseRules.Typing typing = ReleaseRules.typing(e.getFocusedOption().getValue());
        Set<Integer> already =
                Set.copyOf(ReleaseRules.parseNumbers(typing.done()).numbers());
        List<Command.Choice> choices = new ArrayList<>();
        for (Issue i : issues.suggest(typing.current(), true, 25)) {
            if (already.contains(i.number())) continue;
            String value = typing.done() + i.ref();
            if (value.length() > 100) break;
            choices.add(new Command.Choice(Safe.truncate(Safe.oneLineRaw(value + " — " + i.title()), 100), value));
        }
        return choices;
    }

    private static String refs(List<Integer> numbers) {
        List<String> refs = numbers.stream().map(n -> "#" + n).toList();
        if (refs.size() == 1) return refs.getFirst();
        return String.join(", ", refs.subList(0, refs.size() - 1)) + " and " + refs.getLast();
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
