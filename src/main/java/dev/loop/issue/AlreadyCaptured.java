package dev.loop.issue;

/**
 * A capture of a source (support thread or message) that already became an issue: the second capture was rolled
 * back whole. Raised by the database's unique key on the source, so two captures arriving at once cannot both win.
 */
public final class AlreadyCaptured extends RuntimeException {

    private final int issueNumber;

    AlreadyCaptured(String source, int issueNumber) {
        super(source + " was already captured as #" + issueNumber);
        this.issueNumber = issueNumber;
    }

    /** The issue made from the source first (it may since have been merged into another). */
    public int issueNumber() {
        return issueNumber;
    }
}
