/**
 * Capturing conversations into issues: finding similar open issues before creating a new one
 * ({@link dev.loop.capture.SimilarityRanking}, {@link dev.loop.capture.FtsQuery}) and planning merges and unmerges
 * of issue records ({@link dev.loop.capture.MergePlan}, {@link dev.loop.capture.UnmergePlan}).
 */
package dev.loop.capture;
