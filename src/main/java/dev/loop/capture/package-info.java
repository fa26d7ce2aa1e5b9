/**
 * Capture: turning a support conversation into an issue record (/capture, the Capture as issue message command,
 * the 📌 quick capture), linking it when it comes up again (/link, Me too, 👍) and asking a bug's reporter for debug
 * details; with the pure rules behind them: finding similar open issues ({@link dev.loop.capture.SimilarityRanking},
 * {@link dev.loop.capture.FtsQuery}) and planning merges and unmerges ({@link dev.loop.capture.MergePlan},
 * {@link dev.loop.capture.UnmergePlan}).
 */
package dev.loop.capture;
