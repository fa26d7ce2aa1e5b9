package dev.loop.sandbox;

import dev.loop.core.MovableClock;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The story's last scenes, about the process around the fix: a request captured with the **Capture as issue**
 * message command that needs design (its design thread in #team), a naming vote with a fourth name suggested, and a
 * goal for the area's KPIs.
 */
final class ProcessScenes {

    private static final Pattern CAPTURED = Pattern.compile("Captured \\*\\*#(\\d+)\\*\\*");

    private final Community c;
    private final Narrator narrator;
    private final MovableClock clock;

    ProcessScenes(Community c, Narrator narrator, MovableClock clock) {
        this.c = c;
        this.narrator = narrator;
        this.clock = clock;
    }

    /** What the scenes left behind, for whoever wants to check them. */
    record Outcome(int issue, SimChannel designThread, SimMessage designOutline, SimMessage suggestion) {}

    Outcome play() {
        clock.advance(Duration.ofHours(2));
        narrator.scene("dave asks for offline boards; it needs design", clock.instant());
        SimMessage asked =
                c.dave().say(c.support(), "Could boards work offline? We edit them on trains with no signal.");
        narrator.catchUp();
        narrator.act(c.erin(), "runs the message command «Capture as issue» on dave's message");
        SimInteraction submit = c.erin()
                .runMessageCommand(asked, "Capture as issue")
                .awaitModal()
                .submit(Map.of("kind", "feature", "needs_docs", "no"));
        SimMessage first = submit.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) submit = c.erin().pressButton(first, "Create new issue");
        SimMessage captured = submit.awaitReply(m -> m.content().startsWith("Captured **#"));
        Matcher m = CAPTURED.matcher(captured.content());
        if (!m.find()) throw new IllegalStateException("unexpected capture reply: " + captured.content());
        int n = Integer.parseInt(m.group(1));
        SimMessage prompt = submit.awaitReply(r -> r.content().startsWith("**Triage #" + n + "**"));
        narrator.act(c.erin(), "answers “Is the solution straightforward?” with [Needs design]");
        SimMessage priority = c.erin().pressButton(prompt, "Needs design").awaitUpdate();
        SimChannel thread = awaitDesignThread(n);
        SimMessage outline = thread.awaitMessage(x -> x.fromBot() && x.content().contains("needs design"));
        narrator.act(c.erin(), "answers No to the priority questions and presses [Done]");
        for (int i = 0; i < 3 && priority.buttonLabels().contains("No"); i++)
            priority = c.erin().pressButton(priority, "No").awaitUpdate();
        c.erin().pressButton(priority, "Done").awaitUpdate();
        narrator.catchUp();

        clock.advance(Duration.ofMinutes(30));
        narrator.scene("sam asks the team to name offline boards", clock.instant());
        narrator.act(c.sam(), "runs /name with a proposal, two alternatives and why, for #" + n);
        c.sam()
                .runSlash(
                        c.team(),
                        "name",
                        Map.of(
                                "proposal",
                                "Pocket boards",
                                "why",
                                "They go with you",
                                "alternative1",
                                "Offline mode",
                                "like1",
                                "Everyone knows what it means",
                                "alternative2",
                                "Airplane boards",
                                "like2",
                                "Playful",
                                "issue",
                                String.valueOf(n)))
                .awaitReply(x -> x.content().startsWith("Naming vote posted"));
        SimMessage poll = c.team().awaitMessage(x -> x.fromBot() && x.poll() != null);
        narrator.act(c.erin(), "presses [Suggest another] and suggests «Carry-on boards»");
        c.erin()
                .pressButton(poll, "Suggest another")
                .awaitModal()
                .submit(Map.of("name", "Carry-on boards", "why", "Fits the travel story"))
                .awaitReply(x -> x.content().startsWith("Added"));
        SimMessage suggestion =
                c.team().awaitMessage(x -> x.fromBot() && x.content().startsWith("💡"));
        c.alice().vote(poll, "Offline mode");
        c.bob().react(suggestion, "👍");
        c.carol().react(suggestion, "👍");
        narrator.catchUp();

        narrator.act(c.sam(), "sets a goal for the Export area: median first reply at most 2 hours");
        c.sam()
                .runSlash(c.team(), "stats goal", Map.of("metric", "first-reply", "value", "2h", "area", "Export"))
                .awaitReply(x -> x.content().startsWith("Goal set"));
        narrator.catchUp();
        return new Outcome(n, thread, outline, suggestion);
    }

    private SimChannel awaitDesignThread(int n) {
        c.sim()
                .await(
                        "the design thread of #" + n,
                        () -> c.team().threads().stream().anyMatch(t -> t.name().startsWith("Design #" + n + " ")));
        return c.team().threads().stream()
                .filter(t -> t.name().startsWith("Design #" + n + " "))
                .findFirst()
                .orElseThrow();
    }
}
