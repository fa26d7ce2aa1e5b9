package dev.loop.github;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Loop-managed section of a GitHub issue body, and how it is put into the body people may have edited. Loop owns
 * only the text from {@link #BEGIN} to {@link #END}; everything else in the body is kept byte for byte. The whole
 * body stays under GitHub's 65,536 characters: the oldest transcript messages go first, and a note says what was cut.
 */
public final class GitHubBody {

    public static final String BEGIN = "<!-- loop:begin -->";
    public static final String END = "<!-- loop:end -->";
    /** GitHub's limit for an issue or comment body. */
    public static final int LIMIT = 65_536;

    private static final Pattern ISSUE_MARKER = Pattern.compile("<!-- loop:issue:(\\d+) -->");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private GitHubBody() {}

    /** The hidden marker that lets Loop find the GitHub issue of Loop issue {@code number} again. */
    public static String issueMarker(int number) {
        return "<!-- loop:issue:" + number + " -->";
    }

    /** The hidden marker of the ship comment for {@code version}. */
    public static String shippedMarker(String version) {
        return "<!-- loop:shipped:" + version.replace("--", "-") + " -->";
    }

    /** The Loop issue number a body's hidden marker names, if any. */
    public static Optional<Integer> markedIssue(String body) {
        if (body == null) return Optional.empty();
        Matcher m = ISSUE_MARKER.matcher(body);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * The new body: {@code current} with its Loop section replaced by one rendered from {@code input}, or the section
     * appended when the markers are gone (someone deleted them). The result is at most {@link #LIMIT} characters.
     */
    public static String update(String current, BodyInput input) {
        String body = current == null ? "" : current;
        int begin = body.indexOf(BEGIN);
        int end = begin < 0 ? -1 : body.indexOf(END, begin);
        String before;
        String after;
        if (begin >= 0 && end >= 0) {
            before = body.substring(0, begin);
            after = body.substring(end + END.length());
        } else {
            before = body.isEmpty() ? "" : body + "\n\n";
            after = "";
        }
        int room = LIMIT - before.length() - after.length();
        return before + section(input, room) + after;
    }

    /** The section alone, fitted into {@code room} characters (markers included). */
    public static String section(BodyInput in, int room) {
        String head = head(in);
        List<BodyInput.Message> transcript = in.transcript();
        int dropped = 0;
        while (true) {
            String rendered = assemble(head, in, transcript, dropped);
            if (rendered.length() <= room || transcript.isEmpty()) {
                if (rendered.length() <= room) return rendered;
                break;
            }
            // drop the oldest messages first; drop in larger steps when far over
            int over = rendered.length() - room;
            int step = Math.max(1, Math.min(transcript.size(), over / 2_000));
            transcript = transcript.subList(step, transcript.size());
            dropped += step;
        }
        // even without a transcript it is too long: cut the head itself and say so
        String note =
                "\n\n_Loop cut this section to fit GitHub's " + LIMIT + " characters; the whole record is in Loop._\n";
        String tail = note + END;
        String start = BEGIN + "\n" + issueMarker(in.number()) + "\n";
        int keep = Math.max(0, room - start.length() - tail.length());
        String inner = head.length() > keep ? safeCut(head, keep) : head;
        return start + inner + tail;
    }

    private static String assemble(String head, BodyInput in, List<BodyInput.Message> transcript, int dropped) {
        StringBuilder s = new StringBuilder();
        s.append(BEGIN).append('\n').append(issueMarker(in.number())).append('\n');
        s.append(head);
        s.append(transcript(in, transcript, dropped));
        s.append("\n_Kept up to date by Loop: edit outside this section; changes inside it are replaced._\n");
        s.append(END);
        return s.toString();
    }

    private static String head(BodyInput in) {
        StringBuilder s = new StringBuilder();
        s.append("### Summary\n\n")
                .append(in.summary() == null || in.summary().isBlank() ? "_No summary yet._" : neutral(in.summary()))
                .append("\n\n");
        s.append("| | |\n|---|---|\n");
        row(s, "Kind", in.kind());
        row(s, "Status", in.status() + (in.shippedVersion() == null ? "" : " in " + in.shippedVersion()));
        row(
                s,
                "Priority",
                in.priority()
                        + (in.priorityReason() == null || in.priorityReason().isBlank()
                                ? ""
                                : " — " + in.priorityReason()));
        if (in.timeline() != null) row(s, "Timeline told", in.timeline());
        row(s, "Owner", in.owner() == null ? "nobody yet" : in.owner());
        for (String vote : in.namingVotes()) row(s, "Naming vote", vote);
        s.append('\n');

        if (!in.details().isEmpty()) {
            s.append("### Debug details\n\n");
            for (BodyInput.Message d : in.details()) {
                s.append("From ").append(GitHubText.line(d.author(), 100)).append(":\n\n");
                s.append(quote(d.content())).append("\n\n");
            }
        }

        s.append("### Places (").append(in.places().size()).append(")\n\n");
        for (BodyInput.PlaceLine p : in.places()) {
            String title = p.title() == null || p.title().isBlank() ? p.url() : p.title();
            s.append("- [")
                    .append(GitHubText.line(title, 120).replace("[", "(").replace("]", ")"))
                    .append("](")
                    .append(p.url().replace(")", "%29").replace(" ", "%20"))
                    .append(")\n");
        }
        s.append('\n');

        s.append("### Requesters (").append(in.requesters().size()).append(")\n\n");
        StringBuilder people = new StringBuilder();
        for (BodyInput.Person p : in.requesters()) {
            if (!people.isEmpty()) people.append(", ");
            people.append(p.github() ? GitHubText.login(p.name()) + " on GitHub" : GitHubText.line(p.name(), 100));
        }
        s.append(people.isEmpty() ? "_Nobody yet._" : people).append("\n\n");

        if (!in.proposals().isEmpty()) {
            s.append("### Proposed solutions\n\n");
            int i = 1;
            for (BodyInput.ProposalLine p : in.proposals()) {
                s.append(i++)
                        .append(". ")
                        .append(GitHubText.line(p.solution(), 2_000))
                        .append('\n');
                if (p.snippet() != null && !p.snippet().isBlank()) {
                    s.append("   ```\n   ")
                            .append(p.snippet().replace("```", "ʼʼʼ").replace("\n", "\n   "))
                            .append("\n   ```\n");
                }
                s.append("   Solves it: ")
                        .append(p.solves())
                        .append(" · Doesn't solve it: ")
                        .append(p.doesNotSolve())
                        .append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String transcript(BodyInput in, List<BodyInput.Message> shown, int dropped) {
        int total = in.transcript().size();
        if (total == 0) return "";
        StringBuilder s = new StringBuilder("### Transcript\n\n");
        if (in.transcriptAsSummary()) {
            s.append(total)
                    .append(total == 1 ? " message was" : " messages were")
                    .append(" exchanged in the places above; the transcript stays in Loop.\n");
            return s.toString();
        }
        s.append("<details><summary>")
                .append(total)
                .append(total == 1 ? " message" : " messages")
                .append("</summary>\n\n");
        for (BodyInput.Message m : shown) {
            s.append("**")
                    .append(GitHubText.line(m.author(), 100).replace("*", "\\*"))
                    .append("** · ")
                    .append(m.at() == null ? "" : WHEN.format(m.at()))
                    .append("\n\n")
                    .append(quote(m.content()))
                    .append('\n');
            for (String a : m.attachments()) {
                s.append("> 📎 ").append(a.replace(" ", "%20")).append('\n');
            }
            s.append('\n');
        }
        s.append("</details>\n");
        if (dropped > 0) {
            s.append("\n_The ")
                    .append(dropped == 1 ? "oldest message is" : dropped + " oldest messages are")
                    .append(" not shown: GitHub takes at most ")
                    .append(LIMIT)
                    .append(" characters in an issue body. Loop keeps the whole transcript._\n");
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append("| ")
                .append(name)
                .append(" | ")
                .append(GitHubText.line(value, 300).replace("|", "\\|"))
                .append(" |\n");
    }

    private static String quote(String text) {
        String t = neutral(text == null ? "" : text.strip());
        if (t.isEmpty()) t = "_(no text)_";
        return "> " + t.replace("\n", "\n> ");
    }

    private static String neutral(String text) {
        return GitHubText.neutral(text);
    }

    /** Cuts without splitting a surrogate pair. */
    private static String safeCut(String s, int max) {
        if (s.length() <= max) return s;
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }
}
