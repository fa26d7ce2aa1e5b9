package dev.loop.release;

import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import java.util.List;
import java.util.Objects;

/**
 * The release announcement for the releases channel: version, notes, the snippet as a code block, and the shipped
 * issues with how many people asked for each. It is one message of at most 2,000 characters (the notices link to
 * it), so when everything does not fit the notes are shortened first down to what leaves the issue list some room,
 * then the list ends with "…and N more".
 */
public final class Announcement {

    /** Longest notes and snippet the modal accepts; both fit in one message with room for the issue list. */
    public static final int MAX_NOTES = 1000;

    public static final int MAX_SNIPPET = 500;
    static final int TITLE_LIMIT = 80;
    /** The issue list keeps at least this much room when the notes are long. */
    static final int MIN_LIST_ROOM = 400;

    private Announcement() {}

    /** An issue as the announcement lists it. */
    public record Item(int number, String title, int askers) {
        public Item {
            Objects.requireNonNull(title, "title");
        }
    }

    /** The announcement's list: each shipped issue with how many distinct people asked for it. */
    public static List<Item> items(List<ShippedIssue> shipped) {
        return shipped.stream()
                .map(s -> new Item(s.number(), s.title(), (int) s.requesters().stream()
                        .map(dev.loop.issue.Requester::userId)
                        .distinct()
                        .count()))
                .toList();
    }

    public static String render(String version, String notes, String snippet, List<Item> items) {
        String header = "🚀 **" + Safe.inline(version, ReleaseRules.MAX_VERSION) + "** is out!";
        String code = snippet == null || snippet.isBlank() ? "" : Safe.codeBlock(snippet.strip(), "", MAX_SNIPPET + 8);
        String body = Safe.block(notes, MAX_NOTES);
        List<String> lines = items.stream().map(Announcement::line).toList();
        String listTitle = "**Shipped**";

        int fixed = header.length() + (code.isEmpty() ? 0 : 2 + code.length()) + 2 + listTitle.length();
        int available = Chunker.MESSAGE_LIMIT - fixed - (body.isEmpty() ? 0 : 2);
        int fullList = lines.stream().mapToInt(l -> 1 + l.length()).sum();
        int listRoom = Math.max(available - body.length(), Math.min(fullList, MIN_LIST_ROOM));
        int notesRoom = available - listRoom;
        // cut from the notes again, not from the body, so the cut passage goes through Safe whole
        if (body.length() > notesRoom) body = notesRoom < 1 ? "" : Safe.block(notes, notesRoom);

        StringBuilder sb = new StringBuilder(header);
        if (!body.isEmpty()) sb.append("\n\n").append(body);
        if (!code.isEmpty()) sb.append("\n\n").append(code);
        sb.append("\n\n").append(listTitle);
        sb.append(list(lines, Chunker.MESSAGE_LIMIT - sb.length()));
        return sb.toString();
    }

    static String line(Item i) {
        return "• #" + i.number() + " " + Safe.inline(i.title(), TITLE_LIMIT) + " — "
                + (i.askers() == 1 ? "1 person asked" : i.askers() + " people asked");
    }

    /** "\n" + each line while it fits in {@code room}, then "…and N more" if some did not. */
    private static String list(List<String> lines, int room) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = "\n" + lines.get(i);
            boolean last = i == lines.size() - 1;
            String more = "\n• …and " + (lines.size() - i - 1) + " more";
            if (sb.length() + line.length() + (last ? 0 : more.length()) > room) {
                sb.append("\n• …and ").append(lines.size() - i).append(" more");
                break;
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
