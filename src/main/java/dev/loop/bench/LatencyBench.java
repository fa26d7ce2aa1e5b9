package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.core.config.Config;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimOptions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import net.dv8tion.jda.api.JDA;

/**
 * Interaction latency as a member feels it: from the simulator dispatching INTERACTION_CREATE to Loop's initial
 * response reaching the simulator, for {@code /issue show}, Me too (on the card that show returned) and a triage
 * button, sent open-loop at a fixed rate. The same load runs against a no-op bot on the same simulator in the same
 * run, before and after Loop, so a busy machine slows both alike and the ratio still means something.
 */
final class LatencyBench implements Bench.Benchmark {

    enum Kind {
        SHOW,
        ME_TOO,
        TRIAGE
    }

    /** Issues whose cards get Me too presses; the triage issues come after them. */
    static final int CARD_ISSUES = 800;

    static final int ENGINEERS = 8;
    static final double DEADLINE_MS = 3_000;

    @Override
    public String title() {
        return "Interaction latency: dispatch to initial response, next to a no-op bot";
    }

    private record Sent(Kind kind, SimInteraction interaction) {}

    private record Card(SimMember member, SimInteraction show) {}

    /** What one phase measured: response times per kind, and how many got no response in time. */
    record Phase(Map<Kind, long[]> nanos, int sent, int missed, double seconds, int fallbacks) {
        long[] all() {
            return nanos.values().stream()
                    .flatMapToLong(java.util.Arrays::stream)
                    .toArray();
        }

