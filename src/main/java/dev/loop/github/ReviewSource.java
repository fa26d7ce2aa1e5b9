package dev.loop.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the GitHub sync learns which releases want their docs and copy review as a GitHub issue
 * (wired by the composition root to the release feature's store, which decides it at publish), and hands back which
 * of its boxes people ticked there (the release feature records them, as it records a Reviewed press).
 */
public interface ReviewSource {

    /** The releases published with their review on GitHub, oldest first. */
    List<Long> releases();

    /** What one such release asks to review. */
    Optional<Review> review(long releaseId);

    /**
     * Records what the review issue shows: which items are ticked on GitHub (seen at {@code seenAt}); an item
     * unticked there is not reviewed any more.
     */
    void ticked(long releaseId, List<Tick> ticks, java.time.Instant seenAt);

    /** One checkbox of the review issue: the announcement's ({@code issueNumber} null) or a flagged issue's. */
    record Tick(Integer issueNumber, boolean ticked) {}

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
