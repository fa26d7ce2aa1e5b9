package dev.loop.testing;

import static dev.loop.testing.Eventually.eventually;

import dev.loop.core.Crashpoints;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stopping Loop dead at a named step ({@link Crashpoints}), as a kill -9 would leave the database, and starting it
 * again an hour later: far past Discord's nonce window (five minutes on the simulator's clock), so nothing Discord
 * remembers saves Loop from sending twice. Registered beside the class's {@link Community}, it disarms the step
 * and starts a stopped Loop again after each test, whatever happened.
 *
 * <pre>{@code
 * @RegisterExtension
 * final StopDead stopDead = new StopDead(s);
 * ...
 * stopDead.at("capture.issue.stored");
 * s.erin.runSlash(post, "link", Map.of("issue", 7));
 * stopDead.thenStartAnHourLater();
 * }</pre>
 */
public final class StopDead implements AfterEachCallback {

    private final Community community;
    private String step;

    public StopDead(Community community) {
        this.community = community;
    }

    /** Arms {@code step}: the next thread that reaches it stops there. */
    public void at(String step) {
        this.step = step;
        Crashpoints.arm(step);
    }

    /** Whether a thread reached the armed step (and stands there). */
    public boolean reached() {
        return Crashpoints.reached(step);
    }

    /**
     * Waits until Loop reached the armed step, lets the stopped thread die without going on, stops Loop and starts
     * it again an hour later on the same database.
     */
    public void thenStartAnHourLater() throws InterruptedException {
        eventually("Loop to stop at " + step, () -> Crashpoints.reached(step));
        Crashpoints.release(); // the thread that got there dies without going on
        community.stop();
        community.clock.advance(Duration.ofHours(1));
        community.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        Crashpoints.release();
        if (community.loop() == null) community.start();
    }
}
