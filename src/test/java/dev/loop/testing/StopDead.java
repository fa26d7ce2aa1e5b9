package dev.loop.testing;

import static dev.loop.testing.Eventually.eventually;

import dev.loop.core.Crashpoints;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import java.time.Duration;
import java.util.Map;

/**
 * Stopping Loop dead at a named step ({@link Crashpoints}) and starting it again later, as the crash tests do: the
 * thread that reaches an armed step dies there, as if the process had been killed, and a new Loop starts on the same
 * database.
 */
public final class StopDead {

    private StopDead() {}

    /** After each crash test: lets any held thread die, disarms every step and starts Loop again if it is stopped. */
    public static void disarm(Community s) throws InterruptedException {
        Crashpoints.release();
        if (s.loop() == null) s.start();
    }

    /**
     * Waits for a thread to stop at {@code step}, lets it die, stops Loop, moves the clock an hour (far past Discord's
     * nonce window, which the simulator measures on the same clock) and starts a new Loop on the same database.
     */
    public static void thenStartAnHourLater(Community s, String step) throws InterruptedException {
        eventually("Loop to stop at " + step, () -> Crashpoints.reached(step));
        Crashpoints.release();
        s.stop();
        s.clock.advance(Duration.ofHours(1));
        s.start();
    }

    /**
     * {@code engineer} captures {@code post} by /capture as a bug while {@code step} is armed; when other tests'
     * issues come close, they press Create new issue. Returns the interaction the capture went ahead in (the form's
     * submission, or that press), whose replies are what the engineer saw.
     */
    public static SimInteraction captureWhileArmed(SimMember engineer, SimChannel post, String step) {
        Crashpoints.arm(step);
        SimInteraction submit =
                engineer.runSlash(post, "capture").awaitModal().submit(Map.of("kind", "bug", "needs_docs", "no"));
        eventually(
                "the capture to go ahead",
                () -> Crashpoints.reached(step)
                        || submit.replies().stream()
                                .anyMatch(m -> m.buttonLabels().contains("Create new issue")));
        return submit.replies().stream()
                .filter(m -> m.buttonLabels().contains("Create new issue"))
                .findFirst()
                .map(m -> engineer.pressButton(m, "Create new issue"))
                .orElse(submit);
    }
}
