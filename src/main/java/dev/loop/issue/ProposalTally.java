package dev.loop.issue;

/** What the requesters said of an issue's latest proposed solution, as the issue card shows it. */
public record ProposalTally(long proposalId, int solves, int doesNotSolve) {}
