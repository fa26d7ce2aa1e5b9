/**
 * Merging one issue into another and undoing it: the pure plans ({@link dev.loop.issue.merge.MergePlan},
 * {@link dev.loop.issue.merge.UnmergePlan}) that say which places, requesters and transcript lines move; the issue
 * store carries them out in one transaction.
 *
 * <p>May import: {@code dev.loop.issue}; no JDA, no database.
 */
package dev.loop.issue.merge;
