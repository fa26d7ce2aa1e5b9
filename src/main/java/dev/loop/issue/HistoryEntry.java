package dev.loop.issue;

import java.time.Instant;

/** One change to an issue. A null actor is Loop itself. */
public record HistoryEntry(long id, int issueNumber, Instant at, Long actorId, String type, String detail) {}
