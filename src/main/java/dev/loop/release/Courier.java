package dev.loop.release;

import java.util.List;
import java.util.Objects;

/**
 * What the delivery worker needs from Discord, and nothing more: post a message with a nonce, DM a person, look at
 * and unarchive a thread, tag a forum post. The worker holds the rules; an implementation only talks to Discord and
 * reports failures as {@link SendFailure}s. Calls block until Discord answered (rate limits included).
 */
public interface Courier {

    /** A message to post. {@code mentions} are the only users it may ping; {@code actions} become buttons. */
    record Outgoing(String content, List<Long> mentions, String nonce, List<Action> actions) {
        public Outgoing {
            Objects.requireNonNull(content, "content");
            mentions = List.copyOf(mentions);
            actions = List.copyOf(actions);
        }

        public static Outgoing of(String content, List<Long> mentions, String nonce) {
            return new Outgoing(content, mentions, nonce, List.of());
        }
    }

    /** A button: its custom id and label. */
    record Action(String customId, String label) {}

    /** Where a message ended up. */
    record Posted(long channelId, long messageId) {}

    /** Posts in a guild channel or thread. */
    Posted post(long channelId, Outgoing message) throws SendFailure;

    /** Opens the person's DM channel and posts there. */
    Posted postDm(long userId, Outgoing message) throws SendFailure;

    /**
     * Loop's own message among the newest of the channel ({@code dm}: the person {@code channelOrUserId}'s DM) that is
     * {@code message} — the same text and, when it has buttons, the same first button — if it was already sent: what
     * a restart looks for before sending again, when a crash may have fallen between sending and recording and
     * Discord's nonce window has passed. Empty when none is there (or the channel can't be read).
     */
    default java.util.Optional<Posted> findSent(long channelOrUserId, boolean dm, Outgoing message) {
        return java.util.Optional.empty();
    }

    /**
     * Replaces the text of Loop's own message (pinging no one). The default does nothing, for couriers that only
     * deliver.
     */
    default void edit(long channelId, long messageId, String content) throws SendFailure {}

    /** The thread as it is now: deleted, archived, locked. */
    Fallback.ThreadCondition thread(long threadId) throws SendFailure;

    /** Unarchives a thread (only an unlocked one can be). */
    void unarchive(long threadId) throws SendFailure;

    /**
     * Adds the forum tag named {@code tag} to a forum post unless it has it, replacing {@code replaces} when given
     * (shipped supersedes tracked) and never going over Discord's five tags. Best effort: a post that isn't in a
     * forum, a forum without that tag or a locked post is left alone.
     */
    void tag(long threadId, String tag, String replaces) throws SendFailure;

    /** The link to a message. */
    String jumpUrl(long channelId, long messageId);
}
