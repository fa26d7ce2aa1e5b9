package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and start-up: Loop runs in its own JVM with the flags {@code ./run.sh} uses, against a simulated community
 * of many members and a database of many issues. Measures the time from launching the JVM to Loop's "ready" log
 * line, for a first start (which writes the class-data archive when it stops, as {@code run.sh}'s first start does)
 * and for the start after it (which maps the archive), then, in that second Loop, resident memory (VmRSS from /proc) and heap after start and after a day's traffic: new support posts
 * and replies, issue cards looked up, Me too, searches.
 */
final class MemoryBench implements Bench.Benchmark {

    static final double TARGET_RSS_MB = 200;
    static final double TARGET_READY_S = 2;
    static final double TARGET_READY_NOISY_S = 4;
    /** The flags run.sh runs Loop with (LOOP_JAVA_FLAGS there; keep the two in step), and its environment. */
    static final List<String> RUN_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:MaxRAM=512m",
            "-Xmn8m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=40m",
            "-XX:TrimNativeHeapInterval=5000",
            "-Djava.awt.headless=true");

    static final Map<String, String> RUN_ENV = Map.of("MALLOC_ARENA_MAX", "2");
    private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");

    @Override
    public String title() {
        return "Memory and start-up in a separate JVM with run.sh's flags";
    }

    /** Resident set and heap of a process at one moment. */
    record Footprint(double rssMb, double heapUsedMb, double heapCommittedMb) {}

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        try (Community c = Community.start(SimOptions.defaults(), 4)) {
            progress.say("memory: " + scale.memoryMembers() + " members, " + scale.memoryIssues() + " issues");
            c.guild.addMembers(scale.memoryMembers(), "member");
            List<SimMember> active = new ArrayList<>();
            for (int i = 0; i < Math.min(2_000, scale.memoryMembers()); i++) {
                active.add(c.guild
                        .findMember("member" + (i * (scale.memoryMembers() / Math.min(2_000, scale.memoryMembers()))))
                        .orElseThrow());
            }
            Path file = c.dir.resolve("loop.db");
            Words words = new Words(21, Words.CORPUS_VOCABULARY);
            try (Database db = Database.open(file)) {
                Seeder.corpus(
                        db,
                        words,
                        scale.memoryIssues(),
                        c.guild.id(),
                        c.support.id(),
                        c.engineers.getFirst().id(),
                        active.stream().map(SimMember::id).toList());
            }
            Path yaml = c.dir.resolve("loop.yaml");
            Files.writeString(yaml, c.configYaml("thread", file));

            // An operator's first start runs without the class-data archive and writes it when Loop stops; every
            // later start maps it. Both are measured: the first start, stopped once ready (which writes the archive),
            // then the start that maps it, which is the one the rest of the benchmark runs on.
            Path archive = c.dir.resolve("loop.jsa");
            List<String> archiveFlags = archiveFlags(archive);
            double firstReadySeconds = Double.NaN;
            boolean archived = false;
            if (!archiveFlags.isEmpty()) {
                progress.say("memory: first start, which writes the class-data archive when it stops");
                Process first = launch(c, yaml, archiveFlags);
                try {
                    firstReadySeconds = awaitReady(first);
                } finally {
                    stop(first);
                }
                archived = Files.isRegularFile(archive);
            }
            Process child = launch(c, yaml, archiveFlags);
            try {
                ReadyWatch watch = new ReadyWatch(child);
                long launched = System.nanoTime();
                watch.start();
                if (!watch.ready.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "Loop did not become ready within 120 s; its last output:\n" + watch.tail());
                }
                double readySeconds = (watch.readyAt.get() - launched) / 1e9;
                Thread.sleep((long) (scale.settleSeconds() * 1_000)); // let start-up work (catch-up, chunking) settle
                Footprint start = footprint(child.pid());
                progress.say("memory: ready in " + Report.number(readySeconds) + " s; a day's traffic");
                int[] interactions = day(c, scale, active, words);
                Thread.sleep((long) (scale.settleSeconds() * 1_000));
                Footprint after = footprint(child.pid());
                if (Boolean.getBoolean("bench.histogram")) {
                    Process histo = new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    Long.toString(child.pid()),
                                    "GC.class_histogram")
                            .redirectErrorStream(true)
                            .start();
                    String text = new String(histo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    text.lines().limit(30).forEach(System.err::println);
                }
                if (System.getProperty("bench.childFlags", "").contains("NativeMemoryTracking")) {
                    Process nmt = new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    Long.toString(child.pid()),
                                    "VM.native_memory",
                                    "summary")
                            .redirectErrorStream(true)
                            .start();
                    System.err.println(new String(nmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                if (!child.isAlive()) throw new IllegalStateException("Loop exited during the run:\n" + watch.tail());

                String startName = archived
                        ? "time from JVM launch to ready, with the class-data archive"
                        : "time from JVM launch to ready (no class-data archive)";
                List<Figure> figures = new ArrayList<>();
                if (!archiveFlags.isEmpty())
                    figures.add(Figure.info(
                            "time from JVM launch to ready, first start (writes the archive)", firstReadySeconds, "s"));
                figures.addAll(List.of(
                        Figure.atMost(startName, readySeconds, "s", TARGET_READY_S, TARGET_READY_NOISY_S),
                        Figure.info("RSS after start", start.rssMb(), "MB"),
                        Figure.info("heap used after start", start.heapUsedMb(), "MB"),
                        Figure.atMost("RSS after a day's traffic", after.rssMb(), "MB", TARGET_RSS_MB),
                        Figure.info("heap used after a day's traffic", after.heapUsedMb(), "MB"),
                        Figure.info("heap committed after a day's traffic", after.heapCommittedMb(), "MB"),
                        Figure.info("interactions in the day / unanswered", interactions[0], "/ " + interactions[1])));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("members", scale.memoryMembers());
                details.put("issues", scale.memoryIssues());
                details.put("flags", RUN_FLAGS);
                details.put("archive", archived ? "written by the first start, mapped by the measured one" : "none");
                details.put("first_start_s", firstReadySeconds);
                details.put(
                        "day",
                        Map.of(
                                "posts",
                                scale.dayPosts(),
                                "messages",
                                scale.dayPosts() * scale.dayMessagesPerPost(),
                                "interactions",
                                interactions[0],
                                "unanswered",
                                interactions[1]));
                details.put("start", start);
                details.put("after_day", after);
                List<String> notes = List.of(
                        "Loop runs as `MALLOC_ARENA_MAX=2 java " + String.join(" ", RUN_FLAGS)
                                + " … run`; ready = its \"Loop is ready\" " + "log line, timed from launching the JVM",
                        archived
                                ? "start-up as an operator's second start: a first start wrote the class-data archive"
                                        + " (" + Report.number(firstReadySeconds) + " s to ready) and the measured one"
                                        + " maps it"
                                : "no class-data archive: Loop runs from class directories, not its jar",
                        "a day: " + scale.dayPosts() + " new support posts with " + scale.dayMessagesPerPost()
                                + " messages each, " + scale.dayShows() + " /issue show, " + scale.dayMeToos()
                                + " Me too, " + scale.daySearches() + " /issue search, sent in compressed time");
                return new Outcome("memory", "", figures, notes, details, 0);
            } finally {
                stop(child);
            }
        }
    }

    /** Seconds from now (just after launching) to the child's "Loop is ready". */
    private static double awaitReady(Process child) throws InterruptedException {
        ReadyWatch watch = new ReadyWatch(child);
        long launched = System.nanoTime();
        watch.start();
        if (!watch.ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "Loop did not become ready within 120 s; its last output:\n" + watch.tail());
        }
        return (watch.readyAt.get() - launched) / 1e9;
    }

    /**
     * Stops Loop as an operator does (SIGTERM: Loop closes, and the JVM writes the archive as it exits; on a busy
     * machine that takes a while, and a forced stop would leave no archive).
     */
    private static void stop(Process child) throws InterruptedException {
        child.destroy();
        if (!child.waitFor(180, TimeUnit.SECONDS)) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * The class-data archive flags of {@code run.sh}, with the benchmark's own archive file (so the first start is
     * really one without an archive, whatever {@code target/loop.jsa} holds), when Loop runs from its jar: the JDK
     * archives only classes from jars; run from Maven's class directories, as the smoke test does, there is nothing
     * to archive.
     */
    static List<String> archiveFlags(Path archive) {
        String cp = System.getProperty("java.class.path");
        if (!cp.endsWith(".jar") || cp.contains(java.io.File.pathSeparator)) return List.of();
        return List.of(
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:cds*=off");
    }

    private static Process launch(Community c, Path yaml, List<String> archiveFlags) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(RUN_FLAGS);
        cmd.addAll(archiveFlags);
        // extra flags for investigating (e.g. -XX:NativeMemoryTracking=summary); not used by ./run.sh bench
        String extra = System.getProperty("bench.childFlags", "").strip();
        if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
        Path logback = Path.of("config", "logback.xml");
        if (Files.isRegularFile(logback)) cmd.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.loop.app.Main");
        cmd.add("run");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(RUN_ENV);
        env.put("DISCORD_TOKEN", c.sim.token());
        env.put("LOOP_CONFIG", yaml.toString());
        env.put("LOOP_LOG_DIR", c.dir.resolve("logs").toString());
        env.remove("LOOP_DB");
        env.remove("LOOP_DISCORD_API_URL");
        env.remove("LOOP_DISCORD_GATEWAY_URL");
        env.remove("JAVA_TOOL_OPTIONS");
        return pb.start();
    }

    /** Reads the child's output, noting when Loop says it is ready and keeping the last lines for errors. */
    private static final class ReadyWatch extends Thread {
        private static final boolean ECHO = Boolean.getBoolean("bench.childOutput");
        final Process process;
        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicLong readyAt = new AtomicLong();
        private final List<String> last = new ArrayList<>();

        ReadyWatch(Process process) {
            super("bench-child-output");
            this.process = process;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (ready.getCount() > 0 && line.contains("Loop is ready")) {
                        readyAt.set(System.nanoTime());
                        ready.countDown();
                    }
                    if (ECHO) System.err.println("  | " + line); // -Dbench.childOutput=true, for investigating
                    synchronized (last) {
                        last.add(line);
                        if (last.size() > 40) last.removeFirst();
                    }
                }
            } catch (IOException ignored) {
                // the child went away
            }
        }

        String tail() {
            synchronized (last) {
                return String.join("\n", last);
            }
        }
    }

    /** A day of community traffic, compressed; returns how many interactions were sent and how many went unanswered. */
    private static int[] day(Community c, Scale scale, List<SimMember> people, Words words)
            throws InterruptedException {
        List<SimChannel> posts = new ArrayList<>();
        for (int p = 0; p < scale.dayPosts(); p++) {
            SimMember author = people.get(p % people.size());
            SimChannel post = author.postInForum(c.support, "Day post " + p + ": " + words.title(), words.text(25));
            posts.add(post);
            for (int m = 1; m < scale.dayMessagesPerPost(); m++) {
                SimMember who = m == scale.dayMessagesPerPost() - 1
                        ? c.engineers.get(p % c.engineers.size())
                        : people.get((p + m * 7) % people.size());
                who.say(post, words.text(15));
            }
        }
        SimChannel general = c.guild.textChannel("general");
        List<SimInteraction> sent = new ArrayList<>();
        List<SimInteraction> shows = new ArrayList<>();
        List<SimMember> showers = new ArrayList<>();
        for (int i = 0; i < scale.dayShows(); i++) {
            SimMember m = people.get((i * 13) % people.size());
            SimInteraction si =
                    m.runSlash(general, "issue show", Map.of("number", 1 + (i * 37) % scale.memoryIssues()));
            sent.add(si);
            if (shows.size() < scale.dayMeToos()) {
                shows.add(si);
                showers.add(m);
            }
            Thread.sleep(5);
        }
        awaitAnswers(shows, 10);
        for (int i = 0; i < shows.size(); i++) {
            List<dev.loop.sim.SimMessage> card = shows.get(i).replies();
            if (card.isEmpty()) continue; // unanswered: counted below
            boolean open =
                    card.getFirst().buttons().stream().anyMatch(b -> b.label().equals("Me too") && !b.disabled());
            if (!open) continue; // a shipped or closed issue
            sent.add(showers.get(i).pressButton(card.getFirst(), "Me too"));
            Thread.sleep(5);
        }
        for (int i = 0; i < scale.daySearches(); i++) {
            sent.add(people.get(i % people.size()).runSlash(general, "issue search", Map.of("query", words.text(3))));
            Thread.sleep(20);
        }
        awaitAnswers(sent, 10);
        return new int[] {
            sent.size(), (int) sent.stream().filter(i -> !i.acknowledged()).count()
        };
    }

    /** Waits until every interaction was answered or could no longer be (the 3 s deadline), at most {@code seconds}. */
    private static void awaitAnswers(List<SimInteraction> sent, int seconds) throws InterruptedException {
        long giveUp = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < giveUp && !sent.stream().allMatch(SimInteraction::acknowledged)) Thread.sleep(50);
    }

    /** VmRSS from /proc and the heap from jcmd (NaN when either cannot be read). */
    static Footprint footprint(long pid) {
        double rss = Double.NaN;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or the process is gone
        }
        double used = Double.NaN;
        double committed = Double.NaN;
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            Matcher m = HEAP_LINE.matcher(out);
            long u = 0;
            long t = 0;
            boolean any = false;
            while (m.find()) {
                t += Long.parseLong(m.group(1));
                u += Long.parseLong(m.group(2));
                any = true;
            }
            if (any) {
                used = u / 1024.0;
                committed = t / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // no jcmd in this runtime: RSS is still measured
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Footprint(rss, used, committed);
    }
}
