package dev.loop.issue;

import dev.loop.core.Services;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;

/**
 * `/issue edit`: an engineer fixes a record's title, kind, summary, area and docs flag in a form pre-filled with
 * what is there. The form's id carries the issue's revision, so a form opened before someone else changed the issue
 * cannot silently undo that change.
 */
final class IssueEditing {

    static final String PREFIX = "issueedit";
    /** Issue number and the revision the form was filled from. */
    static final Shape FORM_ID = Shape.of(
            PREFIX, "That form is from an older version of Loop. Run /issue edit again.", Kind.NUMBER, Kind.REVISION);

    private final Services services;
    private final IssueStore store;
    private final IssueActions actions;
    private final IssueEdits edits;
    private volatile IssueKindSet kindSet = IssueKindSet.NOTHING;

    IssueEditing(Services services, IssueStore store, IssueActions actions) {
        this.services = services;
        this.store = store;
        this.actions = actions;
        this.edits = new IssueEdits(store);
    }

    void onKindSet(IssueKindSet port) {
        this.kindSet = port;
    }

    void open(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "edit issues");
        int number = IssueNumberOption.read(e, "number");
        Issue issue = store.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
        e.replyModal(form(issue)).queue();
    }

    static Modal form(Issue issue) {
        TextInput.Builder title =
                TextInput.create("title", TextInputStyle.SHORT).setRequiredRange(1, 300);
        String t = Safe.truncate(Safe.oneLineRaw(issue.title()), 300);
        if (!t.isBlank()) title.setValue(t);
        TextInput.Builder summary =
                TextInput.create("summary", TextInputStyle.PARAGRAPH).setRequiredRange(1, 4000);
        String s = Safe.truncate(issue.summary().strip(), 4000);
        if (!s.isBlank()) summary.setValue(s);
        TextInput.Builder area = TextInput.create("area", TextInputStyle.SHORT)
                .setRequired(false)
                .setMaxLength(100);
        if (issue.area() != null && !issue.area().isBlank()) area.setValue(Safe.truncate(issue.area(), 100));
        StringSelectMenu.Builder kind = StringSelectMenu.create("kind");
        for (IssueKind k : IssueKind.values()) kind.addOption(k.label(), k.code());
        return Modal.create(FORM_ID.id(issue.number(), issue.revision()), Safe.truncate("Edit " + issue.ref(), 45))
                .addComponents(
                        Label.of("Title", title.build()),
                        Label.of(
                                "Kind",
                                kind.setDefaultValues(issue.kind().code()).build()),
                        Label.of("Summary", summary.build()),
                        Label.of("Area", area.build()),
                        Label.of(
                                "Needs docs or copy changes?",
                                StringSelectMenu.create("needs_docs")
                                        .addOption("No", "no")
                                        .addOption("Yes", "yes")
                                        .setDefaultValues(issue.needsDocs() ? "yes" : "no")
                                        .build()))
                .build();
    }

    void submit(ModalInteractionEvent e) {
        services.engineers().require(e.getMember(), "edit issues");
        // a revision other than the record's is answered by IssueEdits, inside the write, with what changed
        ComponentId id = FORM_ID.parse(e.getModalId()).valid().id();
        int number = id.number(0);
        int revision = id.number(1);
        String title = value(e, "title");
        String summary = value(e, "summary");
        String area = value(e, "area");
        if (title.isEmpty()) throw new UserError("The title can't be empty.");
        if (summary.isEmpty()) throw new UserError("The summary can't be empty.");
        Issue current = store.lookup(number).orRefuse();
        // a select left as it was may come back empty: it keeps what the issue has
        String chosenKind = first(e, "kind");
        IssueKind kind = chosenKind == null
                ? current.kind()
                : IssueKind.parse(chosenKind)
                        .orElseThrow(() -> new UserError("Choose a kind: bug, feature or question."));
        String chosenDocs = first(e, "needs_docs");
        boolean needsDocs = chosenDocs == null ? current.needsDocs() : "yes".equals(chosenDocs);
        IssueEdits.Fields fields = new IssueEdits.Fields(title, kind, summary, area.isEmpty() ? null : area, needsDocs);
        IssueEdits.Outcome outcome = edits.edit(
                        number, revision, fields, e.getUser().getIdLong(), actions.now())
                .orElseThrow(() -> new UserError(new IssueLookup.Gone(number).sentence()));
        IssueEdits.Edited edited = switch (outcome) {
            case IssueEdits.Stale stale ->
                throw new UserError(stale.current().ref() + " changed while the form was open, so nothing was saved."
                        + " Run /issue edit again to see it as it is now.");
            case IssueEdits.Applied applied -> applied.edited();
        };
        if (edited.changes().isEmpty()) {
            e.reply(Replies.text("Nothing was different, so " + edited.after().ref() + " is unchanged."))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        e.reply(Replies.text("Updated **" + edited.after().ref() + "**: " + fieldsChanged(edited.changes())
                        + ". The change is in its history and on its cards."))
                .setEphemeral(true)
                .queue();
        actions.refreshCards(e.getJDA(), number);
        if (edited.kindChanged()) kindSet.kindSet(e.getJDA(), edited.after());
    }

    /** "title and kind" from the history lines "title: … → …". */
    private static String fieldsChanged(List<String> changes) {
        List<String> names =
                changes.stream().map(c -> c.substring(0, c.indexOf(':'))).toList();
        if (names.size() == 1) return names.getFirst();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String value(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        return v == null ? "" : v.getAsString().strip();
    }

    private static String first(ModalInteractionEvent e, String id) {
        var v = e.getValue(id);
        if (v == null) return null;
        return Optional.ofNullable(v.getAsStringList())
                .filter(l -> !l.isEmpty())
                .map(List::getFirst)
                .orElse(null);
    }
}
