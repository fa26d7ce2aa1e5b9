package dev.loop.watch;

import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /inbox} answer: the support threads no engineer has answered yet (oldest first, with their age), then
 * the promises past due (most overdue first). It always fits one message: each section is cut with "…and N more"
 * when both would not fit, and a section that needs little leaves its room to the other.
 */
public final class InboxView {

    public static final int MAX_CHARS = 2000;

    private InboxView() {}

    /**
     * @param threads         the oldest unanswered threads (possibly fewer than {@code unansweredTotal})
     * @param unansweredTotal how many unanswered threads there are in all
     */
    public static String render(List<SupportThread> threads, int unansweredTotal, List<Issue> pastDue) {
        return render(threads, unansweredTotal, pastDue, MAX_CHARS);
    }

    static String render(List<SupportThread> threads, int unansweredTotal, List<Issue> pastDue, int maxChars) {
        String threadHeader = "**Unanswered support threads (" + unansweredTotal + ")**";
        String promiseHeader = "**Promises past due (" + pastDue.size() + ")**";
        List<String> threadLines = threads.stream().map(InboxView::threadLine).toList();
        List<String> promiseLines = pastDue.stream().map(InboxView::promiseLine).toList();
        if (threadLines.isEmpty() && unansweredTotal == 0)
            threadLines = List.of("Every support thread has an engineer reply.");
        if (promiseLines.isEmpty()) promiseLines = List.of("No promise is past due.");

        // two headers, the blank line between the sections and the newlines after each header
        int fixed = threadHeader.length() + promiseHeader.length() + 4;
        int available = maxChars - fixed;
        int threadNeed = joinedLength(threadLines)
                + (unansweredTotal > threads.size() ? moreLine(unansweredTotal).length() + 1 : 0);
        int promiseNeed = joinedLength(promiseLines);
        int promiseBudget =
                promiseNeed <= available / 2 ? promiseNeed : Math.max(available / 2, available - threadNeed);
        String promises = fit(promiseLines, pastDue.isEmpty() ? 1 : pastDue.size(), promiseBudget);
        String threadPart =
                fit(threadLines, Math.max(unansweredTotal, threadLines.size()), available - promises.length());
        return threadHeader + "\n" + threadPart + "\n\n" + promiseHeader + "\n" + promises;
    }

    static String threadLine(SupportThread t) {
        return "• <#" + t.threadId() + "> by <@" + t.authorId() + "> · opened " + relative(t.createdAt());
    }

    static String promiseLine(Issue i) {
        return "• **" + i.ref() + "** " + Safe.inline(i.title(), 80) + " · "
                + i.priority().label() + " · due " + relative(i.promiseDueAt())
                + (i.ownerId() == null ? "" : " · <@" + i.ownerId() + ">");
    }

    /** Discord renders this as "3 hours ago" in each reader's language and keeps it current. */
    static String relative(Instant t) {
        return "<t:" + t.getEpochSecond() + ":R>";
    }

    private static String moreLine(int n) {
        return "…and " + n + " more";
    }

    private static int joinedLength(List<String> lines) {
        int n = 0;
        for (String l : lines) n += l.length() + 1;
        return Math.max(0, n - 1);
    }

    /** As many whole lines as fit in {@code budget}, then "…and N more" for the rest of {@code total}. */
    static String fit(List<String> lines, int total, int budget) {
        if (joinedLength(lines) <= budget && total <= lines.size()) return String.join("\n", lines);
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (String line : lines) {
            int remainingAfter = total - kept.size() - 1;
            int reserve = remainingAfter > 0 ? moreLine(remainingAfter).length() + 1 : 0;
            int cost = (kept.isEmpty() ? 0 : 1) + line.length();
            if (used + cost + reserve > budget) break;
            kept.add(line);
            used += cost;
        }
        int rest = total - kept.size();
        if (rest > 0) kept.add(moreLine(rest));
        return Safe.truncate(String.join("\n", kept), Math.max(budget, 1));
    }
}
