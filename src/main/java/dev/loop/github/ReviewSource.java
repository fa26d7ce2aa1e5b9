package dev.loop.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the GitHub sync learns which releases want their docs and copy review as a GitHub issue
 * (wired by the composition root to the release feature's store, which decides it at publish).
 */
public interface ReviewSource {

    /** The releases published with their review on GitHub, oldest first. */
    List<Long> releases();

    /** What one such release asks to review. */
    Optional<Review> review(long releaseId);

    /**
     * A release's review: its version, the announcement's address once posted (null before), when it was published,
     * and the Loop issues flagged "needs docs or copy changes".
     */
    record Review(long releaseId, String version, String announcementUrl, Instant publishedAt, List<Integer> issues) {
        public Review {
            issues = List.copyOf(issues);
        }
    }
}
