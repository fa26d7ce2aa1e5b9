package dev.loop.issue;

import dev.loop.core.config.Config;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Safe;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** How issues look in Discord: the issue card, list pages and search results. */
public final class IssueViews {

    public static final String ME_TOO = "Me too";
    public static final String BLOCKS_ME = "This blocks me";
    /** Component id prefixes owned by the card. */
    public static final String ME_TOO_PREFIX = "metoo";

    public static final String BLOCKS_PREFIX = "blocks";
    public static final String LIST_PREFIX = "list";

    /** {@code metoo:<issue>:<revision>}: the revision tells the handler the card it was pressed on is out of date. */
    public static final Shape ME_TOO_ID = Shape.of(
            ME_TOO_PREFIX,
            "That Me too button can't be read any more; use `/issue show` to get a fresh card.",
            Kind.NUMBER,
            Kind.REVISION);

    /** {@code blocks:<issue>:<revision>}. */
    public static final Shape BLOCKS_ID = Shape.of(
            BLOCKS_PREFIX,
            "That button can't be read any more; use `/issue show` to get a fresh card.",
            Kind.NUMBER,
            Kind.REVISION);

    /** {@code list:<page>:<filter>}, the filter as {@code status,priority,owner} with empty parts for "any". */
    public static final Shape LIST_ID =
            Shape.of(LIST_PREFIX, "That list can't be read any more. Run /issue list again.", Kind.INDEX, Kind.TEXT);

    private final Config.Timelines timelines;
    /** The issue's GitHub issue, when GitHub sync is on (set by the composition root). */
    private volatile java.util.function.IntFunction<java.util.Optional<String>> githubLink =
            n -> java.util.Optional.empty();

    public IssueViews(Config.Timelines timelines) {
        this.timelines = timelines;
    }

    /** Makes cards and /issue show carry each issue's GitHub link. */
    public void showGitHubLinks(java.util.function.IntFunction<java.util.Optional<String>> link) {
        this.githubLink = link;
    }

    /** "Fix it now — today or tomorrow" etc.; untriaged issues have no timeline yet. */
    public String timeline(Priority priority) {
        return priority.timelineIn(timelines).map(Config.Timeline::text).orElse("not triaged yet");
    }

    /**
     * Where the issue stands, as the end of a sentence after a dash: "High: this week or next week", "not triaged
     * yet", "in progress (High: this week or next week)", "fixed and waiting for a release", "Shipped in **2.4.1**",
     * "Closed without a change (not planned)". A finished or fixed issue has no timeline left to promise, so it never
     * shows one; a status is never glued to a label ("Open, Untriaged: …").
     */
    public String standing(Issue i) {
        return switch (i.status()) {
            case SHIPPED -> "Shipped in **" + Safe.inline(i.shippedVersion(), 64) + "**";
            case CLOSED ->
                "Closed without a change"
                        + (i.closeReason() == null ? "" : " (" + Safe.inline(i.closeReason(), 200) + ")");
            case DUPLICATE -> "a duplicate of **#" + i.duplicateOf() + "**";
            case FIXED -> "fixed and waiting for a release";
            case IN_PROGRESS ->
                i.priority() == Priority.UNTRIAGED
                        ? "in progress"
                        : "in progress (" + i.priority().label() + ": " + timeline(i.priority()) + ")";
            case OPEN ->
                i.priority() == Priority.UNTRIAGED
                        ? "not triaged yet"
                        : i.priority().label() + ": " + timeline(i.priority());
        };
    }

    /** "**#12** Dark mode", with a title's own final full stop dropped so a sentence can go on after it. */
    public static String named(Issue i) {
        String title = Safe.inline(i.title(), 150);
        while (title.endsWith("."))
            title = title.substring(0, title.length() - 1).stripTrailing();
        return "**" + i.ref() + "** " + title;
    }

