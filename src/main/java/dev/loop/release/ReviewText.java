package dev.loop.release;

import dev.loop.core.text.Safe;

/**
 * The text of one docs/copy review checklist message in the team channel, before and after someone pressed
 * <b>Reviewed</b>.
 */
public final class ReviewText {

    public static final String BUTTON = "Reviewed";
    static final int TITLE_LIMIT = 150;

    private ReviewText() {}

    public static String render(String version, ReviewItem item, String announcementUrl) {
        String v = Safe.inline(version, ReleaseRules.MAX_VERSION);
        String what = item.isAnnouncement()
                ? "📝 **Docs and copy review for " + v + "**: the announcement text"
                        + (announcementUrl == null ? "" : " " + announcementUrl)
                : "📝 **" + v + "** docs/copy: **#" + item.issueNumber() + "** "
                        + Safe.inline(item.issueTitle() == null ? "" : item.issueTitle(), TITLE_LIMIT)
                        + " needs docs or copy changes";
        String state = item.reviewed()
                ? "✅ Reviewed" + (item.reviewedBy() == null ? " on GitHub" : " by <@" + item.reviewedBy() + ">")
                        + " <t:" + item.reviewedAt().getEpochSecond() + ":f>"
                : "⬜ Not reviewed yet";
        return what + "\n" + state;
    }
}
