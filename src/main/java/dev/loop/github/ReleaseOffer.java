package dev.loop.github;

import java.util.List;

/**
 * The port through which a release published on GitHub becomes Loop's release preview in the team channel (wired by
 * the composition root to the release feature). Offering the same {@code key} again changes nothing.
 */
@FunctionalInterface
public interface ReleaseOffer {

    /** Offers the preview; returns once it is recorded (and posted, or to be posted when Discord is back). */
    void offer(String key, String version, List<Integer> issues, String notes, String snippet);
}
