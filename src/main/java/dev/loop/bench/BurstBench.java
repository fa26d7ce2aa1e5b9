package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimOptions;
import dev.loop.sim.SimRateLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst on one card, the moment a community cares most: many members press Me too on the same issue card within a
 * few seconds, with the simulator enforcing Discord's per-channel limits (5 message edits per 5 s) and the global 50
 * requests a second. Every press must be answered within the 3-second deadline and every member recorded, while the
 * card itself is edited only a handful of times (Loop folds the refreshes of one card together) and no request earns
 * a 429.
 */
final class BurstBench implements Bench.Benchmark {

    static final String CARD_EDIT = "PATCH channels/{channel_id}/messages/{message_id}";
    private static final long DEADLINE_NANOS = 3_000_000_000L;
    private static final Pattern CARD_TITLE = Pattern.compile("^#(\\d+) ");

    @Override
    public String title() {
        return "Burst: Me too from many members on one card within seconds";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        int presses = scale.burstPresses();
        double seconds = scale.burstSeconds();
        try (Community c =
                Community.start(SimOptions.defaults().realisticRateLimits(true).globalRateLimit(50), 2)) {
            List<SimMember> people = c.members(presses, "fan");
            SimChannel post = people.getFirst()
                    .postInForum(
                            c.support,
                            "Sync stops after an hour",
                            "Since the update my files stop syncing after an hour.");
            Path file = c.dir.resolve("loop.db");
            try (Database db = Database.open(file);
                    Community.Running loop = c.startLoop(c.config("thread", file), db, b -> {})) {
                SimMessage card = capture(c.engineers.getFirst(), post);
                Matcher m = CARD_TITLE.matcher(card.embeds().getFirst().title());
                if (!m.find()) throw new IllegalStateException("no issue number on the card");
                int number = Integer.parseInt(m.group(1));

                SimRateLimits limits = c.sim.rateLimits();
                limits.reset();
                progress.say("burst: " + presses + " presses of Me too in " + Report.number(seconds) + " s");
                List<SimInteraction> sent = new ArrayList<>(presses);
                long start = System.nanoTime();
                long gap = (long) (seconds * 1e9 / presses);
                for (int i = 0; i < presses; i++) {
                    long due = start + i * gap;
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    sent.add(people.get(i).pressButton(card, "Me too"));
                }
                // the last press has its 3 seconds; a little more lets late answers show up as late, not missing
                long settle = System.nanoTime() + DEADLINE_NANOS + 1_000_000_000L;
                while (System.nanoTime() < settle && !sent.stream().allMatch(s -> s.responseNanos() >= 0)) {
                    Thread.sleep(20);
                }
                int inTime = 0;
                long worst = 0;
                for (SimInteraction s : sent) {
                    long n = s.responseNanos();
                    if (n >= 0 && n <= DEADLINE_NANOS) inTime++;
                    worst = Math.max(worst, n);
                }
                int counted = awaitCount(db, number, c.engineers.getFirst().id(), presses);
                long edits = awaitQuietCard(limits);
                long limited = limits.rateLimitedTotal();

                List<Figure> figures = new ArrayList<>();
                figures.add(Figure.exactly("presses answered within 3 s", inTime, "", presses));
                figures.add(Figure.exactly("requesters counted", counted, "", presses));
                figures.add(Figure.atMost("card edits", edits, "", 15));
                figures.add(Figure.exactly("429s", limited, "", 0));
                figures.add(Figure.info("slowest first answer", worst / 1e6, "ms"));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("presses", presses);
                details.put("seconds", seconds);
                details.put("answered_in_time", inTime);
                details.put("requesters", counted);
                details.put("card_edits", edits);
                details.put("status_429", limited);
                details.put("status_429_by_bucket", limits.rateLimitedByBucket());
                details.put("slowest_first_answer_ms", worst / 1e6);
                return new Outcome(
                        "burst",
                        title(),
                        figures,
                        List.of("the simulator allows 5 edits of messages in a channel per 5 s, as Discord does"),
                        details,
                        0);
            }
        }
    }

    /** The engineer captures the post with /capture; returns the card Loop posts in it. */
    private static SimMessage capture(SimMember engineer, SimChannel post) {
        SimInteraction submit =
                engineer.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage first = submit.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) engineer.pressButton(first, "Create new issue");
        return post.awaitMessage(x -> x.fromBot()
                && !x.embeds().isEmpty()
                && CARD_TITLE.matcher(x.embeds().getFirst().title()).find());
    }

    /** Members recorded as requesters of the issue (the engineer who captured it aside), once all are in or 30 s on. */
    private static int awaitCount(Database db, int number, long engineer, int wanted) throws InterruptedException {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        int n;
        do {
            n = db.read(q -> q.fetchCount(q.selectDistinct(org.jooq.impl.DSL.field("user_id"))
                    .from("requester")
                    .where("issue_number = ?", number)
                    .and("user_id <> ?", engineer)));
            if (n >= wanted) return n;
            Thread.sleep(50);
        } while (System.nanoTime() < giveUp);
        return n;
    }

    /** Card edits once the card has been quiet for 6 s (the per-channel window and then some), at most 60 s. */
    private static long awaitQuietCard(SimRateLimits limits) throws InterruptedException {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < giveUp) {
            long now = limits.requests(CARD_EDIT);
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 6_000_000_000L) {
                break;
            }
            Thread.sleep(100);
        }
        return limits.requests(CARD_EDIT) - limits.rateLimited(CARD_EDIT);
    }
}
