/**
 * Prioritisation: the team's flowchart as a pure state machine ({@link dev.loop.triage.Flowchart},
 * {@link dev.loop.triage.TriageState}), the timeline and promise each priority implies
 * ({@link dev.loop.triage.Timeline}, {@link dev.loop.triage.Promises}) and the automatic Low → High bump
 * ({@link dev.loop.triage.Bump}). Nothing here talks to Discord or the database.
 */
package dev.loop.triage;
