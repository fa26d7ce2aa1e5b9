package dev.loop.issue;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.merge.MergePlan;
import dev.loop.issue.merge.UnmergePlan;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.SearchHit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** /issue show with its record views, list, search (anyone) and edit, close, reopen, merge, unmerge (engineers). */
public final class IssueCommands implements Feature {

    static final int PAGE_SIZE = 10;

    private final Services services;
    private final IssueActions actions;
    private final IssueStore store;
    private final IssueViews views;
    private final RecordPages pages;
    private final IssueEditing editing;
    private final IssueReopening reopening;

    /** Subcommands other features add to /issue (they route them themselves, e.g. {@code "issue import"}). */
    private final List<SubcommandData> more;

    public IssueCommands(Services services, IssueStore store, IssueActions actions) {
        this(services, store, actions, List.of());
    }

    public IssueCommands(Services services, IssueStore store, IssueActions actions, List<SubcommandData> more) {
        this.more = List.copyOf(more);
        this.services = services;
        this.actions = actions;
        this.store = store;
        this.views = actions.views();
        this.pages = new RecordPages(store);
        this.editing = new IssueEditing(services, store, actions);
        this.reopening = new IssueReopening(services, store, actions);
    }

    /** Tells capture when `/issue edit` sets an issue's kind (wired by the composition root). */
    public IssueCommands onKindSet(IssueKindSet port) {
        editing.onKindSet(port);
        return this;
    }

    private static OptionData number(String name, String description) {
        return IssueNumberOption.option(name, description);
    }

