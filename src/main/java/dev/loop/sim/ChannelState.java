package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Any channel: guild text/category/forum channels, threads and DMs. Mutations happen under the world lock. */
final class ChannelState {
    static final int GUILD_TEXT = 0;
    static final int DM = 1;
    static final int GUILD_VOICE = 2;
    static final int GUILD_CATEGORY = 4;
    static final int GUILD_ANNOUNCEMENT = 5;
    static final int ANNOUNCEMENT_THREAD = 10;
    static final int PUBLIC_THREAD = 11;
    static final int PRIVATE_THREAD = 12;
    static final int GUILD_FORUM = 15;
    static final int GUILD_MEDIA = 16;

    static final int FLAG_PINNED = 1 << 1;
    static final int FLAG_REQUIRE_TAG = 1 << 4;

    record Overwrite(long id, int type, long allow, long deny) {}

    record Tag(long id, String name, boolean moderated, String emojiName) {}

    final long id;
    final int type;
    final GuildState guild; // null for DMs
    volatile String name;
    volatile int position;
    volatile long parentId;
    volatile String topic;
    volatile int flags;
    volatile int rateLimitPerUser;
    final List<Overwrite> overwrites = new CopyOnWriteArrayList<>();
    final List<Tag> availableTags = new CopyOnWriteArrayList<>();

    // Thread state.
    volatile long ownerId;
    volatile boolean archived;
    volatile boolean locked;
    volatile boolean invitable = true;
    volatile int autoArchiveMinutes = 1440;
    volatile long archiveTimestampMs;
    volatile long createTimestampMs;
    volatile long[] appliedTags = new long[0];
    final Set<Long> threadMembers = ConcurrentHashMap.newKeySet();
    volatile int messageCount;
    volatile int totalMessageSent;

    // DM state.
    volatile UserState recipient;

    volatile long lastMessageId;
    volatile boolean deleted;
    /** Every non-ephemeral message, ordered by id, which is also creation order. */
    final ConcurrentSkipListMap<Long, MessageState> messages = new ConcurrentSkipListMap<>();

    ChannelState(long id, int type, GuildState guild, String name) {
        this.id = id;
        this.type = type;
        this.guild = guild;
        this.name = name;
    }

    boolean isThread() {
        return type == PUBLIC_THREAD || type == PRIVATE_THREAD || type == ANNOUNCEMENT_THREAD;
    }

    boolean isForum() {
        return type == GUILD_FORUM || type == GUILD_MEDIA;
    }

    boolean isDm() {
        return type == DM;
    }

    /** Channels a message can be posted in directly. */
    boolean isMessageable() {
        return type == GUILD_TEXT || type == DM || type == GUILD_ANNOUNCEMENT || type == GUILD_VOICE || isThread();
    }

    Tag tag(long tagId) {
        for (Tag t : availableTags) {
            if (t.id() == tagId) {
                return t;
            }
        }
        return null;
    }

    Tag tagByName(String tagName) {
        for (Tag t : availableTags) {
            if (t.name().equalsIgnoreCase(tagName)) {
                return t;
            }
        }
        return null;
    }

    static ArrayNode ids(long[] ids) {
        ArrayNode a = Json.arr();
        for (long id : ids) {
            a.add(Json.str(id));
        }
        return a;
    }
}
