package dev.loop.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic message nonces. Sent with {@code enforce_nonce}, a retry after a crash that repeats a nonce gets the
 * first message back instead of posting twice, so the same (release, target, chunk) must always give the same nonce
 * and different ones must differ. Discord allows at most 25 characters.
 *
 * <p>Form: {@code r<release>} + a kind letter + {@code <target>} [+ {@code c<chunk>}], numbers in base 36
 * (snowflakes read as unsigned). With realistic release ids this is at most 24 characters; should it ever be longer
 * it is replaced by {@code h} + 24 base-36 digits of a SHA-256 of the readable form.
 */
public final class Nonces {

    /** Discord's limit on a nonce string. */
    public static final int MAX_LENGTH = 25;

    private Nonces() {}

    /** The release announcement in the releases channel. */
    public static String announcement(long releaseId) {
        return fit("r" + b36(releaseId) + "a");
    }

    /** Chunk {@code chunk} of the notice in a source thread. */
    public static String thread(long releaseId, long threadId, int chunk) {
        return fit("r" + b36(releaseId) + "t" + b36(threadId) + "c" + Integer.toString(chunk, 36));
    }

    /** The DM to one person. */
    public static String dm(long releaseId, long userId) {
        return fit("r" + b36(releaseId) + "d" + b36(userId));
    }

    /** A single-person mention in a thread after that person's DM was refused. */
    public static String threadFallback(long releaseId, long userId) {
        return fit("r" + b36(releaseId) + "x" + b36(userId));
    }

    /** The DM sent instead of a thread mention when thread {@code threadId} was deleted or locked. */
    public static String dmFallback(long releaseId, long userId, long threadId) {
        return fit("r" + b36(releaseId) + "y" + b36(userId) + "t" + b36(threadId));
    }

    /** The team channel's message showing how far a release's notices have come. */
    public static String progress(long releaseId) {
        return fit("r" + b36(releaseId) + "p");
    }

    /** The docs/copy review list item for an issue (0 for the announcement text itself). */
    public static String review(long releaseId, int issueNumber) {
        return fit("r" + b36(releaseId) + "v" + Integer.toString(issueNumber, 36));
    }

    /** The release preview of offer {@code offerId} in the team channel. */
    public static String offer(long offerId) {
        return fit("o" + b36(offerId) + "p");
    }

    /** A release published without a press (github.auto-publish): the team channel's note of it. */
    public static String autoPublished(long offerId) {
        return fit("o" + b36(offerId) + "a");
    }

    private static String b36(long value) {
        return Long.toUnsignedString(value, 36);
    }

    static String fit(String readable) {
        if (readable.length() <= MAX_LENGTH) return readable;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(readable.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("h");
            for (int i = 0; sb.length() < MAX_LENGTH; i += 8) {
                long word = 0;
                for (int j = 0; j < 8; j++) word = (word << 8) | (digest[i + j] & 0xff);
                sb.append(Long.toUnsignedString(word, 36));
            }
            return sb.substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
