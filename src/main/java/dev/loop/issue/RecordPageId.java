package dev.loop.issue;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of one view of an issue record, as carried in a button's custom_id:
 * {@code rec:<issue>:<tab>:<page>:<role>}, e.g. {@code "rec:12:t:3:n"}. Nothing is kept in memory, so the buttons
 * keep working after a restart. The role ({@code v} a view button, {@code p} Previous, {@code n} Next) keeps every id
 * in one message distinct, since Previous on page 2 and the view button both lead to page 1... of different views or
 * the same one.
 */
public record RecordPageId(int issueNumber, RecordTab tab, int page, char role) {

    public static final String PREFIX = "rec";
    /** Discord's custom_id limit; the longest id here is 3 + 1 + 10 + 1 + 1 + 1 + 6 + 1 + 1 = 25. */
    static final int MAX_CUSTOM_ID_LENGTH = 100;
    /** More pages than any record could fill: a bigger number in an id is not ours. */
    static final int MAX_PAGE = 999_999;

    private static final Pattern BODY = Pattern.compile("(\\d{1,10}):([a-z]):(\\d{1,6}):([vpn])");

    public RecordPageId {
        Objects.requireNonNull(tab, "tab");
        if (issueNumber <= 0) throw new IllegalArgumentException("issue number must be positive: " + issueNumber);
        if (page < 0 || page > MAX_PAGE) throw new IllegalArgumentException("page out of range: " + page);
        if (role != 'v' && role != 'p' && role != 'n') throw new IllegalArgumentException("bad role: " + role);
    }

    /** The button that opens {@code tab} at its first page. */
    static RecordPageId open(int issueNumber, RecordTab tab) {
        return new RecordPageId(issueNumber, tab, 0, 'v');
    }

    public String toCustomId() {
        return PREFIX + ":" + issueNumber + ":" + tab.code() + ":" + page + ":" + role;
    }

    /** Reads an id written by {@link #toCustomId()}; empty for anything else or malformed. */
    public static Optional<RecordPageId> parse(String customId) {
        if (customId == null || customId.length() > MAX_CUSTOM_ID_LENGTH || !customId.startsWith(PREFIX + ":")) {
            return Optional.empty();
        }
        Matcher m = BODY.matcher(customId.substring(PREFIX.length() + 1));
        if (!m.matches()) return Optional.empty();
        try {
            int number = Integer.parseInt(m.group(1));
            int page = Integer.parseInt(m.group(3));
            if (number <= 0) return Optional.empty();
            return RecordTab.fromCode(m.group(2))
                    .map(tab -> new RecordPageId(number, tab, page, m.group(4).charAt(0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
