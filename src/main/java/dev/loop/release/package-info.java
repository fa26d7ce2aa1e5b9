/**
 * Releases: planning who is told what when a release ships ({@link dev.loop.release.NoticePlan}), the deterministic
 * nonces that let Discord drop a duplicate send after a crash ({@link dev.loop.release.Nonces}) and what to do when a
 * notice cannot be delivered where it was planned ({@link dev.loop.release.Fallback}). Pure planning: sending and
 * the outbox live elsewhere.
 */
package dev.loop.release;
