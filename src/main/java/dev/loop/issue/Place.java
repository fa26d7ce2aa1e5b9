package dev.loop.issue;

import java.time.Instant;

/** A place an issue was brought up: a thread, a forum post, a single message, or (later) a GitHub issue. */
public record Place(
        long id,
        int issueNumber,
        int originIssue,
        PlaceKind kind,
        Long guildId,
        Long parentChannelId,
        Long channelId,
        Long messageId,
        Long cardMessageId,
        String url,
        String title,
        long addedBy,
        Instant addedAt) {

    public enum PlaceKind {
        THREAD("thread"),
        FORUM_POST("forum_post"),
        MESSAGE("message"),
        GITHUB("github");

        private final String code;

        PlaceKind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static PlaceKind fromCode(String code) {
            for (PlaceKind k : values()) if (k.code.equals(code)) return k;
            throw new IllegalArgumentException("unknown place kind " + code);
        }
    }
}
