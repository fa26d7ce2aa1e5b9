package dev.loop.issue;

import java.time.Instant;

/** A distinct person who asked for an issue, with how and where they were added. */
public record Requester(
        long id, int issueNumber, int originIssue, long userId, How how, Long placeId, long addedBy, Instant addedAt) {

    /** Whether Loop tells this requester on Discord (not a GitHub account, not an erased person). */
    public boolean toldOnDiscord() {
        return how != How.GITHUB && how != How.ERASED;
    }

    public enum How {
        AUTHOR("author"),
        MESSAGE_AUTHOR("message_author"),
        LINK("link"),
        ME_TOO("me_too"),
        BLOCKS_ME("blocks_me"),
        REACTION("reaction"),
        HINT("hint"),
        MANUAL("manual"),
        /** A GitHub account that 👍'd or commented on the linked GitHub issue; its user id is negative. */
        GITHUB("github"),
        /** A person who erased their data: still counted, never told, shown as {@link ErasedPeople#NAME}. */
        ERASED("erased");

        private final String code;

        How(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static How fromCode(String code) {
            for (How h : values()) if (h.code.equals(code)) return h;
            throw new IllegalArgumentException("unknown requester origin " + code);
        }
    }
}
