package dev.loop.release;

/**
 * One box of a release's docs/copy review issue on GitHub as people left it: the announcement's ({@code issueNumber}
 * null) or a flagged issue's, ticked or not.
 */
public record ReviewTick(Integer issueNumber, boolean ticked) {}
