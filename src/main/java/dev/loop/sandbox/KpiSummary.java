package dev.loop.sandbox;

import static dev.loop.db.Tables.ISSUE;
import static dev.loop.db.Tables.NOTICE;
import static dev.loop.db.Tables.REQUESTER;
import static dev.loop.db.Tables.SUPPORT_THREAD;

import dev.loop.core.Database;
import dev.loop.stats.IssueFact;
import dev.loop.stats.KpiReport;
import dev.loop.stats.Kpis;
import dev.loop.stats.Metric;
import dev.loop.stats.NoticeFact;
import dev.loop.stats.SupportThreadFact;
import dev.loop.stats.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KPIs of the sandbox's run, computed by {@link Kpis} from what the database recorded. Reads the facts itself
 * (issues, requesters, release notices, and support threads when something records them).
 */
final class KpiSummary {

    private KpiSummary() {
    }

    static KpiReport compute(Database db, Window window) {
        return db.read(ctx -> {
            Map<Integer, List<Instant>> requesters = new HashMap<>();
            for (var r : ctx.select(REQUESTER.ISSUE_NUMBER, REQUESTER.ADDED_AT).from(REQUESTER).fetch()) {
                requesters.computeIfAbsent(r.value1(), n -> new ArrayList<>()).add(Instant.ofEpochMilli(r.value2()));
            }
            List<IssueFact> issues = new ArrayList<>();
            for (var r : ctx.select(ISSUE.NUMBER, ISSUE.OWNER_ID, ISSUE.CREATED_AT, ISSUE.TRIAGED_AT, ISSUE.SHIPPED_AT,
                    ISSUE.PROMISE_DUE_AT).from(ISSUE).fetch()) {
                issues.add(new IssueFact(r.value1(), r.value2(), instant(r.value3()), instant(r.value4()),
                        instant(r.value5()), instant(r.value6()), requesters.getOrDefault(r.value1(), List.of())));
            }
            List<SupportThreadFact> threads = new ArrayList<>();
            for (var r : ctx.select(SUPPORT_THREAD.THREAD_ID, SUPPORT_THREAD.CREATED_AT,
                    SUPPORT_THREAD.FIRST_ENGINEER_REPLY_AT).from(SUPPORT_THREAD).fetch()) {
                threads.add(new SupportThreadFact(r.value1(), instant(r.value2()), instant(r.value3()), null));
            }
            // a person told in two threads counts once, by the best outcome
            Map<List<Long>, NoticeFact> notices = new HashMap<>();
            for (var r : ctx.select(NOTICE.RELEASE_ID, NOTICE.USER_ID, NOTICE.STATE, NOTICE.UPDATED_AT).from(NOTICE).fetch()) {
                NoticeFact f = new NoticeFact(NoticeFact.State.fromCode(r.value3()), instant(r.value4()), Set.of());
                notices.merge(List.of((long) r.value1(), r.value2()), f, (a, b) -> rank(a) >= rank(b) ? a : b);
            }
            return Kpis.compute(window, Optional.empty(), threads, issues, notices.values());
        });
    }

    private static int rank(NoticeFact f) {
        return switch (f.state()) {
            case DELIVERED -> 3;
            case FELL_BACK -> 2;
            case FAILED -> 1;
            case PENDING -> 0;
        };
    }

    /** Input, then output, one metric a line. */
    static List<String> lines(KpiReport report) {
        List<String> out = new ArrayList<>();
        out.add("Input");
        for (Metric m : Metric.values()) if (m.isInput()) out.add(row(m.label(), report.text(m)));
        out.add("Output");
        for (Metric m : Metric.values()) {
            if (m.isInput() || m == Metric.PROMISES_KEPT || m == Metric.PROMISES_DUE) continue;
            out.add(row(m.label(), report.text(m)));
        }
        out.add(row("Promises kept / due", report.promisesText()));
        if (report.newSupportThreads() == 0) {
            out.add("  (no support threads were recorded: support posts are counted by the feature that watches "
                    + "the support channels, when it runs)");
        }
        return out;
    }

    private static String row(String label, String value) {
        return "  " + label + " " + ".".repeat(Math.max(2, 44 - label.length())) + " " + value;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
