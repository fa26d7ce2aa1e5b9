package dev.loop.privacy;

import dev.loop.core.Feature;
import dev.loop.core.Services;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.InteractionRouter;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.issue.MemberData;
import dev.loop.issue.PersonErased;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /privacy show} (anyone, only for them) and {@code /privacy erase user} (engineers, on the person's request),
 * with the Erase my data button and its confirmation. Thin: it reads through {@link MemberData} and
 * {@link NoticesReceived}, erases through {@link MemberData#erase} and the {@link PersonErased} port, and renders.
 */
public final class PrivacyFeature implements Feature {

    /** {@code privacy-confirm:<user>}: erase this person's data (themself, or an engineer on their request). */
    static final Shape CONFIRM = Shape.of(
            "privacy-confirm", "That button is from an older version of Loop. Run `/privacy show` again.", Kind.ID);

    /** {@code privacy-keep}: changed their mind; nothing is erased. */
    static final Shape KEEP =
            Shape.of("privacy-keep", "That button is from an older version of Loop. Run `/privacy show` again.");

    private final Services services;
    private final MemberData data;
    private final NoticesReceived notices;
    private final PersonErased elsewhere;

    public PrivacyFeature(Services services, PersonErased elsewhere) {
        this.services = services;
        this.data = new MemberData(services.database());
        this.notices = new NoticesReceived(services.database());
        this.elsewhere = elsewhere;
    }

    @Override
    public List<CommandData> commands() {
        return List.of(Commands.slash("privacy", "What Loop keeps about you, and erasing it")
                .addSubcommands(
                        new SubcommandData("show", "See what Loop keeps about you (only you see it), and erase it"),
                        new SubcommandData("erase", "Engineers: erase someone's data on their request")
                                .addOption(OptionType.USER, "user", "The person who asked to be erased", true)));
    }

    @Override
    public void routes(InteractionRouter router) {
        router.slash("privacy show", this::show)
                .slash("privacy erase", this::eraseFor)
                .button(PrivacyPages.PAGE.handler(), this::page)
                .button(PrivacyPages.ASK.handler(), this::ask)
                .button(CONFIRM.handler(), this::confirm)
                .button(KEEP.handler(), this::keep);
    }

    /** The GitHub logins `github.people` maps to this member (lower case), so their GitHub requests count as theirs. */
    List<String> githubLogins(long userId) {
        return services.config()
                .github()
                .map(g -> g.people().entrySet().stream()
                        .filter(p -> p.getValue() == userId)
                        .map(p -> p.getKey().toLowerCase(Locale.ROOT))
                        .toList())
                .orElse(List.of());
    }

    private MessageCreateBuilder view(long userId, int page) {
        MemberData.Held held = data.held(userId, githubLogins(userId));
        List<NoticesReceived.Notice> sent = notices.of(userId);
        return MessageCreateBuilder.from(PrivacyPages.render(
                PrivacyPages.pages(PrivacyPages.entries(held, sent)),
                page,
                PrivacyPages.summary(held, sent.size(), true)));
    }

    private void show(SlashCommandInteractionEvent e) {
        e.reply(view(e.getUser().getIdLong(), 0).build()).setEphemeral(true).queue();
    }

    private void page(ButtonInteractionEvent e) {
        int page = PrivacyPages.PAGE.parse(e.getComponentId()).orRefuse().number(0);
        e.editMessage(MessageEditData.fromCreateData(
                        view(e.getUser().getIdLong(), page).build()))
                .queue();
    }

    private void ask(ButtonInteractionEvent e) {
        PrivacyPages.ASK.parse(e.getComponentId()).orRefuse();
        e.reply(confirmation(
                        e.getUser().getIdLong(),
                        "Erase your data? Every line you wrote in a captured conversation and every detail you added"
                                + " will read \"erased at the author's request\", and your requests stay only as"
                                + " anonymous counts, so Loop can no longer tell you when those issues ship. This"
                                + " can't be undone."))
                .setEphemeral(true)
                .queue();
    }

    private void eraseFor(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "erase someone's data");
        User user = e.getOption("user", OptionMapping::getAsUser);
        if (user == null) throw new UserError("Name the person whose data to erase with the `user` option.");
        long id = user.getIdLong();
        MemberData.Held held = data.held(id, githubLogins(id));
        if (held.isEmpty()) {
            throw new UserError("Loop holds no requests or words of <@" + id + ">, so there is nothing to erase.");
        }
        e.reply(confirmation(
                        id,
                        "Erase <@" + id + ">'s data on their request? "
                                + PrivacyPages.summary(held, notices.of(id).size(), false)
                                + " Their words will read \"erased at the author's request\" and their requests stay"
                                + " as anonymous counts; each issue's history will say a person's data was erased on"
                                + " their request, and by you. This can't be undone."))
                .setEphemeral(true)
                .queue();
    }

    private net.dv8tion.jda.api.utils.messages.MessageCreateData confirmation(long userId, String question) {
        return MessageCreateBuilder.from(Replies.text(question))
                .setComponents(ActionRow.of(
                        Button.danger(CONFIRM.id(userId), "Erase"), Button.secondary(KEEP.id(), "Keep it")))
                .build();
    }

    private void confirm(ButtonInteractionEvent e) {
        long userId = CONFIRM.parse(e.getComponentId()).orRefuse().id(0);
        long presser = e.getUser().getIdLong();
        boolean self = userId == presser;
        if (!self) services.engineers().require(e.getMember(), "erase someone else's data");
        MemberData.Erased erased = data.erase(
                userId,
                githubLogins(userId),
                self ? null : presser,
                services.clock().instant());
        elsewhere.erased(userId, erased.anonymousIds());
        String done;
        if (erased.issues().isEmpty()) {
            done = self
                    ? "There was nothing left to erase."
                    : "There was nothing left to erase about <@" + userId + ">.";
        } else {
            done = (self ? "Done: " : "Done: <@" + userId + ">'s ")
                    + PrivacyPages.count(erased.lines(), "line") + (self ? " you wrote" : "")
                    + (erased.lines() == 1 ? " is" : " are") + " erased, and "
                    + PrivacyPages.count(erased.anonymousIds().size(), "request")
                    + (erased.anonymousIds().size() == 1 ? " stays" : " stay") + " only as an anonymous count ("
                    + PrivacyPages.count(erased.issues().size(), "issue") + " changed).";
        }
        e.editMessage(new MessageEditBuilder()
                        .setContent(done)
                        .setComponents(List.of())
                        .setAllowedMentions(
                                java.util.EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                        .build())
                .queue();
    }

    private void keep(ButtonInteractionEvent e) {
        KEEP.parse(e.getComponentId()).orRefuse();
        e.editMessage(new MessageEditBuilder()
                        .setContent("Nothing was erased.")
                        .setComponents(List.of())
                        .build())
                .queue();
    }
}
