package dev.loop.issue.search;

import java.time.Instant;
import java.util.Map;

/**
 * How many issues each indexed word appears in, as of {@code takenAt}, out of {@code documents} indexed issues. A
 * word not in the map was in no issue then (or is newer than the snapshot).
 */
public record TermFrequencies(Map<String, Integer> documentCounts, int documents, Instant takenAt) {

    public static final TermFrequencies EMPTY = new TermFrequencies(Map.of(), 0, Instant.EPOCH);

    public TermFrequencies {
        documentCounts = Map.copyOf(documentCounts);
    }

    /** Issues containing {@code term}; 0 when it was in none. */
    public int of(String term) {
        return documentCounts.getOrDefault(term, 0);
    }
}
