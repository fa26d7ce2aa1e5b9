package dev.loop.sandbox;

import dev.loop.core.Database;
import dev.loop.core.config.Config;
import dev.loop.stats.KpiReport;
import dev.loop.stats.Kpis;
import dev.loop.stats.Metric;
import dev.loop.stats.StatsStore;
import dev.loop.stats.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The KPIs of the sandbox's week, from the database, as {@code /stats} computes them, one metric a line. */
final class KpiSummary {

    private KpiSummary() {}

    static KpiReport compute(Database db, Config config, Window window) {
        StatsStore.Facts facts = new StatsStore(db, config.areas()).load(window.from(), window.to());
        return Kpis.compute(window, Optional.empty(), facts.threads(), facts.issues(), facts.notices());
    }

    /** Input, then output. */
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
        return out;
    }

    private static String row(String label, String value) {
        return "  " + label + " " + ".".repeat(Math.max(2, 44 - label.length())) + " " + value;
    }
}
