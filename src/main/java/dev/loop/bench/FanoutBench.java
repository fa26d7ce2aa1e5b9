package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.release.Release;
import dev.loop.release.ReleaseFeature;
import dev.loop.release.ReleaseStatus;
import dev.loop.release.ReleaseStore;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRateLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Release fan-out: a release whose issues were brought up in many forum posts by many people, published through
 * {@code /release} and Publish like an engineer would, with the simulator enforcing Discord's global limit of 50
 * requests a second and its per-route limits. Measures how close Loop's sending comes to the allowed rate, the 429s it
 * provokes, and whether every requester was told exactly once. Runs in thread mode and in DM mode.
 */
final class FanoutBench implements Bench.Benchmark {

    static final int ALLOWED_PER_SECOND = 50;

    @Override
    public String title() {
        return "Release fan-out at Discord's 50 requests/s";
    }

    /** One mode's measurements. */
    record Run(
            String mode,
            int issues,
            int threads,
            int requesters,
            long accepted,
            double seconds,
            long limited,
            long worstBucket,
            Map<String, Long> limitedByBucket,
            int told,
            int duplicates,
            int lost,
            ReleaseStatus status) {
        double rate() {
            return seconds <= 0 ? Double.NaN : accepted / seconds;
        }
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        Run thread = fanout("thread", scale.fanoutIssues(), scale.fanoutPlaces(), scale.fanoutRequesters(), progress);
        Run dm = fanout("dm", scale.fanoutDmIssues(), scale.fanoutDmPlaces(), scale.fanoutDmRequesters(), progress);
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Run r : List.of(thread, dm)) {
            String p = r.mode() + ": ";
            figures.add(Figure.info(p + "requesters / threads", r.requesters(), "/ " + r.threads()));
            figures.add(Figure.info(p + "requests sent", r.accepted(), "in " + Report.number(r.seconds()) + " s"));
            figures.add(Figure.atLeast(p + "achieved ÷ allowed rate", r.rate() / ALLOWED_PER_SECOND, "", 0.9, 0.85));
            figures.add(Figure.info(p + "429s", r.limited(), ""));
            figures.add(Figure.atMost(p + "most 429s in one bucket", r.worstBucket(), "", 1));
            figures.add(Figure.exactly(p + "duplicates", r.duplicates(), "", 0));
            figures.add(Figure.exactly(p + "lost", r.lost(), "", 0));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("issues", r.issues());
            d.put("threads", r.threads());
            d.put("requesters", r.requesters());
            d.put("requests_accepted", r.accepted());
            d.put("seconds", r.seconds());
            d.put("rate_per_s", r.rate());
            d.put("status_429", r.limited());
            d.put("status_429_by_bucket", r.limitedByBucket());
            d.put("told", r.told());
            d.put("delivered", r.status().delivered());
            d.put("fell_back", r.status().fellBack());
            d.put("failed", r.status().failed());
            details.put(r.mode(), d);
        }
        List<String> notes = new ArrayList<>();
        notes.add(
                "requests = every REST call under the global limit (messages, DM channels, thread edits) from the first "
                        + "to the last, 429s excluded; interaction callbacks are exempt, as on Discord");
        notes.add("duplicates and lost are counted from what each requester received in the simulator (pings in thread "
                + "mode, DMs in DM mode)");
        if (scale.fanoutDmIssues() * scale.fanoutDmPlaces() * scale.fanoutDmRequesters() < 10_000) {
            notes.add("DM mode runs with " + dm.requesters() + " requesters to fit the time budget (each DM is two "
                    + "requests at 50/s); --spec-dm runs the full 10,000");
        }
        return new Outcome("fanout", "", figures, notes, details, 0);
    }

    private Run fanout(String mode, int issueCount, int placesPerIssue, int requestersPerPlace, Bench.Progress progress)
            throws Exception {
        try (Community c = Community.start(
                SimOptions.defaults().realisticRateLimits(true).globalRateLimit(ALLOWED_PER_SECOND), 2)) {
            int threadCount = issueCount * placesPerIssue;
            int requesterCount = threadCount * requestersPerPlace;
            progress.say("fanout " + mode + ": " + issueCount + " issues, " + threadCount + " forum posts, "
                    + requesterCount + " requesters");
            List<SimMember> people = c.members(requesterCount, "req");
            Words words = new Words(5, 4_000);
            List<SimChannel> threads = new ArrayList<>(threadCount);
            for (int t = 0; t < threadCount; t++) {
                threads.add(people.get(t * requestersPerPlace)
                        .postInForum(c.support, "Post " + t + " " + words.title(), words.text(15)));
            }
            Path file = c.dir.resolve("loop.db");
            try (Database db = Database.open(file)) {
                int first =
                        Seeder.issues(db, c.guild.id(), c.engineers.getFirst().id(), issueCount, i -> {
                            List<Seeder.Place> places = new ArrayList<>();
                            for (int p = 0; p < placesPerIssue; p++) {
                                int t = i * placesPerIssue + p;
                                List<Long> who = new ArrayList<>();
                                for (int r = 0; r < requestersPerPlace; r++)
                                    who.add(people.get(t * requestersPerPlace + r)
                                            .id());
                                places.add(new Seeder.Place(threads.get(t).id(), c.support.id(), who));
                            }
                            return new Seeder.Issue(words.title(), words.text(20), "", "open", "high", places);
                        });
                try (Community.Running loop = c.startLoop(c.config(mode, file), db, b -> {})) {
                    ReleaseStore store = loop.feature(ReleaseFeature.class).store();
                    StringBuilder numbers = new StringBuilder();
                    for (int i = 0; i < issueCount; i++)
                        numbers.append('#').append(first + i).append(' ');
                    SimMember engineer = c.engineers.getFirst();
                    SimInteraction command = engineer.runSlash(
                            c.team,
                            "release",
                            Map.of(
                                    "version",
                                    "9.0." + mode.length(),
                                    "issues",
                                    numbers.toString().strip()));
                    SimMessage preview = command.awaitModal()
                            .submit(Map.of("notes", "Faster sync and fewer crashes.", "snippet", "loop --sync"))
                            .awaitReply(m -> m.buttonLabels().contains("Publish"));
                    SimRateLimits limits = c.sim.rateLimits();
                    limits.reset();
                    progress.say("fanout " + mode + ": publishing");
                    engineer.pressButton(preview, "Publish");
                    Release release = awaitRelease(store, "9.0." + mode.length());
                    double[] window = watchRequests(limits, () -> {
                        ReleaseStatus s = store.status(store.find(release.id()).orElseThrow());
                        return s.pending() == 0 && s.release().announcementMessageId() != null;
                    });
                    long accepted = accepted(limits);
                    ReleaseStatus status = store.status(store.find(release.id()).orElseThrow());
                    Map<Long, Integer> told = mode.equals("dm") ? dms(people) : pings(threads);
                    int duplicates = 0;
                    int lost = 0;
                    for (SimMember p : people) {
                        int n = told.getOrDefault(p.id(), 0);
                        if (n == 0) lost++;
                        if (n > 1) duplicates += n - 1;
                    }
                    Map<String, Long> byBucket = limits.rateLimitedByBucket();
                    long worst = byBucket.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(0);
                    return new Run(
                            mode,
                            issueCount,
                            threadCount,
                            requesterCount,
                            accepted,
                            window[1] - window[0],
                            limits.rateLimitedTotal(),
                            worst,
                            byBucket,
                            told.size(),
                            duplicates,
                            lost,
                            status);
                }
            }
        }
    }

    private static Release awaitRelease(ReleaseStore store, String version) throws InterruptedException {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < giveUp) {
            Optional<Release> r = store.findByVersion(version);
            if (r.isPresent()) return r.get();
            Thread.sleep(20);
        }
        throw new IllegalStateException("release " + version + " was not published within 30 s");
    }

    /** Requests that passed the rate limits, interaction callbacks and webhooks left out (they are exempt). */
    static long accepted(SimRateLimits limits) {
        long n = 0;
        for (Map.Entry<String, Long> e : limits.requestCounts().entrySet()) {
            String route = e.getKey();
            if (route.startsWith("POST interactions/") || route.contains(" webhooks/")) continue;
            n += e.getValue() - limits.rateLimited(route);
        }
        return n;
    }

    /**
     * Watches the accepted-request count until {@code finished} holds and nothing was sent for two seconds. Returns
     * the times (seconds) of the first and last request seen.
     */
    private static double[] watchRequests(SimRateLimits limits, java.util.function.BooleanSupplier finished)
            throws InterruptedException {
        long start = System.nanoTime();
        long firstChange = -1;
        long lastChange = start;
        long seen = accepted(limits);
        long lastCheck = 0;
        boolean done = false;
        while (true) {
            long now = System.nanoTime();
            long n = accepted(limits);
            if (n != seen) {
                if (firstChange < 0) firstChange = now;
                seen = n;
                lastChange = now;
            }
            if (!done && now - lastCheck > 200_000_000L) {
                done = finished.getAsBoolean();
                lastCheck = now;
            }
            if (done && now - lastChange > 2_000_000_000L) break;
            if (now - lastChange > 120_000_000_000L) throw new IllegalStateException("release delivery stalled");
            Thread.sleep(5);
        }
        if (firstChange < 0) firstChange = start;
        return new double[] {firstChange / 1e9, lastChange / 1e9};
    }

    /** How many bot messages in the posts pinged each person. */
    private static Map<Long, Integer> pings(List<SimChannel> threads) {
        Map<Long, Integer> told = new HashMap<>();
        for (SimChannel t : threads) {
            for (SimMessage m : t.messages()) {
                if (!m.fromBot()) continue;
                for (long u : m.pinged()) told.merge(u, 1, Integer::sum);
            }
        }
        return told;
    }

    /** How many DMs the bot sent each person. */
    private static Map<Long, Integer> dms(List<SimMember> people) {
        Map<Long, Integer> told = new HashMap<>();
        for (SimMember p : people) {
            int n = p.dmsFromBot().size();
            if (n > 0) told.put(p.id(), n);
        }
        return told;
    }
}
