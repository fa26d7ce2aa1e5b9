package dev.loop.github;

import java.time.Instant;

/**
 * What the sync's parts ({@link GitHubExport}, {@link GitHubPolling}) share with the round that runs them: the
 * spacing of writes, the pause GitHub asked for (a limit stops all GitHub traffic) and whether Loop is stopping.
 */
interface SyncRound {

    /** Waits for the next write slot. */
    void pace() throws InterruptedException;

    /** No GitHub request before {@code until}. */
    void pauseUntil(Instant until);

    /** Loop is stopping: leave after the request in flight. */
    boolean stopping();
}
