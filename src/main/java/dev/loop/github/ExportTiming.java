package dev.loop.github;

import java.time.Duration;
import java.time.Instant;

/**
 * Coalescing: when an issue whose GitHub body is behind may be exported. It waits until the issue has been quiet for
 * {@code settle} (ten Me too presses in a burst make one edit) and leaves at least {@code minInterval} between two
 * edits of one issue (a steady trickle of changes makes an edit every interval, not one per change).
 */
public record ExportTiming(Duration settle, Duration minInterval) {

    public static final ExportTiming DEFAULT = new ExportTiming(Duration.ofSeconds(10), Duration.ofSeconds(60));

    /**
     * The earliest time the issue may be exported.
     *
     * @param lastChange when the issue last changed
     * @param lastExport when its GitHub issue was last written, null if never
     */
    public Instant earliest(Instant lastChange, Instant lastExport) {
        Instant quiet = lastChange == null ? Instant.EPOCH : lastChange.plus(settle);
        if (lastExport == null) return quiet;
        Instant spaced = lastExport.plus(minInterval);
        return spaced.isAfter(quiet) ? spaced : quiet;
    }
}
