package dev.loop.triage;

import java.time.Instant;

/**
 * One requester's answer to a proposal; a later answer by the same person replaces the earlier one. {@code missing}
 * is what they said is still missing when it doesn't solve their problem (null otherwise, or before they said).
 */
public record ProposalAnswer(long proposalId, long userId, boolean solves, Instant at, String missing) {}
