package dev.loop.naming;

import java.time.Instant;

/**
 * A naming vote as stored. {@code messageId} is null until the poll message is posted; {@code issueNumber} is the
 * issue whose history records the winner, when the vote was tied to one.
 */
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
        String result,
        String like1,
        String like2,
        Integer issueNumber) {

    /** A vote without the alternatives' reasons and not tied to an issue. */
    public NamingPoll(
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
            String result) {
        this(
                id,
                channelId,
                messageId,
                proposal,
                alternative1,
                alternative2,
                reason,
                createdBy,
                createdAt,
                closesAt,
                resultPostedAt,
                result,
                null,
                null,
                null);
    }

    /** The names offered in the poll itself, in order. */
    public java.util.List<String> names() {
        return java.util.List.of(proposal, alternative1, alternative2);
    }

    /** Still taking votes and suggestions at {@code now}. */
    public boolean openAt(Instant now) {
        return resultPostedAt == null && now.isBefore(closesAt);
    }
}
