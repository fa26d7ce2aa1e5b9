/**
 * The kernel every feature builds on: the issue record and its vocabulary (issues, kind, status, priority, places,
 * requesters, transcript, history), its storage (the only writer of the issue tables; {@link
 * dev.loop.issue.IssueLookup} is the one way a handler reads the issue a control names, with the one sentence for an
 * issue that is gone), the shared rules about an issue (the automatic bump {@link dev.loop.issue.Bump}, the timeline
 * notice {@link dev.loop.issue.TimelineNotice}, what timeline news reaches whom {@link dev.loop.issue.TimelineNews},
 * told by {@code TimelineTelling} from what each requester heard), the ports {@link dev.loop.issue.IssueCaptured}
 * (capture tells triage) and {@link dev.loop.issue.ThreadTaken} (a conversation was captured or linked: watch closes
 * its hints and counts the response), the captures nobody has triaged yet ({@link dev.loop.issue.UntriagedCaptures},
 * where triage looks at start for a prompt a capture still owes), and the sub-packages {@code search} and
 * {@code merge}.
 *
 * <p>May import: {@code core}, JDA (for the issue commands and cards) and the generated {@code dev.loop.db} classes.
 * Never a feature.
 */
package dev.loop.issue;
