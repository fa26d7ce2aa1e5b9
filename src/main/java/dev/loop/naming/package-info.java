/**
 * Naming votes: {@code /name proposal why alternative1 like1 alternative2 like2 [issue]} posts a native Discord poll
 * in the team channel with the three reasons, and the result is posted there when it closes (on Discord's
 * poll-finalized update, or by a routine that checks polls past their closing time). **Suggest another**
 * ({@link dev.loop.naming.NameSuggestions}) adds a name with why as a reply to the poll while it is open; its 👍
 * reactions count in the result. A vote tied to an issue records the winner in the history through
 * {@link dev.loop.issue.IssueStore#recordNamingVote}.
 *
 * <p>May import: {@code issue}, {@code core}, JDA. Never another feature.
 */
package dev.loop.naming;
