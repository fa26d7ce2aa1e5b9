/**
 * {@code ./run.sh sandbox}: Loop against the built-in Discord simulator with a seeded community, playing the whole
 * feedback loop as people would (ask, capture, link, triage, This blocks me, work, release) and printing what each
 * of them saw, then the KPIs; {@code --stay} keeps it running with a small command line to act as a member.
 *
 * <p>A tool, not the product: its entry point is {@link dev.loop.sandbox.SandboxMain}. May import {@code app} (to start
 * Loop with the product's features), the features (to read what happened), {@code core} and {@code sim}. Nothing in
 * the product imports it.
 */
package dev.loop.sandbox;
