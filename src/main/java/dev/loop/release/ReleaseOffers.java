package dev.loop.release;

import static dev.loop.db.Tables.RELEASE_OFFER;

import dev.loop.core.Database;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Release previews offered from outside {@code /release} (a release published on GitHub): recorded in
 * {@code release_offer} (its one writer) before they are posted, posted in the team channel with Publish and Cancel
 * for any engineer, and published through the same {@link ReleaseStore#publish} as {@code /release}. An offer is
 * keyed by its source, so offering it again changes nothing; one recorded but not yet posted (Loop stopped in
 * between) is posted at the next start.
 */
final class ReleaseOffers {

    private static final Logger log = LoggerFactory.getLogger(ReleaseOffers.class);
    static final String PUBLISH = "reloffer";
    static final String CANCEL = "reloffercancel";

    /** One offer. */
    record Offer(int id, String version, List<Integer> issues, String notes, String snippet, String state) {}

    private final Database db;
    private final IssueStore issues;
    private final ReleaseStore store;
    private final Clock clock;
    private final long teamChannel;
    private final Supplier<DeliveryMode> mode;
    private final Runnable published;
    private volatile JDA jda;

    ReleaseOffers(
            Database db,
            IssueStore issues,
            ReleaseStore store,
            Clock clock,
            long teamChannel,
            Supplier<DeliveryMode> mode,
            Runnable published) {
        this.db = db;
        this.issues = issues;
        this.store = store;
        this.clock = clock;
        this.teamChannel = teamChannel;
        this.mode = mode;
        this.published = published;
    }

    /** Discord is ready: offers recorded but never posted go out now. */
    void ready(JDA ready) {
        this.jda = ready;
        for (Offer o : db.read(ctx -> ctx.selectFrom(RELEASE_OFFER)
                .where(RELEASE_OFFER.MESSAGE_ID.isNull().and(RELEASE_OFFER.STATE.eq("offered")))
                .fetch(ReleaseOffers::toOffer))) post(o);
    }

    void offer(String key, String version, List<Integer> numbers, String notes, String snippet) {
        String v = ReleaseRules.normaliseVersion(version);
        boolean fresh = db.write(ctx -> ctx.insertInto(RELEASE_OFFER)
                        .set(RELEASE_OFFER.SOURCE_KEY, key)
                        .set(RELEASE_OFFER.VERSION, Safe.truncate(v, ReleaseRules.MAX_VERSION))
                        .set(
                                RELEASE_OFFER.ISSUES,
                                numbers.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                        .set(RELEASE_OFFER.NOTES, Safe.truncate(notes, Announcement.MAX_NOTES))
                        .set(
                                RELEASE_OFFER.SNIPPET,
                                snippet == null ? null : Safe.truncate(snippet, Announcement.MAX_SNIPPET))
                        .set(RELEASE_OFFER.STATE, "offered")
                        .set(RELEASE_OFFER.CREATED_AT, clock.instant().toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
        if (!fresh) return;
        Offer o = find(key).orElseThrow();
        if (jda != null) post(o);
    }

    private Optional<Offer> find(String key) {
        return db.read(ctx -> ctx.selectFrom(RELEASE_OFFER)
                .where(RELEASE_OFFER.SOURCE_KEY.eq(key))
                .fetchOptional(ReleaseOffers::toOffer));
    }

    private Optional<Offer> find(int id) {
        return db.read(ctx ->
                ctx.selectFrom(RELEASE_OFFER).where(RELEASE_OFFER.ID.eq(id)).fetchOptional(ReleaseOffers::toOffer));
    }

    private void post(Offer o) {
        GuildMessageChannel team = jda == null ? null : jda.getChannelById(GuildMessageChannel.class, teamChannel);
        if (team == null) {
            log.warn("Team channel {} is not visible; the preview of {} waits for the next start", teamChannel, o);
            return;
        }
        List<ShippedIssue> shipped = store.preview(o.issues());
        String announcement = Announcement.render(o.version(), o.notes(), o.snippet(), Announcement.items(shipped));
        String v = Safe.inline(o.version(), ReleaseRules.MAX_VERSION);
        String content = "**" + v + "** was published on GitHub. Publishing it here ships "
                + (o.issues().isEmpty() ? "no tracked issues" : refs(o.issues()))
                + ", announces it and tells everyone who asked. An engineer can publish or cancel it.";
        Message m = team.sendMessage(new MessageCreateBuilder()
                        .setContent(content)
                        .setEmbeds(Replies.card(Replies.BRAND)
                                .setTitle("Announcement preview")
                                .setDescription(Replies.description(announcement))
                                .build())
                        .setComponents(ActionRow.of(
                                Button.success(PUBLISH + ":" + o.id(), "Publish"),
                                Button.secondary(CANCEL + ":" + o.id(), "Cancel")))
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .complete();
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.MESSAGE_ID, m.getIdLong())
                .where(RELEASE_OFFER.ID.eq(o.id()))
                .execute());
    }

    void publish(ButtonInteractionEvent e) {
        Offer o = pressed(e);
        e.deferEdit().queue();
        List<Integer> numbers = o.issues().stream()
                .filter(n ->
                        issues.find(n).map(Issue::status).map(s -> s.isActive()).orElse(false))
                .toList();
        ReleaseStore.Publication p;
        try {
            p = store.publish(
                    new NewRelease(
                            o.version(),
                            numbers,
                            o.notes(),
                            o.snippet(),
                            e.getUser().getIdLong()),
                    mode.get(),
                    clock.instant());
        } catch (ReleaseRefused refused) {
            throw new UserError(String.join("\n", refused.reasons()) + "\nNothing was published.");
        }
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.STATE, "published")
                .where(RELEASE_OFFER.ID.eq(o.id()))
                .execute());
        published.run();
        e.getHook()
                .editOriginal(new MessageEditBuilder()
                        .setContent("✅ <@" + e.getUser().getIdLong() + "> published **"
                                + Safe.inline(p.release().version(), ReleaseRules.MAX_VERSION) + "**"
                                + (numbers.isEmpty() ? "." : ": " + refs(numbers) + " shipped."))
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }

    void cancel(ButtonInteractionEvent e) {
        Offer o = pressed(e);
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.STATE, "cancelled")
                .where(RELEASE_OFFER.ID.eq(o.id()))
                .execute());
        e.editMessage(new MessageEditBuilder()
                        .setContent("Release **" + Safe.inline(o.version(), ReleaseRules.MAX_VERSION)
                                + "** cancelled by <@" + e.getUser().getIdLong() + ">; nothing was published.")
                        .setEmbeds()
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }

    private Offer pressed(ButtonInteractionEvent e) {
        String id = e.getComponentId().substring(e.getComponentId().indexOf(':') + 1);
        int offerId;
        try {
            offerId = Integer.parseInt(id);
        } catch (NumberFormatException bad) {
            throw new UserError("This button is not one Loop made.");
        }
        Offer o = find(offerId).orElseThrow(() -> new UserError("This release preview no longer exists."));
        if (!o.state().equals("offered")) throw new UserError("This release was already " + o.state() + ".");
        return o;
    }

    private static String refs(List<Integer> numbers) {
        return numbers.stream().map(n -> "#" + n).collect(Collectors.joining(", "));
    }

    private static Offer toOffer(dev.loop.db.tables.records.ReleaseOfferRecord r) {
        List<Integer> numbers = r.getIssues().isBlank()
                ? List.of()
                : Arrays.stream(r.getIssues().split(" ")).map(Integer::parseInt).toList();
        return new Offer(r.getId(), r.getVersion(), numbers, r.getNotes(), r.getSnippet(), r.getState());
    }
}
