package dev.loop.triage;

import java.time.Instant;

/** One requester's answer to a proposal; a later answer by the same person replaces the earlier one. */
public record ProposalAnswer(long proposalId, long userId, boolean solves, Instant at) {}
