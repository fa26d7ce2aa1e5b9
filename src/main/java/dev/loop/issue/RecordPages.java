package dev.loop.issue;

import dev.loop.core.discord.Replies;
import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The record views behind the card's Transcript, People, Details, Proposals and History buttons: one embed per page,
 * packed so that no page passes Discord's limits (embed description 4,096, whole embed 6,000) however long the record
 * is. Everything a person wrote goes through {@link Safe}, so it reads as typed and pings nobody.
 */
public final class RecordPages {

    /** Room for a page's entries: under the 4,096 description limit with space to spare for the continuation marks. */
    static final int PAGE_CHARS = 3_800;
    /** At most this many entries on a page, so a page stays readable. */
    static final int PAGE_ENTRIES = 10;
    /** A longer entry (a long message) is cut into pieces of this size, each on the page where it fits. */
    static final int PIECE_CHARS = 1_500;

    private final IssueStore store;
    private final RecordReads reads;

    public RecordPages(IssueStore store) {
        this.store = store;
        this.reads = new RecordReads(store.database());
    }

    /** The card's row of view buttons, shown under `/issue show`. */
    public static ActionRow tabButtons(int number) {
        List<Button> buttons = new ArrayList<>();
        for (RecordTab tab : RecordTab.values()) {
            buttons.add(Button.secondary(RecordPageId.open(number, tab).toCustomId(), tab.label()));
        }
        return ActionRow.of(buttons);
    }

    /**
     * Page {@code page} of one view (clamped to the pages there are). {@code names} gives a person's display name
     * for a user id, or null when Loop does not know it.
     */
    public MessageCreateData page(Issue issue, RecordTab tab, int page, LongFunction<String> names) {
        List<String> entries = entries(issue.number(), tab, names);
        List<List<String>> pages = entries.isEmpty()
                ? List.of(List.of())
                : Chunker.pack(entries, s -> s, "\n\n", 0, PAGE_CHARS, PAGE_ENTRIES);
        int shown = Math.max(0, Math.min(page, pages.size() - 1));
        EmbedBuilder e = Replies.card(Replies.BRAND)
                .setTitle(Replies.title(tab.label() + " of " + issue.ref() + " " + Safe.inline(issue.title(), 150)));
        e.setDescription(entries.isEmpty() ? empty(tab) : Replies.description(String.join("\n\n", pages.get(shown))));
        e.setFooter(
                "Page " + (shown + 1) + " of " + pages.size() + " · " + count(issue.number(), tab) + " " + tab.unit());
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setEmbeds(e.build())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        List<ActionRow> rows = new ArrayList<>();
        rows.add(tabButtons(issue.number()));
        if (pages.size() > 1) {
            rows.add(ActionRow.of(
                    Button.secondary(
                                    new RecordPageId(issue.number(), tab, Math.max(0, shown - 1), 'p').toCustomId(),
                                    "Previous")
                            .withDisabled(shown == 0),
                    Button.secondary(
                                    new RecordPageId(issue.number(), tab, Math.min(shown + 1, pages.size() - 1), 'n')
                                            .toCustomId(),
                                    "Next")
                            .withDisabled(shown == pages.size() - 1)));
        }
        return b.setComponents(rows).build();
    }

    private static String empty(RecordTab tab) {
        return switch (tab) {
            case TRANSCRIPT -> "No conversation was copied into this issue.";
            case PEOPLE -> "Nobody has asked for this issue yet.";
            case DETAILS -> "Nobody has added details yet.";
            case PROPOSALS -> "No solution has been proposed yet.";
            case HISTORY -> "Nothing has changed yet.";
        };
    }

    private int count(int number, RecordTab tab) {
        return switch (tab) {
            case TRANSCRIPT ->
                (int) store.transcript(number).stream()
                        .filter(l -> l.placeId() != null)
                        .count();
            case PEOPLE -> store.requesters(number).size();
            case DETAILS ->
                (int) store.transcript(number).stream()
                        .filter(l -> l.placeId() == null)
                        .count();
            case PROPOSALS -> reads.proposals(number).size();
            case HISTORY -> store.history(number).size();
        };
    }

    /** Each entry rendered and cut into pieces that fit a page; a cut entry says it goes on. */
    private List<String> entries(int number, RecordTab tab, LongFunction<String> names) {
        List<String> whole = switch (tab) {
            case TRANSCRIPT -> lines(number, true, names);
            case DETAILS -> lines(number, false, names);
            case PEOPLE -> people(number, names);
            case PROPOSALS -> proposals(number, names);
            case HISTORY -> history(number, names);
        };
        List<String> out = new ArrayList<>();
        for (String entry : whole) {
            List<String> pieces = Chunker.split(List.of(entry), PIECE_CHARS);
            for (int i = 0; i < pieces.size(); i++) {
                out.add((i == 0 ? "" : "(continued) ") + pieces.get(i) + (i < pieces.size() - 1 ? " …" : ""));
            }
        }
        return out;
    }

