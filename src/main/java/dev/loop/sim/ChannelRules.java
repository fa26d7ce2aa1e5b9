package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/**
 * Channels, threads (including forum posts and their tags) and DMs: creating, updating, archiving and deleting
 * them, and Discord's checks on who may post or act in one.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class ChannelRules {
    private final World world;

    ChannelRules(World world) {
        this.world = world;
    }

    ChannelState createChannel(GuildState g, int type, String name, long parentId) {
        ChannelState c = new ChannelState(world.ids.next(), type, g, name);
        c.parentId = parentId;
        int position = 0;
        for (ChannelState other : g.channels.values()) {
            if (!other.isThread() && other.type == type) {
                position++;
            }
        }
        c.position = position;
        g.channels.put(c.id, c);
        world.channels.put(c.id, c);
        world.dispatch("CHANNEL_CREATE", Intents.GUILDS, world.views.channel(c), null);
        return c;
    }

    ChannelState.Tag addTag(ChannelState forum, String name, boolean moderated, String emoji) {
        ChannelState.Tag t = new ChannelState.Tag(world.ids.next(), name, moderated, emoji);
        forum.availableTags.add(t);
        channelUpdated(forum);
        return t;
    }

    void channelUpdated(ChannelState c) {
        if (c.isThread()) {
            if (world.botCanView(c)) {
                world.dispatch("THREAD_UPDATE", Intents.GUILDS, world.views.channel(c), null);
            }
        } else if (c.guild != null) {
            world.dispatch("CHANNEL_UPDATE", Intents.GUILDS, world.views.channel(c), null);
        }
    }

    void deleteChannel(ChannelState c) {
        if (c.deleted) {
            return;
        }
        boolean visible = world.botCanView(c);
        c.deleted = true;
        if (c.isThread()) {
            if (visible) {
                ObjectNode d = Json.obj();
                d.put("id", Json.str(c.id));
                d.put("guild_id", Json.str(c.guild.id));
                d.put("parent_id", Json.str(c.parentId));
                d.put("type", c.type);
                world.dispatch("THREAD_DELETE", Intents.GUILDS, d, null);
            }
        } else {
            world.dispatch("CHANNEL_DELETE", Intents.GUILDS, world.views.channel(c), null);
            for (ChannelState t : new ArrayList<>(c.guild.channels.values())) {
                if (t.isThread() && t.parentId == c.id) {
                    t.deleted = true;
                }
            }
        }
    }

    /** A live channel by id, or null when unknown or deleted. */
    ChannelState channel(long id) {
        ChannelState c = world.channels.get(id);
        return c == null || c.deleted ? null : c;
    }

    /**
     * Creates a thread. {@code from} is the message it starts from (its id becomes the thread id), or null.
     * {@code forcedId} lets forum posts share the id of their starter message.
     */
    ChannelState createThread(
            ChannelState parent,
            UserState owner,
            String name,
            int type,
            MessageState from,
            long[] tags,
            int autoArchiveMinutes,
            long forcedId) {
        long id = from != null ? from.id : forcedId != 0 ? forcedId : world.ids.next();
        ChannelState t = new ChannelState(id, type, parent.guild, name);
        long now = world.now();
        t.parentId = parent.id;
        t.ownerId = owner.id;
        t.createTimestampMs = now;
        t.archiveTimestampMs = now;
        t.autoArchiveMinutes = autoArchiveMinutes;
        t.appliedTags = tags == null ? new long[0] : tags;
        t.threadMembers.add(owner.id);
        parent.guild.channels.put(t.id, t);
        world.channels.put(t.id, t);
        if (parent.isForum()) {
            parent.lastMessageId = t.id;
        }
        if (world.botCanView(t)) {
            ObjectNode d = world.views.channel(t);
            d.put("newly_created", true);
            if (owner == world.bot) {
                ObjectNode member = d.putObject("member");
                member.put("id", Json.str(t.id));
                member.put("user_id", Json.str(world.bot.id));
                member.put("join_timestamp", Json.iso(now));
                member.put("flags", 0);
            }
            world.dispatch("THREAD_CREATE", Intents.GUILDS, d, null);
        }
        if (from != null) {
            from.threadId = t.id;
            from.flags |= MessageState.FLAG_HAS_THREAD;
            world.messageRules.messageUpdated(from);
        }
        return t;
    }

    void archive(ChannelState t, boolean archived) {
        if (t.archived != archived) {
            t.archived = archived;
            t.archiveTimestampMs = world.now();
        }
    }

    ChannelState openDm(UserState u) {
        ChannelState dm = u.dmChannel;
        if (dm == null) {
            dm = new ChannelState(world.ids.next(), ChannelState.DM, null, null);
            dm.recipient = u;
            world.channels.put(dm.id, dm);
            u.dmChannel = dm;
        }
        return dm;
    }

    /**
     * The rules for posting into a channel, shared by the bot (REST) and simulated members: existence, channel
     * type, VIEW_CHANNEL (50001) vs the send permission (50013), and archived/locked threads.
     */
    void checkCanPost(ChannelState c, MemberState sender, MessageSpec spec) {
        if (c == null || c.deleted) {
            throw ApiError.unknownChannel();
        }
        if (!c.isMessageable()) {
            throw ApiError.nonTextChannel();
        }
        if (c.guild == null) {
            return;
        }
        long perms = Perms.in(c, sender);
        if (!Perms.has(perms, Perms.VIEW_CHANNEL)) {
            throw ApiError.missingAccess();
        }
        if (!Perms.has(perms, Perms.sendPermission(c))) {
            throw ApiError.missingPermissions();
        }
        if (spec != null) {
            if (!spec.uploads.isEmpty() && !Perms.has(perms, Perms.ATTACH_FILES)) {
                throw ApiError.missingPermissions();
            }
            if (spec.tts && !Perms.has(perms, Perms.SEND_TTS_MESSAGES)) {
                throw ApiError.missingPermissions();
            }
            if (spec.poll != null && !Perms.has(perms, Perms.SEND_POLLS)) {
                throw ApiError.missingPermissions();
            }
            if (spec.messageReference != null && !Perms.has(perms, Perms.READ_MESSAGE_HISTORY)) {
                throw ApiError.of(403, 160002, "Cannot reply without permission to read message history");
            }
        }
        if (c.isThread()) {
            if (c.locked && c.archived) {
                throw ApiError.threadArchived();
            }
            if (c.locked && !Perms.has(perms, Perms.MANAGE_THREADS)) {
                throw ApiError.threadLocked();
            }
        }
    }

    /** Archived threads refuse edits and reactions; locked ones refuse them to non-moderators. */
    void checkThreadActive(ChannelState c, MemberState actor) {
        if (!c.isThread()) {
            return;
        }
        if (c.archived) {
            throw ApiError.threadArchived();
        }
        if (c.locked && actor != null && !Perms.has(Perms.in(c, actor), Perms.MANAGE_THREADS)) {
            throw ApiError.threadLocked();
        }
    }
}
