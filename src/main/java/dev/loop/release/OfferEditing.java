package dev.loop.release;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * <b>Edit</b> on a release preview offered from GitHub: a form pre-filled with the version, notes, snippet and issue
 * numbers; what the engineer submits replaces the offer (its revision moves on, so the old buttons are refused) and
 * the preview is redrawn. Publishing then publishes the edited values.
 */
final class OfferEditing {

    private final ReleaseOffers offers;
    private final ReleaseStore store;

    OfferEditing(ReleaseOffers offers, ReleaseStore store) {
        this.offers = offers;
        this.store = store;
    }

    void open(ButtonInteractionEvent e) {
        ReleaseOffers.Offer o = offers.pressed(ReleaseIds.OFFER_EDIT_ID, e.getComponentId());
        e.replyModal(Modal.create(
                                ReleaseIds.OFFER_FORM_ID.id(o.id(), o.revision()),
                                Safe.truncate("Edit release " + Safe.oneLineRaw(o.version()), 45))
                        .addComponents(
                                Label.of(
                                        "Version",
                                        TextInput.create("version", TextInputStyle.SHORT)
                                                .setRequiredRange(1, ReleaseRules.MAX_VERSION)
                                                .setValue(o.version())
                                                .build()),
                                Label.of(
                                        "Issues",
                                        "The issues it ships, like #3 #5",
                                        TextInput.create("issues", TextInputStyle.SHORT)
                                                .setRequired(false)
                                                .setMaxLength(400)
                                                .setValue(
                                                        o.issues().isEmpty()
                                                                ? null
                                                                : o.issues().stream()
                                                                        .map(n -> "#" + n)
                                                                        .collect(Collectors.joining(" ")))
                                                .build()),
                                Label.of(
                                        "Notes",
                                        "What's new, for the releases channel",
                                        TextInput.create("notes", TextInputStyle.PARAGRAPH)
                                                .setRequiredRange(1, Announcement.MAX_NOTES)
                                                .setValue(o.notes())
                                                .build()),
                                Label.of(
                                        "Snippet",
                                        "How to use it (shown as a code block)",
                                        TextInput.create("snippet", TextInputStyle.PARAGRAPH)
                                                .setRequired(false)
                                                .setMaxLength(Announcement.MAX_SNIPPET)
                                                .setValue(o.snippet())
                                                .build()))
                        .build())
                .queue();
    }

    void submitted(ModalInteractionEvent e) {
        ComponentId.Valid form = ReleaseIds.OFFER_FORM_ID.parse(e.getModalId()).valid();
        ReleaseOffers.Offer o = offers.pressed(ReleaseIds.OFFER_FORM_ID, e.getModalId());
        String version = ReleaseRules.normaliseVersion(value(e, "version"));
        ReleaseRules.versionProblem(version).ifPresent(p -> {
            throw new UserError(p + " Nothing was changed.");
        });
        store.findByVersion(version).ifPresent(r -> {
            throw new UserError("Version " + Safe.inline(version, ReleaseRules.MAX_VERSION)
                    + " was already released; pick a new version. Nothing was changed.");
        });
        String notes = value(e, "notes");
        if (notes.isEmpty()) throw new UserError("Write a few words of release notes. Nothing was changed.");
        String snippet = value(e, "snippet");
        ReleaseRules.ParsedNumbers parsed = ReleaseRules.parseNumbers(value(e, "issues"));
        Map<Integer, Issue> found = store.issues(parsed.numbers());
        List<String> problems = ReleaseRules.issueProblems(parsed, found);
        if (!problems.isEmpty()) throw new UserError(String.join("\n", problems) + "\nNothing was changed.");
        List<Integer> numbers = ReleaseRules.distinct(parsed);
        ReleaseOffers.Offer edited = offers.edit(
                        o.id(),
                        form.id().number(1),
                        version,
                        numbers,
                        Safe.truncate(notes, Announcement.MAX_NOTES),
                        snippet.isEmpty() ? null : Safe.truncate(snippet, Announcement.MAX_SNIPPET))
                .orElseThrow(() -> new UserError("Someone else changed this release while your form was open; press"
                        + " Edit again to see their changes. Nothing was changed."));
        if (edited.messageId() != null) {
            GuildMessageChannel channel = e.getChannel() instanceof GuildMessageChannel g ? g : null;
            if (channel != null)
                channel.editMessageById(edited.messageId(), MessageEditData.fromCreateData(offers.preview(edited)))
                        .queue();
        }
        e.reply("Release **" + Safe.inline(edited.version(), ReleaseRules.MAX_VERSION)
                        + "** changed; the preview above shows it as it will be published.")
                .setEphemeral(true)
                .queue();
    }

    private static String value(ModalInteractionEvent e, String field) {
        return e.getValue(field) == null ? "" : e.getValue(field).getAsString().strip();
    }
}
