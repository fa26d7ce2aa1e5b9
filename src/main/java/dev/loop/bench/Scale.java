package dev.loop.bench;

/**
 * How big each benchmark runs. {@link #full()} is the specification (issue #9); {@link #quick()} is a shorter run
 * for a quick look; {@link #tiny()} only proves the harness works (the smoke test).
 */
public record Scale(
        String name,
        // interaction latency
        int latencyRate,
        double latencyWarmupSeconds,
        double latencySeconds,
        int latencyMembers,
        int latencyRounds,
        // support-channel ingestion
        int ingestThreads,
        int ingestMessages,
        // release fan-out: issues x places (threads) per issue x requesters per place
        int fanoutIssues,
        int fanoutPlaces,
        int fanoutRequesters,
        int fanoutDmIssues,
        int fanoutDmPlaces,
        int fanoutDmRequesters,
        // memory and start (settle: pause before reading memory, for start-up and traffic after-effects)
        int memoryMembers,
        int memoryIssues,
        int dayPosts,
        int dayMessagesPerPost,
        int dayShows,
        int dayMeToos,
        int daySearches,
        double settleSeconds,
        // search
        int searchIssues,
        int searchQueries,
        double searchWarmupSeconds,
        // a burst of Me too on one card: presses within seconds
        int burstPresses,
        double burstSeconds) {

    public static Scale full() {
        return new Scale(
                "full", 200, 10, 60, 6_000, 4, 2_000, 100_000, 100, 10, 10, 100, 2, 10, 50_000, 20_000, 500, 10, 2_000,
                500, 200, 3, 100_000, 2_000, 3, 1_000, 10);
    }

    public static Scale quick() {
        return new Scale(
                "quick", 200, 3, 15, 2_500, 2, 500, 20_000, 20, 10, 10, 20, 2, 10, 50_000, 20_000, 100, 10, 400, 100,
                50, 2, 100_000, 500, 1, 1_000, 10);
    }

    public static Scale tiny() {
        return new Scale(
                "tiny", 60, 0.2, 0.6, 60, 0, 5, 100, 2, 2, 3, 2, 1, 3, 300, 50, 3, 3, 6, 3, 3, 0.2, 2_000, 100, 0.1, 20,
                1);
    }

    /** The same scale with the DM fan-out at the specification's size (10,000 requesters, minutes at 50 requests/s). */
    public Scale withSpecDmFanout() {
        return new Scale(
                name + "+spec-dm",
                latencyRate,
                latencyWarmupSeconds,
                latencySeconds,
                latencyMembers,
                latencyRounds,
                ingestThreads,
                ingestMessages,
                fanoutIssues,
                fanoutPlaces,
                fanoutRequesters,
                100,
                10,
                10,
                memoryMembers,
                memoryIssues,
                dayPosts,
                dayMessagesPerPost,
                dayShows,
                dayMeToos,
                daySearches,
                settleSeconds,
                searchIssues,
                searchQueries,
                searchWarmupSeconds,
                burstPresses,
                burstSeconds);
    }
}
