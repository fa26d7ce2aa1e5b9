package dev.loop.release;

import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;

/**
 * The custom ids of the release flow, in {@link dev.loop.core.discord.ComponentId}'s grammar. A draft is named by
 * its token; Publish and Cancel also carry the draft's revision, so a press on an older preview can't publish a
 * release whose issues or text changed after that preview was shown.
 */
final class ReleaseIds {

    static final String PICK = "relpick";
    static final String TEXT = "reltext";
    static final String PUBLISH = "relpublish";
    static final String CANCEL = "relcancel";
    static final String REVIEW = "relreview";
    static final String OFFER_PUBLISH = "reloffer";
    static final String OFFER_CANCEL = "reloffercancel";
    static final String OFFER_EDIT = "relofferedit";
    static final String OFFER_FORM = "reloffermodal";

    private static final String UNREADABLE = "That release control can't be read any more. Run /release again.";
    private static final String OLD_PREVIEW = "This preview is out of date: the release changed after it was shown. "
            + "Use the newest preview, or run /release again.";

    /** {@code relpick:<draft>}: the menu of issues a release ships. */
    static final Shape PICK_ID = Shape.of(PICK, UNREADABLE, Kind.TEXT);

    /** {@code reltext:<draft>}: the form for the notes and the snippet. */
    static final Shape TEXT_ID = Shape.of(TEXT, UNREADABLE, Kind.TEXT);

    /** {@code relpublish:<draft>:<revision>}. */
    static final Shape PUBLISH_ID =
            Shape.of(PUBLISH, UNREADABLE, Kind.TEXT, Kind.REVISION).stale(OLD_PREVIEW);

    /** {@code relcancel:<draft>:<revision>}. */
    static final Shape CANCEL_ID =
            Shape.of(CANCEL, UNREADABLE, Kind.TEXT, Kind.REVISION).stale(OLD_PREVIEW);

    /** {@code relreview:<item>}: Reviewed on a docs/copy review item. */
    static final Shape REVIEW_ID =
            Shape.of(REVIEW, "That review button is broken; use /release-status instead.", Kind.ID);

    private static final String OLD_OFFER = "This preview is out of date: the release was edited after it was shown. "
            + "Use the newest preview in this channel.";
    private static final String BROKEN_OFFER = "That release preview button can't be read; use the newest preview.";

    /** {@code reloffer:<offer>:<revision>}: Publish on a release preview offered from GitHub. */
    static final Shape OFFER_PUBLISH_ID =
            Shape.of(OFFER_PUBLISH, BROKEN_OFFER, Kind.ID, Kind.REVISION).stale(OLD_OFFER);

    /** {@code reloffercancel:<offer>:<revision>}. */
    static final Shape OFFER_CANCEL_ID =
            Shape.of(OFFER_CANCEL, BROKEN_OFFER, Kind.ID, Kind.REVISION).stale(OLD_OFFER);

    /** {@code relofferedit:<offer>:<revision>}: opens the form to change the offer before publishing. */
    static final Shape OFFER_EDIT_ID =
            Shape.of(OFFER_EDIT, BROKEN_OFFER, Kind.ID, Kind.REVISION).stale(OLD_OFFER);

    /** {@code reloffermodal:<offer>:<revision>}: the edit form; refused when someone else edited it meanwhile. */
    static final Shape OFFER_FORM_ID = Shape.of(OFFER_FORM, BROKEN_OFFER, Kind.ID, Kind.REVISION)
            .stale("Someone else edited this release while your form was open; press Edit again to see their "
                    + "changes. Nothing was changed.");

    private ReleaseIds() {}
}
