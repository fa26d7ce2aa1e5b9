package dev.loop.bench;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The simulator itself must never be what limits a measurement: interactions answered per second and gateway events
 * delivered per second between the simulator and a bare JDA bot that answers at once (the no-op bot). Closed loop,
 * as fast as they go.
 */
final class SimBench implements Bench.Benchmark {

    static final double INTERACTIONS_TARGET = 2_000;
    static final double EVENTS_TARGET = 10_000;

    @Override
    public String title() {
        return "Simulator throughput: interactions and gateway events to a no-op JDA bot";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) throws Exception {
        double seconds = switch (scale.name()) {
            case "tiny" -> 1;
            case "quick" -> 5;
            default -> 10;
        };
        int posts = scale.name().equals("tiny") ? 2_000 : 60_000;
        // no global limit and no per-route limits: this measures the simulator, not Discord's rules
        try (Community c = Community.start(SimOptions.defaults().globalRateLimit(0), 1)) {
            AtomicLong received = new AtomicLong();
            JDA jda = c.startBareJda(new NoopBot(), new ListenerAdapter() {
                @Override
                public void onMessageReceived(MessageReceivedEvent e) {
                    received.incrementAndGet();
                }
            });
            try {
                Guild guild = jda.getGuildById(c.guild.id());
                guild.updateCommands()
                        .addCommands(Commands.slash("issue", "Issues")
                                .addSubcommands(new SubcommandData("show", "Show")
                                        .addOption(OptionType.STRING, "number", "Issue", true)))
                        .complete();
                c.sim.awaitCommands("issue");
                progress.say("sim: interactions for " + seconds + " s");
                double interactionsPerSecond = interactions(c, seconds);
                progress.say("sim: " + posts + " messages through the gateway");
                double eventsPerSecond = events(c, received, posts);
                List<Figure> figures = List.of(
                        Figure.atLeast("interactions answered", interactionsPerSecond, "/s", INTERACTIONS_TARGET),
                        Figure.atLeast("gateway events delivered", eventsPerSecond, "/s", EVENTS_TARGET));
                Map<String, Object> details = new HashMap<>();
                details.put("interaction_seconds", seconds);
                details.put("messages", posts);
                return new Outcome(
                        "sim",
                        "",
                        figures,
                        List.of(
                                "Each interaction is a /issue show typed by one of 16 members, answered by the no-op bot; the "
                                        + "figure counts initial responses the simulator accepted per second.",
                                "Gateway events are MESSAGE_CREATEs posted by members through the simulator's people API and "
                                        + "counted in the bot's listener."),
                        details,
                        0);
            } finally {
                Community.stop(jda);
            }
        }
    }

    /** Closed loop: 16 members each send the next /issue show as soon as the last one was answered. */
    private static double interactions(Community c, double seconds) throws Exception {
        int clients = 16;
        List<SimMember> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) members.add(c.guild.member("sim-bench-" + i));
        SimChannel channel = c.team;
        // warm up JDA and the simulator's hot paths
        for (int i = 0; i < 200; i++)
            members.get(i % clients)
                    .runSlash(channel, "issue show", Map.of("number", "1"))
                    .awaitAck();
        AtomicLong answered = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (SimMember m : members) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        m.runSlash(channel, "issue show", Map.of("number", "1")).awaitAck();
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        }
        return answered.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Members post as fast as the simulator takes it; the rate is what reaches the bot's listener. */
    private static double events(Community c, AtomicLong received, int posts) throws Exception {
        int writers = 8;
        List<SimMember> members = new ArrayList<>();
        for (int i = 0; i < writers; i++) members.add(c.guild.member("sim-writer-" + i));
        SimChannel channel = c.team;
        long before = received.get();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SimMember m : members) {
                pool.submit(() -> {
                    for (int i = 0; i < posts / writers; i++) m.say(channel, "message " + i);
                    return null;
                });
            }
        }
        long expected = before + (long) (posts / writers) * writers;
        c.sim.await("every message to reach the bot", () -> received.get() >= expected);
        return (received.get() - before) / ((System.nanoTime() - start) / 1e9);
    }
}
