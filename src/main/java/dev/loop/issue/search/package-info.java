/**
 * Finding issues by their words: the full-text query rules ({@link dev.loop.issue.search.FtsQuery}), the choice of
 * similar open issues ({@link dev.loop.issue.search.SimilarityRanking}, {@link dev.loop.issue.search.DuplicateSearch})
 * and the term statistics they use, and whether a new text "looks like" an open issue
 * ({@link dev.loop.issue.search.LooksLike}, the threshold rule behind watch's hints on support threads and GitHub's
 * "New on GitHub" suggestions). Shared by capture (duplicates before filing), watch (hints on support threads),
 * GitHub (hints on new GitHub issues) and the issue commands (search).
 *
 * <p>May import: {@code dev.loop.issue} and {@code core}; no JDA.
 */
package dev.loop.issue.search;
