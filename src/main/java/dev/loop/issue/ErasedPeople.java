package dev.loop.issue;

import java.security.SecureRandom;

/**
 * How a person who erased their data still counts: each of their requester entries gets an anonymous id of its own,
 * far below any GitHub account's (negative) id and any Discord id, drawn at random so it can't be traced back to
 * them. The entry still counts for the requester total, the KPIs and the automatic bump; nobody is told anything
 * through it, and every view shows it as {@link #NAME}.
 */
public final class ErasedPeople {

    /** What views show for an erased person. */
    public static final String NAME = "someone (data erased)";

    /** What an erased transcript line or detail reads: the place in the conversation stays, the words are gone. */
    public static final String ERASED_TEXT = "erased at the author's request";

    /** The author id an erased transcript line or history entry carries: one id for everyone erased. */
    public static final long ERASED_AUTHOR = -(1L << 62);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErasedPeople() {}

    /** True for the ids erasure writes (anonymous requesters and the erased author). */
    public static boolean isErased(long userId) {
        return userId <= ERASED_AUTHOR;
    }

    /** A fresh anonymous id, below {@link #ERASED_AUTHOR}. */
    public static long newAnonymousId() {
        return ERASED_AUTHOR - 1 - (RANDOM.nextLong() & ((1L << 61) - 1));
    }
}
