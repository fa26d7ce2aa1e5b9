/**
 * Prioritisation. The pure rules: the team's flowchart as a state machine ({@link dev.loop.triage.Flowchart},
 * {@link dev.loop.triage.TriageState}, carried in component ids by {@link dev.loop.triage.TriageToken}), the
 * timeline and promise each priority implies ({@link dev.loop.triage.Timeline}, {@link dev.loop.triage.Promises},
 * {@link dev.loop.issue.TimelineNotice}, {@link dev.loop.triage.PastDueNote}), and priority reactions ({@link dev.loop.triage.ReactionTriage}). The feature
 * ({@link dev.loop.triage.TriageFeature}) asks the questions with buttons after a capture and on
 * {@code /issue triage}, tells requesters their timeline, handles <em>This blocks me</em>, priority reactions on
 * issue cards, {@code /issue assign|working|mine|propose} and the daily note of promises past due; its storage is
 * {@link dev.loop.triage.TriageStore}. The prompt a capture owes its engineer is sent exactly once at any restart by
 * {@link dev.loop.triage.CapturePrompts}, which records it in {@code triage_prompt} (its one writer) and at start
 * sends, or finds among the DM's newest messages, the prompts captures made just before a stop still owe. The bump rule and the timeline notice are shared with other features and live
 * in the kernel ({@link dev.loop.issue.Bump}, {@link dev.loop.issue.TimelineNotice}).
 *
 * <p>May import: {@code dev.loop.issue}, {@code core}, JDA. Never another feature: it learns of a capture through
 * {@link dev.loop.issue.IssueCaptured}.
 */
package dev.loop.triage;
