/**
 * Watching the support channels: every thread and forum post opened there is recorded with the time of the first
 * engineer reply ({@link dev.loop.watch.SupportWatcher}, cheap per message thanks to an in-memory answered/unanswered
 * cache), {@code /inbox} lists what nobody on the team has answered yet and the promises past due, and a new post that
 * resembles an open issue gets a "looks like #N" hint in the team channel with Link / Ignore buttons. A post captured
 * or linked by any route (the {@link dev.loop.issue.ThreadTaken} port) closes its hints and counts as answered by
 * that engineer; archived and deleted threads leave the inbox. Threads waiting longer than {@code watch.nudge-after}
 * are listed in one team-channel message Loop keeps edited, and their area's owner gets one DM per thread
 * ({@link dev.loop.watch.Nudges}, the one writer of {@code nudge_board} and {@code nudge_dm}).
 *
 * <p>May import: {@code dev.loop.issue} (records, search), {@code core}, JDA. Never another feature: linking a thread
 * goes through the {@link dev.loop.watch.PostLinker} port, wired to capture in {@code dev.loop.app}.
 */
package dev.loop.watch;
