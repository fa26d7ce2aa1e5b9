package dev.loop.issue;

import java.time.Instant;

/** A distinct person who asked for an issue, with how and where they were added. */
public record Requester(
        long id, int issueNumber, int originIssue, long userId, How how, Long placeId, long addedBy, Instant addedAt) {

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
        GITHUB("github");

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
