package dev.loop.issue;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.UserError;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One page of one view of an issue record, as carried in a button's custom_id:
 * {@code rec:<issue>:<tab>:<page>:<role>}, e.g. {@code "rec:12:t:3:n"}, written and read by {@link ComponentId}
 * ({@link #SHAPE}). Nothing is kept in memory, so the buttons keep working after a restart. The role ({@code v} a
 * view button, {@code p} Previous, {@code n} Next) keeps every id in one message distinct, since Previous on page 2
 * and the view button both lead to page 1... of different views or the same one.
 */
public record RecordPageId(int issueNumber, RecordTab tab, int page, char role) {

    public static final String PREFIX = "rec";
    /** Discord's custom_id limit; the longest id here is 3 + 1 + 10 + 1 + 1 + 1 + 6 + 1 + 1 = 25. */
    static final int MAX_CUSTOM_ID_LENGTH = ComponentId.MAX_LENGTH;
    /** More pages than any record could fill: a bigger number in an id is not ours. */
    static final int MAX_PAGE = 999_999;

    private static final String ROLES = "vpn";

    /**
     * Issue number, tab code, page, role. The two word fields share one set of words (the tab codes and the roles);
     * {@link #parse} then checks each is the one its place allows.
     */
    static final Shape SHAPE = Shape.of(
                    PREFIX,
                    "Those buttons are from an older version of Loop. Run /issue show again.",
                    Kind.NUMBER,
                    Kind.WORD,
                    Kind.INDEX,
                    Kind.WORD)
            .words(Stream.concat(
                            Arrays.stream(RecordTab.values()).map(RecordTab::code),
                            ROLES.chars().mapToObj(c -> String.valueOf((char) c)))
                    .distinct()
                    .toArray(String[]::new));

    public RecordPageId {
        Objects.requireNonNull(tab, "tab");
        if (issueNumber <= 0) throw new IllegalArgumentException("issue number must be positive: " + issueNumber);
        if (page < 0 || page > MAX_PAGE) throw new IllegalArgumentException("page out of range: " + page);
        if (ROLES.indexOf(role) < 0) throw new IllegalArgumentException("bad role: " + role);
    }

    /** The button that opens {@code tab} at its first page. */
    static RecordPageId open(int issueNumber, RecordTab tab) {
        return new RecordPageId(issueNumber, tab, 0, 'v');
    }

    public String toCustomId() {
        return SHAPE.id(issueNumber, tab.code(), page, role);
    }

    /** Reads an id written by {@link #toCustomId()}; empty for anything else or malformed. */
    public static Optional<RecordPageId> parse(String customId) {
        if (!(SHAPE.parse(customId) instanceof ComponentId.Valid valid)) return Optional.empty();
        ComponentId id = valid.id();
        int page = id.number(2);
        String role = id.field(3);
        if (page > MAX_PAGE || role.length() != 1 || ROLES.indexOf(role.charAt(0)) < 0) return Optional.empty();
        return RecordTab.fromCode(id.field(1)).map(tab -> new RecordPageId(id.number(0), tab, page, role.charAt(0)));
    }

    /** The id of a pressed button, or the polite refusal the router answers with for a forged or outdated one. */
    static RecordPageId read(String customId) {
        return parse(customId).orElseThrow(() -> new UserError(SHAPE.forgedSentence()));
    }
}
