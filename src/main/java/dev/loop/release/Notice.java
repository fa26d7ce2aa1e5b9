package dev.loop.release;

import java.util.List;

/**
 * One message to send for a release notice. Every message carries its own deterministic nonce; the outbox rows of
 * the people it reaches share that nonce.
 */
public sealed interface Notice permits Notice.ThreadNotice, Notice.DmNotice {

    String content();

    String nonce();

    /** The people this message tells (and, for a thread message, mentions). */
    List<Long> userIds();

    /** The issues it lists. */
    List<Integer> issueNumbers();

    Route route();

    /**
     * A reply in a source thread mentioning {@code userIds}; {@code allowed_mentions} must list exactly those users.
     * A thread's requesters may need several chunks; each chunk repeats the issue list so it stands on its own.
     */
    record ThreadNotice(
            long threadId,
            int chunk,
            int chunkCount,
            List<Long> userIds,
            List<Integer> issueNumbers,
            String content,
            String nonce)
            implements Notice {
        public ThreadNotice {
            userIds = List.copyOf(userIds);
            issueNumbers = List.copyOf(issueNumbers);
        }

        @Override
        public Route route() {
            return Route.THREAD;
        }
    }

    /** A direct message to one person listing all of their issues that this notice covers. */
    record DmNotice(long userId, List<Integer> issueNumbers, String content, String nonce) implements Notice {
        public DmNotice {
            issueNumbers = List.copyOf(issueNumbers);
        }

        @Override
        public List<Long> userIds() {
            return List.of(userId);
        }

        @Override
        public Route route() {
            return Route.DM;
        }
    }
}
