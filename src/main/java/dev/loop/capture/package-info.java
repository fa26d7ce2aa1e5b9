/**
 * Capture: turning a support conversation into an issue record (/capture, the Capture as issue message command,
 * the 📌 quick capture), linking it when it comes up again (/link, Me too, 👍) and asking a bug's reporter for debug
 * details. Duplicate search and merge plans live in the kernel ({@code dev.loop.issue.search},
 * {@code dev.loop.issue.merge}); after a capture, triage is told through the {@link dev.loop.issue.IssueCaptured}
 * port wired in {@code dev.loop.app}.
 *
 * <p>May import: {@code dev.loop.issue}, {@code core}, JDA. Never another feature.
 */
package dev.loop.capture;