        static Phase merge(Phase a, Phase b) {
            Map<Kind, long[]> m = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                m.put(
                        k,
                        java.util.stream.LongStream.concat(
                                        java.util.Arrays.stream(a.nanos.get(k)),
                                        java.util.Arrays.stream(b.nanos.get(k)))
                                .toArray());
            }
            return new Phase(m, a.sent + b.sent, a.missed + b.missed, a.seconds + b.seconds, a.fallbacks + b.fallbacks);
        }
    }

    /** The load: who does what, shared by every phase so Me too presses never repeat a (member, issue) pair. */
    private static final class Load {
        final SimChannel channel;
        final List<SimMember> members;
        final List<SimMember> engineers;
        final List<SimMessage> prompts;
        final int firstCardIssue;
        final ArrayDeque<Card> cards = new ArrayDeque<>();
        long shows;

        Load(
                SimChannel channel,
                List<SimMember> members,
                List<SimMember> engineers,
                List<SimMessage> prompts,
                int firstCardIssue) {
            this.channel = channel;
            this.members = members;
            this.engineers = engineers;
            this.prompts = prompts;
            this.firstCardIssue = firstCardIssue;
        }

        SimInteraction show() {
            long i = shows++;
            SimMember m = members.get((int) (i % members.size()));
            int issue = firstCardIssue + (int) (i % CARD_ISSUES);
            SimInteraction si = m.runSlash(channel, "issue show", Map.of("number", issue));
            cards.addLast(new Card(m, si));
            return si;
        }

        /** Me too on the oldest card already shown; null when none is back yet. */
        SimInteraction meToo() {
            Card card = cards.peekFirst();
            if (card == null || card.show.replies().isEmpty()) return null;
            cards.pollFirst();
            return card.member.pressButton(card.show.replies().getFirst(), "Me too");
        }

        SimInteraction triage(long k) {
            int e = (int) (k % engineers.size());
            SimMessage prompt = prompts.get(e);
            List<String> labels = prompt.buttonLabels();
            String label = labels.contains("No")
                    ? "No"
                    : labels.stream().filter(l -> !l.equals("Done")).findFirst().orElse(null);
            return label == null ? null : engineers.get(e).pressButton(prompt, label);
        }
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        try (Community c = Community.start(SimOptions.defaults(), ENGINEERS)) {
            SimChannel general = c.guild.textChannel("general");
            List<SimMember> members = c.members(scale.latencyMembers(), "member");
            Path file = c.dir.resolve("loop.db");
            try (Database db = Database.open(file)) {
                Words words = new Words(7, 4_000);
                long forum = c.support.id();
                int first = Seeder.issues(
                        db,
                        c.guild.id(),
                        c.engineers.getFirst().id(),
                        CARD_ISSUES + ENGINEERS,
                        i -> new Seeder.Issue(
                                words.title(),
                                words.text(30),
                                words.text(60),
                                "open",
                                "untriaged",
                                // the card Loop posted when it captured the post: without it every start of
                                // Loop would ask Discord for each of these long-gone posts while being measured
                                List.of(new Seeder.Place(
                                        9_000_000_000L + i,
                                        forum,
                                        List.of(members.get(i % members.size()).id()),
                                        9_500_000_000L + i))));
                Config config = c.config("thread", file);

                // Loop registers the commands; each engineer opens a triage prompt to press buttons on.
                progress.say("latency: starting Loop, opening triage prompts");
                List<SimMessage> prompts = new ArrayList<>();
                Phase loopPhase = null;
                Load load;
                try (Community.Running loop = c.startLoop(config, db, b -> {})) {
                    for (int e = 0; e < ENGINEERS; e++) {
                        prompts.add(c.engineers
                                .get(e)
                                .runSlash(c.team, "issue triage", Map.of("number", first + CARD_ISSUES + e))
                                .awaitReply());
                    }
                    load = new Load(general, members, c.engineers, prompts, first);
                    if (scale.latencyRounds() == 0) {
                        progress.say("latency: Loop at " + scale.latencyRate() + "/s");
                        loopPhase =
                                drive(load, scale.latencyRate(), scale.latencyWarmupSeconds(), scale.latencySeconds());
                    }
                }
                Phase noop = null;
                int rounds = scale.latencyRounds();
                if (rounds > 0) {
                    // no-op, Loop, no-op, Loop, …, no-op: a burst of load from elsewhere on the machine lands on
                    // both bots alike instead of on whichever happened to run then
                    double segment = scale.latencySeconds() / rounds;
                    for (int r = 0; r <= rounds; r++) {
                        progress.say("latency: no-op bot at " + scale.latencyRate() + "/s (" + (r + 1) + " of "
                                + (rounds + 1) + ")");
                        Phase n = noopPhase(
                                c,
                                load,
                                scale.latencyRate(),
                                r == 0 ? scale.latencyWarmupSeconds() / 2 : 1,
                                segment / 2);
                        noop = noop == null ? n : Phase.merge(noop, n);
                        if (r == rounds) break;
                        progress.say(
                                "latency: Loop at " + scale.latencyRate() + "/s (" + (r + 1) + " of " + rounds + ")");
                        try (Community.Running loop = c.startLoop(config, db, b -> {})) {
                            Phase l = drive(
                                    load, scale.latencyRate(), r == 0 ? scale.latencyWarmupSeconds() : 1, segment);
                            loopPhase = loopPhase == null ? l : Phase.merge(loopPhase, l);
                        }
                    }
                } else {
                    progress.say("latency: no-op bot");
                    noop = noopPhase(
                            c, load, scale.latencyRate(), scale.latencyWarmupSeconds(), scale.latencySeconds());
                }
                return outcome(scale, loopPhase, noop);
            }
        }
    }

    private static Phase noopPhase(Community c, Load load, int rate, double warmup, double seconds)
            throws InterruptedException {
        JDA jda = c.startBareJda(new NoopBot());
        try {
            return drive(load, rate, warmup, seconds);
        } finally {
            Community.stop(jda);
        }
    }

    /**
     * Sends {@code rate} interactions a second, open-loop (each at its scheduled time whether or not earlier ones
     * were answered), in the order show, Me too, triage. Only those scheduled after the warm-up are measured.
     */
    static Phase drive(Load load, int rate, double warmupSeconds, double seconds) throws InterruptedException {
        // Each phase, Loop's and the no-op bot's alike, starts on a collected heap: the garbage of starting a bot and
        // of the phase before is not left to a long collection inside this phase (in a full run, the benchmarks
        // before this one had left a 400 MB old generation, and its collections paused everything for 50-550 ms).
        System.gc();
        long interval = (long) (1e9 / rate);
        long t0 = System.nanoTime();
        long measureFrom = t0 + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Sent> sent = new ArrayList<>();
        int fallbacks = 0;
        for (long k = 0; ; k++) {
            long due = t0 + k * interval;
            if (due >= end) break;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            Kind kind = Kind.values()[(int) (k % 3)];
            SimInteraction si = switch (kind) {
                case SHOW -> load.show();
                case ME_TOO -> load.meToo();
                case TRIAGE -> load.triage(k);
            };
            if (si == null) {
                // nothing to press yet (no card back, no button): keep the rate with a show instead
                kind = Kind.SHOW;
                si = load.show();
                fallbacks++;
            }
            if (due >= measureFrom) sent.add(new Sent(kind, si));
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        // Everything sent gets its answer or misses the deadline within 3 s.
        long giveUp = System.nanoTime() + (long) ((DEADLINE_MS + 1_000) * 1e6);
        while (System.nanoTime() < giveUp && !sent.stream().allMatch(s -> s.interaction.acknowledged())) {
            Thread.sleep(50);
        }
        Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) byKind.put(k, new ArrayList<>());
        int missed = 0;
        for (Sent s : sent) {
            long n = s.interaction.responseNanos();
            if (n < 0) missed++;
            else byKind.get(s.kind).add(n);
        }
        Map<Kind, long[]> nanos = new EnumMap<>(Kind.class);
        byKind.forEach(
                (k, v) -> nanos.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        // Let the answers' after-effects settle before the next phase.
        Thread.sleep(300);
        return new Phase(nanos, sent.size(), missed, elapsed, fallbacks);
    }

    private static Outcome outcome(Scale scale, Phase loop, Phase noop) {
        Stats loopAll = Stats.ofNanos(loop.all());
        Stats noopAll = Stats.ofNanos(noop.all());
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rate_per_s", scale.latencyRate());
        details.put("measured_seconds_loop", loop.seconds());
        details.put("measured_seconds_noop", noop.seconds());
        Map<String, Object> perKind = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            Stats l = Stats.ofNanos(loop.nanos().get(k));
            Stats n = Stats.ofNanos(noop.nanos().get(k));
            String label = switch (k) {
                case SHOW -> "/issue show";
                case ME_TOO -> "Me too";
                case TRIAGE -> "triage button";
            };
            figures.add(Figure.info("Loop " + label + " p50", l.p50(), "ms"));
            figures.add(Figure.info("Loop " + label + " p99", l.p99(), "ms"));
            figures.add(Figure.info("no-op " + label + " p99", n.p99(), "ms"));
            perKind.put(k.name().toLowerCase(), Map.of("loop", l.toMap(), "noop", n.toMap()));
        }
        details.put("per_kind", perKind);
        details.put("loop", loopAll.toMap());
        details.put("noop", noopAll.toMap());
        figures.add(Figure.info("Loop all p50", loopAll.p50(), "ms"));
        figures.add(Figure.info("no-op all p50", noopAll.p50(), "ms"));
        figures.add(Figure.info("no-op all p99", noopAll.p99(), "ms"));
        figures.add(Figure.atMost("Loop all p99", loopAll.p99(), "ms", DEADLINE_MS / 10));
        figures.add(Figure.atMost("Loop p99 ÷ no-op p99", loopAll.p99() / noopAll.p99(), "×", 1.5, 2));
        figures.add(Figure.exactly("Loop missed the 3 s deadline", loop.missed(), "", 0));
        figures.add(Figure.info("Loop interactions measured", loopAll.count(), ""));
        figures.add(Figure.info("no-op interactions measured", noopAll.count(), ""));
        figures.add(Figure.info("achieved rate (Loop)", loop.sent() / loop.seconds(), "/s"));
        List<String> notes = new ArrayList<>();
        notes.add("open-loop at " + scale.latencyRate() + " interactions/s for " + Report.number(scale.latencySeconds())
                + " s after " + Report.number(scale.latencyWarmupSeconds()) + " s of warm-up; "
                + (scale.latencyRounds() > 0
                        ? "in " + scale.latencyRounds() + " rounds, each Loop run between two "
                                + "no-op bot runs of half its length"
                        : "no-op bot after Loop"));
        notes.add("each phase starts after a full collection of the benchmark JVM's heap (System.gc())");
        notes.add("latency = simulator emits INTERACTION_CREATE → the callback request reaches the simulator "
                + "(gateway, JDA, handler and HTTP on both sides; all in one JVM on the same cores)");
        if (loop.fallbacks() + noop.fallbacks() > 0) {
            notes.add((loop.fallbacks() + noop.fallbacks())
                    + " Me too/triage slots became /issue show (no card or button yet)");
        }
        if (noop.missed() > 0) notes.add("the no-op bot missed the deadline " + noop.missed() + " times");
        return new Outcome("latency", "", figures, notes, details, 0);
    }
}
