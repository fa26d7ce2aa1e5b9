/**
 * Loop's side of Discord that every feature shares: interaction routing with the central error path, the engineer
 * check, and the reply builders that keep mentions opt-in.
 */
package dev.loop.core.discord;
