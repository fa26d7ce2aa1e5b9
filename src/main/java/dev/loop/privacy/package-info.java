/**
 * Privacy: {@code /privacy show} lets a member see, only for them, what Loop holds about them (the issues they asked
 * for, the transcript lines and details they wrote, the notices they received), paged within Discord's limits, with
 * an Erase my data button; {@code /privacy erase user} lets an engineer do the same for someone on their request.
 * The issue tables are read and erased through the kernel ({@link dev.loop.issue.MemberData}); the rows triage keeps
 * per person are reached through the {@link dev.loop.issue.PersonErased} port wired in {@code dev.loop.app}; the
 * notices are read (never written) from the release outbox tables.
 *
 * <p>May import: {@code dev.loop.issue}, {@code core}, JDA and the generated {@code dev.loop.db} classes of the
 * notice and release tables (read only). Never another feature.
 */
package dev.loop.privacy;