    @Override
    public List<CommandData> commands() {
        OptionData status = new OptionData(OptionType.STRING, "status", "Only issues with this status", false);
        for (IssueStatus s : IssueStatus.values()) status.addChoice(s.label(), s.code());
        OptionData priority = new OptionData(OptionType.STRING, "priority", "Only issues with this priority", false);
        for (Priority p : Priority.values()) priority.addChoice(p.label(), p.code());
        return List.of(Commands.slash("issue", "Loop's issue records")
                .addSubcommands(
                        new SubcommandData("show", "Show an issue card")
                                .addOptions(number("number", "The issue number")),
                        new SubcommandData("list", "List issues")
                                .addOptions(
                                        status,
                                        priority,
                                        new OptionData(
                                                OptionType.USER, "owner", "Only issues owned by this engineer", false),
                                        AreaOption.option(services.config(), "Only issues in this area")),
                        new SubcommandData("search", "Search titles, summaries and transcripts")
                                .addOptions(new OptionData(OptionType.STRING, "query", "Words to look for", true)
                                        .setMaxLength(200)),
                        new SubcommandData("close", "Close an issue without shipping it; its requesters are told")
                                .addOptions(
                                        number("number", "The issue number"),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "reason",
                                                        "Why (e.g. won't fix, not a bug)",
                                                        true)
                                                .setMaxLength(300)),
                        IssueReopening.subcommand(),
                        new SubcommandData("edit", "Fix an issue's title, kind, summary, area or docs flag")
                                .addOptions(number("number", "The issue number")),
                        new SubcommandData("merge", "Move everything of one issue into another and mark it a duplicate")
                                .addOptions(number("from", "The duplicate"), number("into", "The issue to keep")),
                        new SubcommandData("unmerge", "Undo a merge")
                                .addOptions(number("number", "The issue that was merged away")))
                .addSubcommands(more));
    }

    @Override
    public void routes(InteractionRouter router) {
        IssueAutocomplete any = new IssueAutocomplete(store, false);
        IssueAutocomplete active = new IssueAutocomplete(store, true);
        router.slash("issue show", this::show)
                .autocomplete("issue show", "number", any::complete)
                .slash("issue list", this::list)
                .slash("issue search", this::search)
                .slash("issue close", this::close)
                .autocomplete("issue close", "number", active::complete)
                .slash("issue reopen", reopening::reopen)
                .autocomplete("issue reopen", "number", any::complete)
                .slash("issue merge", this::merge)
                .autocomplete("issue merge", "from", active::complete)
                .autocomplete("issue merge", "into", active::complete)
                .slash("issue unmerge", this::unmerge)
                .autocomplete("issue unmerge", "number", any::complete)
                .slash("issue edit", editing::open)
                .autocomplete("issue edit", "number", any::complete)
                .modal(IssueEditing.PREFIX, editing::submit)
                .button(RecordPageId.PREFIX, this::recordPage)
                .button(IssueViews.LIST_PREFIX, this::page);
    }

    private Issue require(int number) {
        return store.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
    }

    private void show(SlashCommandInteractionEvent e) {
        int number = IssueNumberOption.read(e, "number");
        IssueCard view = store.card(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
        e.reply(new MessageCreateBuilder()
                        .setEmbeds(views.card(view))
                        .setComponents(withTabs(views.cardButtons(view.issue()), number))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setEphemeral(true)
                .queue();
    }

    private static List<ActionRow> withTabs(List<ActionRow> card, int number) {
        List<ActionRow> rows = new ArrayList<>(card);
        rows.add(RecordPages.tabButtons(number));
        return rows;
    }

    /**
     * Transcript, People, Details, Proposals, History: a view button answers with a new ephemeral view (the card
     * stays); Previous and Next turn the view's page in place.
     */
    private void recordPage(ButtonInteractionEvent e) {
        RecordPageId id = RecordPageId.read(e.getComponentId());
        Issue issue = require(id.issueNumber());
        Guild guild = e.getGuild();
        var data = pages.page(issue, id.tab(), id.page(), userId -> {
            Member m = guild == null ? null : guild.getMemberById(userId);
            return m == null ? null : m.getEffectiveName();
        });
        if (id.role() == 'v') {
            e.reply(data).setEphemeral(true).queue();
        } else {
            e.editMessage(MessageEditData.fromCreateData(data)).queue();
        }
    }

    private void list(SlashCommandInteractionEvent e) {
        String status = e.getOption("status", OptionMapping::getAsString);
        String priority = e.getOption("priority", OptionMapping::getAsString);
        User owner = e.getOption("owner", OptionMapping::getAsUser);
        String area = AreaOption.read(e, services.config());
        IssueFilter filter = new IssueFilter(
                status == null ? null : IssueStatus.fromCode(status),
                priority == null ? null : Priority.fromCode(priority),
                owner == null ? null : owner.getIdLong(),
                area);
        e.reply(views.listPage(store.list(filter, 0, PAGE_SIZE), filterKey(filter), heading(filter)))
                .setEphemeral(true)
                .queue();
    }

    /** Previous / Next: the page and filter travel in the button's id, so paging survives restarts. */
    private void page(ButtonInteractionEvent e) {
        ComponentId id = IssueViews.LIST_ID.parse(e.getComponentId()).orRefuse();
        int page = id.number(0);
        IssueFilter filter;
        try {
            filter = parseFilter(id.field(1));
        } catch (RuntimeException bad) {
            throw new UserError("That list is from an older version of Loop. Run /issue list again.");
        }
        var data = views.listPage(store.list(filter, page, PAGE_SIZE), filterKey(filter), heading(filter));
        e.editMessage(MessageEditData.fromCreateData(data)).queue();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The filter as it travels in a paging button: status, priority, owner and the area's position in the configured
     * list (names could hold the separators, and may be long; a position that no longer exists reads as stale).
     */
    String filterKey(IssueFilter f) {
        return (f.status() == null ? "" : f.status().code()) + ","
                + (f.priority() == null ? "" : f.priority().code()) + "," + (f.ownerId() == null ? "" : f.ownerId())
                + "," + (f.area() == null ? "" : AreaOption.indexOf(services.config(), f.area()));
    }

    IssueFilter parseFilter(String key) {
        String[] p = key.split(",", -1);
        if (p.length != 3 && p.length != 4) throw new IllegalArgumentException("bad filter " + key);
        return new IssueFilter(
                p[0].isEmpty() ? null : IssueStatus.fromCode(p[0]),
                p[1].isEmpty() ? null : Priority.fromCode(p[1]),
                p[2].isEmpty() ? null : Long.parseLong(p[2]),
                p.length < 4 || p[3].isEmpty() ? null : AreaOption.atIndex(services.config(), Integer.parseInt(p[3])));
    }

    private static String heading(IssueFilter f) {
        StringBuilder b = new StringBuilder(
                f.status() == null ? "Open issues" : f.status().label() + " issues");
        if (f.priority() != null) b.append(" · ").append(f.priority().label());
        if (f.ownerId() != null) b.append(" · owned by one engineer");
        if (f.area() != null) b.append(" · ").append(f.area());
        return b.toString();
    }

    private void search(SlashCommandInteractionEvent e) {
        String query = e.getOption("query", OptionMapping::getAsString);
        Optional<FtsQuery> match = FtsQuery.fromText(query);
        if (match.isEmpty())
            throw new UserError("Give me at least one word to search for: single letters, lone digits and common words"
                    + " like \"the\" are left out. A version such as 2.4.1 or an error code such as E42 works.");
        List<SearchHit> hits = store.searchWords(match.get(), false, 10);
        String shown = Safe.inline(query, 100);
        if (hits.isEmpty()) {
            String looked = String.join(
                    ", ",
                    match.get().tokens().stream().map(t -> t.replace(' ', '.')).toList());
            e.reply(Replies.text("No issue mentions \"" + shown + "\". I looked for any of " + Safe.inline(looked, 300)
                            + " in every issue's title, summary and conversation; try another word."))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        StringBuilder b = new StringBuilder();
        for (SearchHit h : hits) b.append(views.row(h.issue())).append('\n');
        e.reply(Replies.embed(Replies.card(Replies.BRAND)
                        .setTitle(Replies.title("Issues matching \"" + query + "\""))
                        .setDescription(Replies.description(b.toString()))
                        .build()))
                .setEphemeral(true)
                .queue();
    }

    private void close(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "close issues");
        int number = IssueNumberOption.read(e, "number");
        String reason = e.getOption("reason", OptionMapping::getAsString).strip();
        Issue issue = require(number);
        if (!issue.status().isActive()) {
            throw new UserError(
                    issue.ref() + " is already " + issue.status().label().toLowerCase() + ".");
        }
        if (reason.isEmpty()) throw new UserError("Say why the issue is closed.");
        e.deferReply(true).queue();
        Issue closed =
                store.setStatus(number, IssueStatus.CLOSED, reason, e.getUser().getIdLong(), actions.now());
        actions.refreshCards(e.getJDA(), number);
        Told told = actions.tellRequesters(e.getJDA(), number, TimelineNotice.closed(closed, reason));
        e.getHook()
                .sendMessage(Replies.text("Closed **" + closed.ref() + "**; told " + told.reached() + " requester"
                        + (told.reached() == 1 ? "" : "s") + told.unreachableNote() + "."))
                .setEphemeral(true)
                .queue();
    }

    /** The text with exactly one closing full stop (or its own ! or ?). */
    static String sentenceEnd(String text) {
        String t = text.strip();
        if (t.endsWith(".") || t.endsWith("!") || t.endsWith("?")) return t;
        return t + ".";
    }

    private void merge(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "merge issues");
        int from = IssueNumberOption.read(e, "from");
        int into = IssueNumberOption.read(e, "into");
        Issue source = require(from);
        Issue target = require(into);
        MergePlan.Check check =
                MergePlan.plan(source, store.rows(from), target, store.rows(into), store.duplicatesOf(from));
        MergePlan plan = switch (check) {
            case MergePlan.Refused refused -> throw new UserError(capitalize(refused.message()) + ".");
            case MergePlan.Allowed allowed -> allowed.plan();
        };
        store.merge(plan, e.getUser().getIdLong(), actions.now());
        actions.refreshCards(e.getJDA(), from);
        // the merged places and people count as bringing it up again: a Low issue moves up to High
        IssueActions.Added result = actions.afterMerge(e.getJDA(), into, plan.intoBefore());
        Issue after = result.issue();
        e.reply(Replies.text("Merged **#" + from + "** into **" + after.ref() + "** " + Safe.inline(after.title(), 150)
                        + ". It now has " + store.requesters(into).size() + " requesters and "
                        + store.places(into).size()
                        + " places."
                        + (result.bumped() ? " It has now been brought up before, so it moved up to High." : "")
                        + " Undo with /issue unmerge number:" + from + "."))
                .setEphemeral(true)
                .queue();
    }

    private void unmerge(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "unmerge issues");
        int number = IssueNumberOption.read(e, "number");
        Issue issue = require(number);
        if (issue.status() != IssueStatus.DUPLICATE || issue.duplicateOf() == null) {
            throw new UserError(issue.ref() + " was not merged into another issue.");
        }
        int into = issue.duplicateOf();
        Issue target = require(into);
        UnmergePlan plan = switch (UnmergePlan.plan(issue, store.rows(number), target, store.rows(into))) {
            case UnmergePlan.Refused refused -> throw new UserError(capitalize(refused.message()) + ".");
            case UnmergePlan.Allowed allowed -> allowed.plan();
        };
        store.unmerge(plan, e.getUser().getIdLong(), actions.now());
        actions.refreshCards(e.getJDA(), number);
        actions.refreshCards(e.getJDA(), into);
        e.reply(Replies.text("Split **" + issue.ref() + "** back out of **#" + into + "** with everything it brought."))
                .setEphemeral(true)
                .queue();
    }
}
