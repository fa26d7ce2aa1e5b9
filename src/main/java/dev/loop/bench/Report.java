package dev.loop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints outcomes as a table (each figure next to its target) and writes them as JSON. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {}

    static String number(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static void print(Outcome o, PrintStream out) {
        out.println();
        out.println("== " + o.name() + ": " + o.title() + String.format(Locale.ROOT, "  (%.0f s)", o.seconds()));
        int nameWidth = 10;
        for (Figure f : o.figures()) nameWidth = Math.max(nameWidth, f.name().length());
        for (Figure f : o.figures()) {
            String value = number(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit());
            String verdict = f.pass() == null ? "" : f.pass() ? "PASS" : "FAIL";
            out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %16s   %-22s %s%n", f.name(), value, f.target(), verdict);
        }
        for (String n : o.notes()) out.println("  note: " + n);
    }

    static void printSummary(List<Outcome> outcomes, PrintStream out) {
        out.println();
        out.println("== summary");
        for (Outcome o : outcomes) {
            long failed = o.figures().stream()
                    .filter(f -> Boolean.FALSE.equals(f.pass()))
                    .count();
            out.printf(
                    Locale.ROOT,
                    "  %-10s %s%n",
                    o.name(),
                    failed == 0 ? "PASS" : "FAIL (" + failed + " figure" + (failed == 1 ? "" : "s") + " off target)");
        }
    }

    /** Quiet and noisy figures of the same benchmarks in one table, each with its target(s) and verdicts. */
    static void printSideBySide(List<Outcome> quiet, List<Outcome> noisy, PrintStream out) {
        out.println();
        out.println("== quiet and noisy side by side");
        int nameWidth = 10;
        for (Outcome o : quiet)
            for (Figure f : o.figures())
                nameWidth = Math.max(nameWidth, f.name().length());
        out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %16s  %16s   %s%n", "", "quiet", "noisy", "target");
        for (Outcome q : quiet) {
            Outcome n = noisy.stream()
                    .filter(x -> x.name().equals(q.name()))
                    .findFirst()
                    .orElse(null);
            out.println("  " + q.name());
            for (Figure f : q.figures()) {
                Figure g = n == null
                        ? null
                        : n.figures().stream()
                                .filter(x -> x.name().equals(f.name()))
                                .findFirst()
                                .orElse(null);
                out.printf(
                        Locale.ROOT,
                        "  %-" + nameWidth + "s  %16s  %16s   %s%n",
                        f.name(),
                        shown(f),
                        g == null ? "—" : shown(g),
                        f.target());
            }
        }
    }

    private static String shown(Figure f) {
        String verdict = f.pass() == null ? "" : f.pass() ? " ✓" : " ✗";
        return number(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit()) + verdict;
    }

    static Map<String, Object> toMap(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("title", o.title());
        m.put("passed", o.passed());
        m.put("seconds", o.seconds());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Figure f : o.figures()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("value", Double.isNaN(f.value()) ? null : f.value());
            fm.put("unit", f.unit());
            fm.put("target", f.target());
            fm.put("pass", f.pass());
            figures.add(fm);
        }
        m.put("figures", figures);
        m.put("notes", o.notes());
        m.put("details", o.details());
        return m;
    }

    /** Writes {@code <name>.json} per outcome and {@code summary.json} with all of them and the machine. */
    static void write(Path dir, Scale scale, List<Outcome> outcomes) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = toMap(o);
            all.add(m);
            JSON.writeValue(dir.resolve(o.name() + ".json").toFile(), m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("date", Instant.now().toString());
        summary.put("scale", scale.name());
        summary.put("machine", machine());
        summary.put("benchmarks", all);
        JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            m.put("load_average", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException | RuntimeException e) {
            m.put("load_average", "unknown");
        }
        return m;
    }
}
