package dev.loop.release;

import java.util.List;

/** How far a release's delivery got: the notice counts per state, who could not be told and why, the review list. */
public record ReleaseStatus(
        Release release,
        int delivered,
        int fellBack,
        int failed,
        int pending,
        List<Failure> failures,
        int reviewed,
        int reviewItems) {

    public ReleaseStatus {
        failures = List.copyOf(failures);
    }

    public int total() {
        return delivered + fellBack + failed + pending;
    }

    /** A person whose notice failed, where it was meant to go, and the last error. */
    public record Failure(long userId, Route route, Long targetChannelId, String error) {}
}
