/**
 * Loop's side of Discord that every feature shares: interaction routing with the central error path, the deadline
 * guard that acknowledges in time what a slow handler has not yet answered, the engineer check, and the reply builders
 * that keep mentions opt-in.
 *
 * <p>May import: {@code core}, JDA. Never the kernel or a feature.
 */
package dev.loop.core.discord;
