/**
 * Releases. {@link dev.loop.release.ReleaseFeature} wires the commands: /release ({@code ReleaseCommand}: pick
 * issues, write notes and a snippet, preview, Publish) and /release-status ({@code PublishedReleases}, which shows
 * the docs/copy review item by item, ticked on GitHub or pressed in Discord); {@link dev.loop.release.ReleaseStore}
 * publishes in one transaction ({@code PublishTransaction}: issues shipped, release row, notice outbox, review
 * checklist) and records every delivery outcome; the
 * {@link dev.loop.release.NoticeWorker} delivers from the outbox through a {@link dev.loop.release.Courier}, exactly
 * once across restarts ({@code EarlierSends} looks for a message a stopped process sent but did not record), and
 * keeps one team-channel message counting the requesters told
 * ({@link dev.loop.release.PublishProgress}, its edits coalesced to stay clear of Discord's edit limit). The rules are pure: who is told what ({@link dev.loop.release.NoticePlan}), deterministic
 * nonces ({@link dev.loop.release.Nonces}), what to do when a notice can't go where planned
 * ({@link dev.loop.release.Fallback}), what may be released ({@link dev.loop.release.ReleaseRules}) and the
 * announcement text ({@link dev.loop.release.Announcement}). {@code ReleaseOffers} (the one writer of
 * {@code release_offer}) posts the previews of releases offered from outside /release (GitHub) with Publish, Edit
 * ({@code OfferEditing}) and Cancel, or publishes them at once with {@code github.auto-publish}; with GitHub
 * configured a release's docs/copy review is marked for GitHub at publish and the team-channel checklist is skipped.
 *
 * <p>May import: {@code dev.loop.issue} (shipping an issue goes through its store), {@code core}, JDA. Never another
 * feature.
 */
package dev.loop.release;
