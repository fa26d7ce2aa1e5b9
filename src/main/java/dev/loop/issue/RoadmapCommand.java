package dev.loop.issue;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * `/roadmap [owner] [area]`: what is coming, one page per area — Fix it now, High and Low waiting, what is being
 * worked on, what is in design, and the promises with their due dates. Anyone may look (it is what the team has
 * promised). Each page is one embed whose fields are capped, so no page passes Discord's limits however many issues
 * there are.
 */
public final class RoadmapCommand implements Feature {

    /** Discord allows 1,024 characters per field; six fields must also stay under 6,000 per embed. */
    static final int FIELD_MAX = 900;
    /** Issues read for one roadmap; an area with more active issues shows the most urgent. */
    static final int READ_MAX = 2000;

    static final String NO_AREA = "No area";

    private final Services services;
    private final IssueStore store;

    public RoadmapCommand(Services services, IssueStore store) {
        this.services = services;
        this.store = store;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(Commands.slash("roadmap", "What is coming, per area: urgent, waiting, in work, and promised")
                .addOptions(
                        new OptionData(OptionType.USER, "owner", "Only issues owned by this engineer", false),
                        AreaOption.option(services.config(), "Only this area")));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("roadmap", this::slash).button(RoadmapPageId.PREFIX, this::page);
    }

    private void slash(SlashCommandInteractionEvent e) {
        User owner = e.getOption("owner", OptionMapping::getAsUser);
        String area = AreaOption.read(e, services.config());
        int areaIndex = area == null ? -1 : AreaOption.indexOf(services.config(), area);
        e.reply(render(new RoadmapPageId(0, owner == null ? 0 : owner.getIdLong(), areaIndex)))
                .setEphemeral(true)
                .queue();
    }

    private void page(ButtonInteractionEvent e) {
        RoadmapPageId id = RoadmapPageId.parse(e.getComponentId())
                .filter(p -> p.areaIndex() < services.config().areas().size())
                .orElseThrow(() -> new UserError(RoadmapPageId.SHAPE.forgedSentence()));
        e.editMessage(MessageEditData.fromCreateData(render(id))).queue();
    }

    /** One area's part of the roadmap. */
    record AreaPlan(String area, List<Issue> issues) {}

    MessageCreateData render(RoadmapPageId id) {
        Config config = services.config();
        String area = id.areaIndex() < 0 ? null : AreaOption.atIndex(config, id.areaIndex());
        Long owner = id.ownerId() == 0 ? null : id.ownerId();
        List<Issue> issues = store.list(new IssueFilter(null, null, owner, area), 0, READ_MAX)
                .items();
        List<AreaPlan> plans = plans(config, area, issues);
        int page = Math.min(id.page(), plans.size() - 1);
        AreaPlan plan = plans.get(page);
        EmbedBuilder e = Replies.card(Replies.BRAND).setTitle(Replies.title("Roadmap · " + plan.area()));
        e.setDescription((owner == null ? "Everyone's issues" : "Issues owned by <@" + owner + ">") + " · "
                + plan.issues().size() + " active");
        if (plan.issues().isEmpty()) {
            e.addField("Nothing here", "No active issues.", false);
        } else {
            section(e, "Fix it now", plan.issues(), i -> waiting(i) && i.priority() == Priority.FIX_NOW);
            section(e, "High", plan.issues(), i -> waiting(i) && i.priority() == Priority.HIGH);
            section(e, "Low", plan.issues(), i -> waiting(i) && i.priority() == Priority.LOW);
            section(e, "Not triaged yet", plan.issues(), i -> waiting(i) && i.priority() == Priority.UNTRIAGED);
            section(e, "Working on", plan.issues(), i -> i.status() == IssueStatus.IN_PROGRESS);
            java.util.Set<Integer> inDesign = store.inDesign();
            section(e, "In design", plan.issues(), i -> i.status().isActive() && inDesign.contains(i.number()));
            List<String> promises = plan.issues().stream()
                    .filter(i -> i.promiseDueAt() != null)
                    .sorted(Comparator.comparing(Issue::promiseDueAt))
                    .map(i -> "**" + i.ref() + "** " + Safe.inline(i.title(), 70) + " · due <t:"
                            + i.promiseDueAt().getEpochSecond() + ":D>")
                    .toList();
            if (!promises.isEmpty()) e.addField("Promises", IssueViews.fitLines(promises, FIELD_MAX), false);
        }
        e.setFooter("Area " + (page + 1) + " of " + plans.size());
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setEmbeds(e.build())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (plans.size() > 1) {
            b.setComponents(ActionRow.of(
                    Button.secondary(
                                    new RoadmapPageId(Math.max(0, page - 1), id.ownerId(), id.areaIndex()).toCustomId(),
                                    "Previous")
                            .withDisabled(page == 0),
                    Button.secondary(new RoadmapPageId(page + 1, id.ownerId(), id.areaIndex()).toCustomId(), "Next")
                            .withDisabled(page + 1 >= plans.size())));
        }
        return b.build();
    }

    /**
     * The pages: the chosen area alone; otherwise every configured area that has something (all of them when
     * nothing is filtered by owner), then issues with no area.
     */
    static List<AreaPlan> plans(Config config, String area, List<Issue> issues) {
        if (area != null) return List.of(new AreaPlan(area, issues));
        Map<String, List<Issue>> byArea = new LinkedHashMap<>();
        for (Config.Area a : config.areas()) byArea.put(a.name(), new ArrayList<>());
        List<Issue> none = new ArrayList<>();
        for (Issue i : issues) {
            List<Issue> list = i.area() == null ? null : byArea.get(i.area());
            (list == null ? none : list).add(i);
        }
        List<AreaPlan> plans = new ArrayList<>();
        byArea.forEach((name, list) -> {
            if (!list.isEmpty()) plans.add(new AreaPlan(name, list));
        });
        if (!none.isEmpty() || plans.isEmpty()) plans.add(new AreaPlan(NO_AREA, none));
        return plans;
    }

    private static boolean waiting(Issue i) {
        return i.status() == IssueStatus.OPEN;
    }

    private static void section(EmbedBuilder e, String name, List<Issue> issues, Predicate<Issue> which) {
        List<String> rows = issues.stream()
                .filter(which)
                .map(i -> "**" + i.ref() + "** " + Safe.inline(i.title(), 70)
                        + (i.ownerId() == null ? "" : " · <@" + Objects.requireNonNull(i.ownerId()) + ">"))
                .toList();
        if (!rows.isEmpty()) e.addField(name + " (" + rows.size() + ")", IssueViews.fitLines(rows, FIELD_MAX), false);
    }
}
