package dev.loop.release;

import dev.loop.core.config.Config;
import dev.loop.core.text.Safe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The sentence above a release preview: what Publish will ship, announce and tell, before anything is sent. */
final class PreviewSummary {

    private PreviewSummary() {}

    /** Who will be told, and how: the counts per delivery route. */
    static String text(Config config, String version, List<Integer> numbers, NoticePlan plan, long docs) {
        List<NoticePlan.Recipient> rows = plan.recipients();
        Set<Long> people =
                rows.stream().map(NoticePlan.Recipient::userId).collect(Collectors.toCollection(LinkedHashSet::new));
        long threadPeople = rows.stream()
                .filter(r -> r.route() == Route.THREAD)
                .map(NoticePlan.Recipient::userId)
                .distinct()
                .count();
        long threads = plan.threadNotices().stream()
                .map(Notice.ThreadNotice::threadId)
                .distinct()
                .count();
        int dms = plan.dmNotices().size();
        StringBuilder sb = new StringBuilder("Publishing **")
                .append(Safe.inline(version, ReleaseRules.MAX_VERSION))
                .append("** ships ")
                .append(refs(numbers))
                .append(" and announces it in <#")
                .append(config.channels().releases())
                .append(">.\n");
        if (people.isEmpty()) {
            sb.append("Nobody asked for these, so no one is notified.");
        } else {
            sb.append("It tells ")
                    .append(plural(people.size(), "person", "people"))
                    .append(": ");
            List<String> parts = new ArrayList<>();
            if (threadPeople > 0) {
                parts.add(plural(threadPeople, "person", "people") + " mentioned in "
                        + plural(threads, "thread", "threads") + " ("
                        + plural(plan.threadNotices().size(), "message", "messages") + ")");
            }
            if (dms > 0) {
                parts.add(plural(dms, "DM", "DMs")
                        + (plan.mode() == DeliveryMode.THREAD ? " to people with no thread to be mentioned in" : ""));
            }
            sb.append(String.join(", ", parts)).append('.');
        }
        sb.append("\nThe docs/copy review list (the announcement text")
                .append(docs == 0 ? "" : " and " + plural(docs, "issue", "issues") + " needing docs")
                .append(
                        config.github().isPresent()
                                ? ") becomes one issue on GitHub, "
                                        + config.github().get().repo() + ", and <#"
                                        + config.channels().team() + "> gets its link."
                                : ") goes to <#" + config.channels().team() + ">.");
        return sb.toString();
    }

    static String refs(List<Integer> numbers) {
        List<String> refs = numbers.stream().map(n -> "#" + n).toList();
        if (refs.size() == 1) return refs.getFirst();
        return String.join(", ", refs.subList(0, refs.size() - 1)) + " and " + refs.getLast();
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
