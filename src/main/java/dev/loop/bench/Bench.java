package dev.loop.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run.sh bench [name…] [--quick] [--spec-dm] [--strict] [--noisy] [--out DIR]}: runs the benchmarks (all by default),
 * prints each figure next to its target, and writes JSON under {@code target/bench/}.
 */
public final class Bench {

    /** One benchmark: what it measures and how to run it. */
    interface Benchmark {
        String title();

        Outcome run(Scale scale, Progress progress) throws Exception;
    }

    /** Where a benchmark reports what it is doing (stderr), so a long run shows signs of life. */
    @FunctionalInterface
    interface Progress {
        void say(String line);
    }

    static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        ALL.put("latency", new LatencyBench());
        ALL.put("ingest", new IngestBench());
        ALL.put("burst", new BurstBench());
        ALL.put("fanout", new FanoutBench());
        ALL.put("memory", new MemoryBench());
        ALL.put("search", new SearchBench());
        ALL.put("sim", new SimBench());
        ALL.put("github", new GitHubBench());
    }

    private Bench() {}

    public static int main(String[] args) {
        List<String> names = new ArrayList<>();
        Scale scale = Scale.full();
        boolean specDm = false;
        boolean strict = false;
        boolean noisy = false;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> scale = Scale.quick();
                case "--tiny" -> scale = Scale.tiny();
                case "--spec-dm" -> specDm = true;
                case "--strict" -> strict = true;
                case "--noisy" -> noisy = true;
                case "--out" -> {
                    if (i + 1 >= args.length) return usage("--out needs a directory");
                    out = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    usage(null);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) return usage("unknown option " + a);
                    if (!ALL.containsKey(a)) return usage("unknown benchmark '" + a + "'");
                    names.add(a);
                }
            }
        }
        if (specDm) scale = scale.withSpecDmFanout();
        quietLogs();
        if (names.isEmpty()) names.addAll(ALL.keySet());
        Progress progress = line -> System.err.println("  … " + line);
        List<Outcome> outcomes = run(names, scale, out, System.out, progress);
        if (noisy) {
            List<Outcome> busy = runNoisy(names, scale, out.resolve("noisy"), System.out, progress);
            Report.printSideBySide(outcomes, busy, System.out);
            if (busy.size() < names.size()) return 1;
            outcomes = new ArrayList<>(outcomes);
            outcomes.addAll(busy);
        }
        if (outcomes.size() < names.size()) return 1;
        return strict && outcomes.stream().anyMatch(o -> !o.passed()) ? 1 : 0;
    }

    /** Loop's and JDA's INFO lines would bury the table: only warnings and errors while benchmarking. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "dev.loop", "net.dv8tion")) {
                ctx.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static int usage(String problem) {
        if (problem != null) System.err.println("bench: " + problem);
        System.err.println("usage: ./run.sh bench [" + String.join("|", ALL.keySet()) + " …] [--quick] [--spec-dm] "
                + "[--strict] [--noisy] [--out DIR]");
        System.err.println("  --quick    shorter runs (latency 15 s, smaller fan-out and ingestion)");
        System.err.println(
                "  --spec-dm  DM fan-out with the full 10,000 requesters (about 7 minutes at 50 requests/s)");
        System.err.println("  --strict   exit 1 when a figure misses its target");
        System.err.println(
                "  --noisy    run them again beside a CPU hog (two busy threads in another process) and show");
        System.err.println("             quiet and noisy figures side by side, each judged by its own target");
        return problem == null ? 0 : 2;
    }

    /**
     * The same benchmarks again with {@link CpuHog} (two busy threads in another process) beside them, each figure
     * judged by its noisy target.
     */
    static List<Outcome> runNoisy(List<String> names, Scale scale, Path out, PrintStream print, Progress progress) {
        print.println();
        print.println("Now beside a CPU hog (" + CpuHog.THREADS + " busy threads in another process):");
        Figure.noisyRun = true;
        try (CpuHog hog = CpuHog.start()) {
            return run(names, scale, out, print, progress);
        } catch (java.io.IOException e) {
            print.println("Could not start the CPU hog: " + e.getMessage());
            return List.of();
        } finally {
            Figure.noisyRun = false;
        }
    }

    /**
     * Runs the named benchmarks in order, printing each outcome as it comes and writing the JSON files. A benchmark
     * that throws is reported and left out; the others still run.
     */
    public static List<Outcome> run(List<String> names, Scale scale, Path out, PrintStream print, Progress progress) {
        List<Outcome> outcomes = new ArrayList<>();
        print.println("Loop benchmarks (" + scale.name() + " scale) on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        for (String name : names) {
            Benchmark b = ALL.get(name);
            progress.say(name + ": " + b.title());
            long start = System.nanoTime();
            try {
                // The simulator, the bots and every earlier benchmark share this JVM's heap: what the one before left
                // behind is collected now, not in a pause inside this one's measurements.
                System.gc();
                Outcome o = b.run(scale, progress);
                o = new Outcome(
                        name, b.title(), o.figures(), o.notes(), o.details(), (System.nanoTime() - start) / 1e9);
                outcomes.add(o);
                Report.print(o, print);
            } catch (Exception | AssertionError e) {
                print.println();
                print.println("== " + name + ": did not finish: " + e);
                e.printStackTrace(System.err);
            }
        }
        Report.printSummary(outcomes, print);
        try {
            Report.write(out, scale, outcomes);
            print.println("JSON written to " + out.toAbsolutePath());
        } catch (java.io.IOException e) {
            print.println("Could not write JSON to " + out + ": " + e.getMessage());
        }
        return outcomes;
    }
}