    public MessageEmbed card(IssueCard view) {
        Issue i = view.issue();
        EmbedBuilder e = Replies.card(color(i))
                .setTitle(Replies.title(i.ref() + " " + i.title()))
                .setDescription(Replies.description(Safe.block(i.summary(), 1500)))
                .addField("Kind", i.kind().label(), true)
                .addField("Status", statusText(i) + (view.inDesign() ? " · design" : ""), true)
                .addField("Priority", i.priority().label(), true)
                .addField("Timeline", Replies.field(timelineFor(i)), false)
                .addField("Requesters", String.valueOf(view.requesters()), true)
                .addField(
                        "Owner",
                        i.ownerId() == null
                                ? "—"
                                : "<@" + i.ownerId() + ">"
                                        + (i.area() == null ? "" : " (" + Safe.inline(i.area(), 100) + ")"),
                        true);
        List<String> places = new ArrayList<>();
        for (Place p : view.places()) {
            places.add("• " + p.url() + (p.title() == null ? "" : " — " + Safe.inline(p.title(), 80)));
        }
        e.addField(
                "Places (" + view.places().size() + ")",
                Replies.field(fitLines(places, MessageEmbed.VALUE_MAX_LENGTH)),
                false);
        githubLink.apply(i.number()).ifPresent(url -> e.addField("GitHub", url, false));
        view.proposal()
                .ifPresent(p -> e.addField(
                        "Proposed solution",
                        "Solves it: " + p.solves() + " · Doesn't solve it: " + p.doesNotSolve(),
                        false));
        if (i.transcriptCapped()) e.setFooter("Transcript capped at the configured limit");
        return e.build();
    }

    private String timelineFor(Issue i) {
        return switch (i.status()) {
            case SHIPPED -> "Shipped in " + Safe.inline(i.shippedVersion(), 64);
            case CLOSED -> "Closed" + (i.closeReason() == null ? "" : ": " + Safe.inline(i.closeReason(), 200));
            case DUPLICATE -> "Duplicate of #" + i.duplicateOf();
            default -> {
                String t = timeline(i.priority());
                if (i.promiseDueAt() != null) t += " (by " + TimeFormat.DATE_SHORT.format(i.promiseDueAt()) + ")";
                yield t;
            }
        };
    }

    private static String statusText(Issue i) {
        return i.status() == IssueStatus.DUPLICATE
                ? "Duplicate of #" + i.duplicateOf()
                : i.status().label();
    }

    private static Color color(Issue i) {
        if (!i.status().isActive()) return Color.GRAY;
        return switch (i.priority()) {
            case FIX_NOW -> Replies.DANGER;
            case HIGH -> Replies.WARN;
            case LOW -> Replies.OK;
            case UNTRIAGED -> Replies.BRAND;
        };
    }

    public List<ActionRow> cardButtons(Issue i) {
        boolean active = i.status().isActive();
        return List.of(ActionRow.of(
                Button.primary(ME_TOO_ID.id(i.number(), i.revision()), ME_TOO).withDisabled(!active),
                Button.danger(BLOCKS_ID.id(i.number(), i.revision()), BLOCKS_ME).withDisabled(!active)));
    }

    public MessageCreateData cardMessage(IssueCard view) {
        return new MessageCreateBuilder()
                .setEmbeds(card(view))
                .setComponents(cardButtons(view.issue()))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    public MessageEditData cardEdit(IssueCard view) {
        return new MessageEditBuilder()
                .setEmbeds(card(view))
                .setComponents(cardButtons(view.issue()))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** One line per issue for lists and search results. */
    public String row(Issue i) {
        return "**" + i.ref() + "** " + Safe.inline(i.title(), 90) + " · "
                + i.priority().label() + " · " + i.status().label()
                + (i.ownerId() == null ? "" : " · <@" + i.ownerId() + ">");
    }

    /** A page of `/issue list`; the buttons carry the filter and the page so paging needs no state. */
    public MessageCreateData listPage(Page<Issue> page, String filterKey, String heading) {
        EmbedBuilder e = Replies.card(Replies.BRAND).setTitle(Replies.title(heading));
        if (page.items().isEmpty()) {
            e.setDescription("No issues match.");
        } else {
            List<String> rows = page.items().stream().map(this::row).toList();
            e.setDescription(Replies.description(String.join("\n", rows)));
        }
        e.setFooter("Page " + (page.page() + 1) + " of " + page.pages() + " · " + page.total() + " issues");
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setEmbeds(e.build())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (page.pages() > 1) {
            b.setComponents(ActionRow.of(
                    Button.secondary(LIST_ID.id(Math.max(page.page() - 1, 0), filterKey), "Previous")
                            .withDisabled(!page.hasPrevious()),
                    Button.secondary(LIST_ID.id(page.page() + 1, filterKey), "Next")
                            .withDisabled(!page.hasNext())));
        }
        return b.build();
    }

    /** Joins lines until the next would pass {@code max}, then says how many more there are. */
    static String fitLines(List<String> lines, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "\n… and " + (lines.size() - i) + " more";
            if (b.length() + lines.get(i).length() + 1 + more.length() > max) {
                b.append(more);
                break;
            }
            if (!b.isEmpty()) b.append('\n');
            b.append(lines.get(i));
        }
        return b.toString();
    }
}
