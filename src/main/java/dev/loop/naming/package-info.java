/**
 * Naming votes: {@code /name proposal alternative1 alternative2 [reason]} posts a native Discord poll in the team
 * channel, and the result is posted there when it closes (on Discord's poll-finalized update, or by a routine that
 * checks polls past their closing time).
 *
 * <p>May import: {@code core}, JDA. Never another feature.
 */
package dev.loop.naming;
