package dev.loop.capture;

import dev.loop.issue.IssueKind;

/**
 * What the capture modal collected, and where from: a whole thread ({@code messageId} null) or one message.
 */
record CaptureDraft(
        long engineerId,
        long guildId,
        long channelId,
        Long messageId,
        String title,
        IssueKind kind,
        String summary,
        boolean needsDocs) {}
