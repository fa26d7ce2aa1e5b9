/**
 * {@code ./run.sh sandbox}: Loop against the built-in Discord simulator with a seeded community, playing the whole
 * feedback loop as people would (ask, capture, link, triage, This blocks me, work, release) and printing what each
 * of them saw, then the KPIs; {@code --stay} keeps it running with a small command line to act as a member.
 */
package dev.loop.sandbox;
