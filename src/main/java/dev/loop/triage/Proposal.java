package dev.loop.triage;

import java.time.Instant;

/** A solution proposed to an issue's requesters. {@code snippet} may be null. */
public record Proposal(
        long id, int issueNumber, String solution, String snippet, long proposedBy, Instant proposedAt) {}
