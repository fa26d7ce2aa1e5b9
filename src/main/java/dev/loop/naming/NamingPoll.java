package dev.loop.naming;

import java.time.Instant;

/** A naming vote as stored. {@code messageId} is null until the poll message is posted. */
public record NamingPoll(
        long id,
        long channelId,
        Long messageId,
        String proposal,
        String alternative1,
        String alternative2,
        String reason,
        long createdBy,
        Instant createdAt,
        Instant closesAt,
        Instant resultPostedAt,
        String result) {}
