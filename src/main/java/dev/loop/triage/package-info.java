/**
 * Prioritisation. The pure rules: the team's flowchart as a state machine ({@link dev.loop.triage.Flowchart},
 * {@link dev.loop.triage.TriageState}, carried in component ids by {@link dev.loop.triage.TriageToken}), the
 * timeline and promise each priority implies ({@link dev.loop.triage.Timeline}, {@link dev.loop.triage.Promises},
 * {@link dev.loop.triage.TimelineNotice}, {@link dev.loop.triage.PastDueNote}), the automatic Low → High bump
 * ({@link dev.loop.triage.Bump}) and priority reactions ({@link dev.loop.triage.ReactionTriage}). The feature
 * ({@link dev.loop.triage.TriageFeature}) asks the questions with buttons after a capture and on
 * {@code /issue triage}, tells requesters their timeline, handles <em>This blocks me</em>, priority reactions on
 * issue cards, {@code /issue assign|working|mine|propose} and the daily note of promises past due; its storage is
 * {@link dev.loop.triage.TriageStore}.
 */
package dev.loop.triage;
