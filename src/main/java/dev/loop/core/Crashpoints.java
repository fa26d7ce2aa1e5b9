package dev.loop.core;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Named steps where Loop could stop dead — between sending a message and recording it, between two writes — so the
 * reliability tests can stop it exactly there, as a kill -9 would. In production nothing is ever armed and
 * {@link #reach} is a map lookup. An armed step holds the thread that reaches it until {@link #release} and then
 * throws {@link Halted} through it, so nothing after the step happens in that process: the test then stops Loop
 * and starts a new one on the same database.
 */
public final class Crashpoints {

    private static final Map<String, CountDownLatch> armed = new ConcurrentHashMap<>();
    private static final Set<String> reached = ConcurrentHashMap.newKeySet();
    private static final Set<CountDownLatch> held = ConcurrentHashMap.newKeySet();

    private Crashpoints() {}

    /** Passes unless a test armed {@code step}; an armed step is taken once. */
    public static void reach(String step) {
        CountDownLatch hold = armed.remove(step);
        if (hold == null) return;
        held.add(hold);
        reached.add(step);
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Halted(step);
    }

    /** The next thread to reach {@code step} stops there. */
    public static void arm(String step) {
        reached.remove(step);
        armed.put(step, new CountDownLatch(1));
    }

    /** Whether a thread stopped at {@code step}. */
    public static boolean reached(String step) {
        return reached.contains(step);
    }

    /** Lets every held thread die (with {@link Halted}) and disarms everything. */
    public static void release() {
        reached.clear();
        armed.clear();
        for (CountDownLatch l : Set.copyOf(held)) {
            l.countDown();
            held.remove(l);
        }
    }

    /** A thread stopped at an armed step: as if the process died there. */
    public static final class Halted extends Error {
        Halted(String step) {
            super("stopped at " + step, null, false, false);
        }
    }
}