    private static String when(Instant at) {
        return TimeFormat.DATE_TIME_SHORT.format(at);
    }

    private static String who(long userId, LongFunction<String> names, Map<Long, String> known) {
        if (ErasedPeople.isErased(userId)) return ErasedPeople.NAME;
        String name = names.apply(userId);
        if (name == null) name = known.get(userId);
        if (name != null) return Safe.inline(name, 80);
        // Discord shows a user mention as the person's name; the view allows no mentions, so it pings nobody
        return userId > 0 ? "<@" + userId + ">" : "a GitHub account";
    }

    /** The conversation (lines from a place) or the details people added through the form (lines without one). */
    private List<String> lines(int number, boolean conversation, LongFunction<String> names) {
        List<String> out = new ArrayList<>();
        for (TranscriptLine l : store.transcript(number)) {
            if ((l.placeId() != null) != conversation) continue;
            StringBuilder b = new StringBuilder("**")
                    .append(Safe.inline(l.authorName(), 80))
                    .append("** · ")
                    .append(when(l.postedAt()))
                    .append('\n')
                    .append(Safe.block(l.content(), 4_000));
            for (String url : l.attachmentUrls()) {
                b.append("\n📎 ").append(Safe.inline(url, 500));
            }
            out.add(b.toString());
        }
        return out;
    }

    private List<String> people(int number, LongFunction<String> names) {
        Map<Long, Place> places = new HashMap<>();
        for (Place p : store.places(number)) places.put(p.id(), p);
        Map<Long, String> known = authors(number);
        known.putAll(store.githubLogins(number));
        List<String> out = new ArrayList<>();
        for (Requester r : store.requesters(number)) {
            StringBuilder b = new StringBuilder("**")
                    .append(who(r.userId(), names, known))
                    .append("** ");
            b.append(how(r.how()));
            Place place = r.placeId() == null ? null : places.get(r.placeId());
            if (place != null) {
                b.append(" in ")
                        .append(place.title() == null ? "" : Safe.inline(place.title(), 100) + " ")
                        .append(Safe.inline(place.url(), 300));
            }
            b.append(", ").append(when(r.addedAt()));
            out.add(b.toString());
        }
        return out;
    }

    private static String how(Requester.How how) {
        return switch (how) {
            case AUTHOR -> "started the conversation";
            case MESSAGE_AUTHOR -> "wrote the message that was captured";
            case LINK -> "asked in a conversation linked to it";
            case ME_TOO -> "pressed Me too";
            case BLOCKS_ME -> "pressed This blocks me";
            case REACTION -> "reacted 👍";
            case HINT -> "asked in a post matched to it";
            case MANUAL -> "was added by an engineer";
            case GITHUB -> "asked on GitHub";
            case ERASED -> "asked (how and where was erased with their data)";
        };
    }

    private Map<Long, String> authors(int number) {
        Map<Long, String> known = new HashMap<>();
        for (TranscriptLine l : store.transcript(number)) known.putIfAbsent(l.authorId(), l.authorName());
        return known;
    }

    private List<String> proposals(int number, LongFunction<String> names) {
        Map<Long, String> known = authors(number);
        List<Requester> requesters = store.requesters(number);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (RecordReads.ProposalRecord p : reads.proposals(number)) {
            n++;
            StringBuilder b = new StringBuilder("**Proposal ")
                    .append(n)
                    .append("** by ")
                    .append(who(p.proposedBy(), names, known))
                    .append(" · ")
                    .append(when(p.proposedAt()))
                    .append('\n')
                    .append(Safe.block(p.solution(), 4_000));
            if (p.snippet() != null && !p.snippet().isBlank()) {
                b.append('\n').append(Safe.codeBlock(p.snippet(), null, 1_200));
            }
            Map<Long, RecordReads.Answer> answers = new HashMap<>();
            for (RecordReads.Answer a : p.answers()) answers.put(a.userId(), a);
            for (Requester r : requesters) {
                RecordReads.Answer a = answers.remove(r.userId());
                b.append("\n• ")
                        .append(who(r.userId(), names, known))
                        .append(": ")
                        .append(a == null ? "no answer yet" : (a.solves() ? "Solves it" : "Doesn't solve it"));
            }
            for (RecordReads.Answer a : answers.values()) {
                b.append("\n• ")
                        .append(who(a.userId(), names, known))
                        .append(": ")
                        .append(a.solves() ? "Solves it" : "Doesn't solve it");
            }
            out.add(b.toString());
        }
        return out;
    }

    private List<String> history(int number, LongFunction<String> names) {
        Map<Long, String> known = authors(number);
        List<String> out = new ArrayList<>();
        for (HistoryEntry h : store.history(number)) {
            out.add(when(h.at()) + " · **" + (h.actorId() == null ? "Loop" : who(h.actorId(), names, known)) + "** · "
                    + Safe.inline(h.type(), 32) + ": " + Safe.block(h.detail(), 1_200));
        }
        return out;
    }
}
