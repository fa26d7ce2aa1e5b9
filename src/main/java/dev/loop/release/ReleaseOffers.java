package dev.loop.release;

import static dev.loop.db.Tables.RELEASE_OFFER;

import dev.loop.core.Database;
import dev.loop.core.discord.ComponentId;
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
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Release previews offered from outside {@code /release} (a release published on GitHub): recorded in
 * {@code release_offer} (its one writer) before they are posted, posted in the team channel with Publish, Edit and
 * Cancel for any engineer, and published through the same {@link ReleaseStore#publish} as {@code /release}.
 *
 * <p>Exactly once: an offer is keyed by its source, so offering it again changes nothing; one recorded but not yet
 * posted (Loop stopped in between) is posted at the next start, with a nonce, so a preview posted just before a stop
 * is not posted twice; Publish marks the offer published in the publish transaction itself, so a press after a
 * restart finds it published. With {@code github.auto-publish} the offer is published as soon as it is recorded (or
 * at the next start, if Loop stopped in between), and the team channel is told instead of asked.
 */
final class ReleaseOffers {

    private static final Logger log = LoggerFactory.getLogger(ReleaseOffers.class);

    /** One offer; {@code revision} counts its edits. */
    record Offer(
            int id,
            String version,
            List<Integer> issues,
            String notes,
            String snippet,
            String state,
            int revision,
            Long messageId,
            Long releaseId) {}

    private final Database db;
    private final IssueStore issues;
    private final ReleaseStore store;
    private final Clock clock;
    private final long teamChannel;
    private final Supplier<DeliveryMode> mode;
    private final boolean autoPublish;
    private final boolean reviewOnGitHub;
    private final Runnable published;
    private volatile JDA jda;

    ReleaseOffers(
            Database db,
            IssueStore issues,
            ReleaseStore store,
            Clock clock,
            long teamChannel,
            Supplier<DeliveryMode> mode,
            boolean autoPublish,
            boolean reviewOnGitHub,
            Runnable published) {
        this.db = db;
        this.issues = issues;
        this.store = store;
        this.clock = clock;
        this.teamChannel = teamChannel;
        this.mode = mode;
        this.autoPublish = autoPublish;
        this.reviewOnGitHub = reviewOnGitHub;
        this.published = published;
    }

    /** Discord is ready: offers recorded but never posted (or, with auto-publish, never published) go out now. */
    void ready(JDA ready) {
        this.jda = ready;
        // offered and never posted; or, with auto-publish, published without its note in the team channel yet
        for (Offer o : db.read(ctx -> ctx.selectFrom(RELEASE_OFFER)
                .where(RELEASE_OFFER.MESSAGE_ID.isNull())
                .and(RELEASE_OFFER.STATE.in("offered", "published"))
                .orderBy(RELEASE_OFFER.ID)
                .fetch(ReleaseOffers::toOffer))) {
            if (autoPublish) autoPublish(o);
            else if (o.state().equals("offered")) post(o);
        }
    }

    void offer(String key, String version, List<Integer> numbers, String notes, String snippet) {
        String v = ReleaseRules.normaliseVersion(version);
        boolean fresh = db.write(ctx -> ctx.insertInto(RELEASE_OFFER)
                        .set(RELEASE_OFFER.SOURCE_KEY, key)
                        .set(RELEASE_OFFER.VERSION, Safe.truncate(v, ReleaseRules.MAX_VERSION))
                        .set(RELEASE_OFFER.ISSUES, joined(numbers))
                        .set(RELEASE_OFFER.NOTES, Safe.truncate(notes, Announcement.MAX_NOTES))
                        .set(
                                RELEASE_OFFER.SNIPPET,
                                snippet == null ? null : Safe.truncate(snippet, Announcement.MAX_SNIPPET))
                        .set(RELEASE_OFFER.STATE, "offered")
                        .set(RELEASE_OFFER.CREATED_AT, clock.instant().toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
        if (!fresh || jda == null) return; // already offered, or offered at start by ready()
        Offer o = find(key).orElseThrow();
        if (autoPublish) autoPublish(o);
        else post(o);
    }

    Optional<Offer> find(String key) {
        return db.read(ctx -> ctx.selectFrom(RELEASE_OFFER)
                .where(RELEASE_OFFER.SOURCE_KEY.eq(key))
                .fetchOptional(ReleaseOffers::toOffer));
    }

    Optional<Offer> find(int id) {
        return db.read(ctx ->
                ctx.selectFrom(RELEASE_OFFER).where(RELEASE_OFFER.ID.eq(id)).fetchOptional(ReleaseOffers::toOffer));
    }

    private synchronized void post(Offer o) {
        GuildMessageChannel team = team();
        if (team == null) return;
        Message m = team.sendMessage(preview(o)).setNonce(Nonces.offer(o.id())).complete();
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.MESSAGE_ID, m.getIdLong())
                .where(RELEASE_OFFER.ID.eq(o.id()))
                .execute());
    }

    private GuildMessageChannel team() {
        GuildMessageChannel team = jda == null ? null : jda.getChannelById(GuildMessageChannel.class, teamChannel);
        if (team == null)
            log.warn("Team channel {} is not visible; release previews wait for the next start", teamChannel);
        return team;
    }

    /** The preview message: what publishing does, the announcement as it will read, and the buttons. */
    MessageCreateData preview(Offer o) {
        List<ShippedIssue> shipped = store.preview(o.issues());
        String announcement = Announcement.render(o.version(), o.notes(), o.snippet(), Announcement.items(shipped));
        String v = Safe.inline(o.version(), ReleaseRules.MAX_VERSION);
        String content = "**" + v + "** was published on GitHub. Publishing it here ships "
                + (o.issues().isEmpty() ? "no tracked issues" : refs(o.issues()))
                + ", announces it and tells everyone who asked. An engineer can publish it, edit it first, or"
                + " cancel it.";
        return new MessageCreateBuilder()
                .setContent(content)
                .setEmbeds(Replies.card(Replies.BRAND)
                        .setTitle("Announcement preview")
                        .setDescription(Replies.description(announcement))
                        .build())
                .setComponents(ActionRow.of(
                        Button.success(ReleaseIds.OFFER_PUBLISH_ID.id(o.id(), o.revision()), "Publish"),
                        Button.primary(ReleaseIds.OFFER_EDIT_ID.id(o.id(), o.revision()), "Edit"),
                        Button.secondary(ReleaseIds.OFFER_CANCEL_ID.id(o.id(), o.revision()), "Cancel")))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    void publish(ButtonInteractionEvent e) {
        Offer o = pressed(ReleaseIds.OFFER_PUBLISH_ID, e.getComponentId());
        e.deferEdit().queue();
        ReleaseStore.Publication p;
        try {
            p = publish(o, e.getUser().getIdLong());
        } catch (ReleaseRefused refused) {
            throw new UserError(String.join("\n", refused.reasons()) + "\nNothing was published.");
        }
        e.getHook()
                .editOriginal(new MessageEditBuilder()
                        .setContent("✅ <@" + e.getUser().getIdLong() + "> published **"
                                + Safe.inline(p.release().version(), ReleaseRules.MAX_VERSION) + "**"
                                + (p.shipped().isEmpty() ? "." : ": " + refs(shippedNumbers(p)) + " shipped."))
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }

    /**
     * Publishes the offer as it now stands, marking it published in the same transaction; an offer that is no longer
     * offered (published or cancelled meanwhile, by a press that won the race) is refused.
     */
    private ReleaseStore.Publication publish(Offer o, long by) {
        List<Integer> numbers = o.issues().stream()
                .filter(n ->
                        issues.find(n).map(Issue::status).map(s -> s.isActive()).orElse(false))
                .toList();
        ReleaseStore.Publication p = db.write(ctx -> {
            int claimed = ctx.update(RELEASE_OFFER)
                    .set(RELEASE_OFFER.STATE, "published")
                    .where(RELEASE_OFFER.ID.eq(o.id()))
                    .and(RELEASE_OFFER.STATE.eq("offered"))
                    .and(RELEASE_OFFER.REVISION.eq(o.revision()))
                    .execute();
            if (claimed == 0) throw new UserError("This release was already published or cancelled, or just edited.");
            ReleaseStore.Publication pub = store.publish(
                    new NewRelease(o.version(), numbers, o.notes(), o.snippet(), by),
                    mode.get(),
                    clock.instant(),
                    reviewOnGitHub);
            ctx.update(RELEASE_OFFER)
                    .set(RELEASE_OFFER.RELEASE_ID, (int) pub.release().id())
                    .where(RELEASE_OFFER.ID.eq(o.id()))
                    .execute();
            return pub;
        });
        published.run();
        log.info("Release {} published from its preview: {}", o.version(), numbers);
        return p;
    }

    /**
     * github.auto-publish: publishes at once and tells the team channel what went out. The note is recorded as the
     * offer's message, so a stop between publishing and the note sends it at the next start, with the same nonce.
     */
    private synchronized void autoPublish(Offer o) {
        GuildMessageChannel team = team();
        if (team == null) return;
        String v = Safe.inline(o.version(), ReleaseRules.MAX_VERSION);
        String text;
        Offer now = find(o.id()).orElseThrow();
        if (now.state().equals("offered")) {
            try {
                publish(now, jda.getSelfUser().getIdLong());
                now = find(o.id()).orElseThrow();
            } catch (ReleaseRefused refused) {
                cancelled(o.id());
                now = find(o.id()).orElseThrow();
                text = "**" + v + "** was published on GitHub, but Loop could not publish it: "
                        + String.join(" ", refused.reasons()) + " Run /release to publish it by hand.";
                note(team, now, text);
                return;
            }
        }
        if (!now.state().equals("published") || now.messageId() != null || now.releaseId() == null) return;
        List<Integer> shipped = store.issueNumbers(now.releaseId());
        text = "✅ **" + v + "** was published on GitHub, so Loop published it here too"
                + (shipped.isEmpty() ? "" : ": " + refs(shipped) + " shipped")
                + ". Announcing it and telling everyone who asked now.";
        note(team, now, text);
    }

    private void note(GuildMessageChannel team, Offer o, String text) {
        Message m = team.sendMessage(new MessageCreateBuilder()
                        .setContent(text)
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .setNonce(Nonces.autoPublished(o.id()))
                .complete();
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.MESSAGE_ID, m.getIdLong())
                .where(RELEASE_OFFER.ID.eq(o.id()))
                .execute());
    }

    void cancel(ButtonInteractionEvent e) {
        Offer o = pressed(ReleaseIds.OFFER_CANCEL_ID, e.getComponentId());
        cancelled(o.id());
        e.editMessage(new MessageEditBuilder()
                        .setContent("Release **" + Safe.inline(o.version(), ReleaseRules.MAX_VERSION)
                                + "** cancelled by <@" + e.getUser().getIdLong() + ">; nothing was published.")
                        .setEmbeds()
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }

    private void cancelled(int id) {
        db.transaction(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.STATE, "cancelled")
                .where(RELEASE_OFFER.ID.eq(id).and(RELEASE_OFFER.STATE.eq("offered")))
                .execute());
    }

    /**
     * Records an edit unless someone else edited (or published) the offer since {@code revision}; the offer as it
     * now stands.
     */
    Optional<Offer> edit(int id, int revision, String version, List<Integer> numbers, String notes, String snippet) {
        int changed = db.write(ctx -> ctx.update(RELEASE_OFFER)
                .set(RELEASE_OFFER.VERSION, version)
                .set(RELEASE_OFFER.ISSUES, joined(numbers))
                .set(RELEASE_OFFER.NOTES, notes)
                .set(RELEASE_OFFER.SNIPPET, snippet)
                .set(RELEASE_OFFER.REVISION, revision + 1)
                .where(RELEASE_OFFER.ID.eq(id))
                .and(RELEASE_OFFER.REVISION.eq(revision))
                .and(RELEASE_OFFER.STATE.eq("offered"))
                .execute());
        return changed == 0 ? Optional.empty() : find(id);
    }

    /** The offer a control names, refusing a control drawn for an older revision or an offer no longer offered. */
    Offer pressed(ComponentId.Shape shape, String customId) {
        ComponentId.Valid control = shape.parse(customId).valid();
        Offer o = find((int) control.id().id(0))
                .orElseThrow(() -> new UserError("This release preview no longer exists."));
        if (!o.state().equals("offered")) throw new UserError("This release was already " + o.state() + ".");
        control.against(o.revision()).orRefuse();
        return o;
    }

    private static List<Integer> shippedNumbers(ReleaseStore.Publication p) {
        return p.shipped().stream().map(ShippedIssue::number).toList();
    }

    static String refs(List<Integer> numbers) {
        return numbers.stream().map(n -> "#" + n).collect(Collectors.joining(", "));
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static Offer toOffer(dev.loop.db.tables.records.ReleaseOfferRecord r) {
        List<Integer> numbers = r.getIssues().isBlank()
                ? List.of()
                : Arrays.stream(r.getIssues().split(" ")).map(Integer::parseInt).toList();
        return new Offer(
                r.getId(),
                r.getVersion(),
                numbers,
                r.getNotes(),
                r.getSnippet(),
                r.getState(),
                r.getRevision(),
                r.getMessageId(),
                r.getReleaseId() == null ? null : r.getReleaseId().longValue());
    }
}
