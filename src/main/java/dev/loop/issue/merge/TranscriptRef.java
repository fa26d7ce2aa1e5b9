package dev.loop.issue.merge;

/**
 * The parts of a transcript row that merge planning needs: which message it is and which issue it was first
 * captured into ({@code transcript_message.origin_issue}).
 */
public record TranscriptRef(long id, int issueNumber, int originIssue, long messageId) {}
