package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A stored message. Mutable fields are written under the world lock and read freely by test handles. */
final class MessageState {
    static final int FLAG_SUPPRESS_EMBEDS = 1 << 2;
    static final int FLAG_HAS_THREAD = 1 << 5;
    static final int FLAG_EPHEMERAL = 1 << 6;
    static final int FLAG_LOADING = 1 << 7;
    static final int FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12;
    static final int FLAG_IS_VOICE_MESSAGE = 1 << 13;
    static final int FLAG_IS_COMPONENTS_V2 = 1 << 15;

    static final int TYPE_DEFAULT = 0;
    static final int TYPE_THREAD_CREATED = 18;
    static final int TYPE_REPLY = 19;
    static final int TYPE_CHAT_INPUT_COMMAND = 20;
    static final int TYPE_THREAD_STARTER = 21;
    static final int TYPE_CONTEXT_MENU_COMMAND = 23;
    static final int TYPE_POLL_RESULT = 46;

    /** One emoji's reactions: the emoji JSON as Discord echoes it, and who reacted, in order. */
    static final class Reaction {
        final JsonNode emoji;
        final Set<Long> users = new LinkedHashSet<>();

        Reaction(JsonNode emoji) {
            this.emoji = emoji;
        }
    }

    /** Who a message actually pinged, after allowed_mentions and permissions. */
    record Pings(Set<Long> users, Set<Long> roles, boolean everyone) {
        static final Pings NONE = new Pings(Set.of(), Set.of(), false);

        boolean any() {
            return everyone || !users.isEmpty() || !roles.isEmpty();
        }
    }

    final long id;
    final ChannelState channel;
    final UserState author;
    final int type;
    final long createdMs;
    volatile String content = "";
    volatile ArrayNode embeds = Json.arr();
    volatile ArrayNode components = Json.arr();
    volatile List<AttachmentState> attachments = List.of();
    volatile int flags;
    volatile boolean tts;
    volatile long editedMs;
    volatile boolean pinned;
    volatile boolean deleted;
    volatile Pings pings = Pings.NONE;
    volatile JsonNode nonce;
    volatile JsonNode messageReference;
    volatile long referencedMessageId;
    volatile PollState poll;
    /** Non-null for a type-46 poll result message. */
    volatile JsonNode pollResultEmbed;

    final Map<String, Reaction> reactions = new LinkedHashMap<>();
    /** Set for interaction responses and follow-ups: the interaction that produced this message. */
    volatile InteractionState interaction;
    /** User who alone can see this message (ephemeral), or 0. */
    volatile long ephemeralTo;
    /** Thread started from this message, or 0. */
    volatile long threadId;
    /** Incremented on every edit, so waits can tell "changed since" from "still the same". */
    volatile int version;

    MessageState(long id, ChannelState channel, UserState author, int type, long createdMs) {
        this.id = id;
        this.channel = channel;
        this.author = author;
        this.type = type;
        this.createdMs = createdMs;
    }

    boolean isEphemeral() {
        return (flags & FLAG_EPHEMERAL) != 0;
    }

    boolean isLoading() {
        return (flags & FLAG_LOADING) != 0;
    }
}
