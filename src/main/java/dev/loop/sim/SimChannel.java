package dev.loop.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import net.dv8tion.jda.api.Permission;

/**
 * A channel as its members see it: text channel, forum, thread or forum post, or a DM. Reads are live; moderator
 * actions ({@link #archive()}, {@link #lock()}, ...) are performed by the system and reach the bot as events.
 */
public final class SimChannel {
    /** Channel kinds, with Discord's type numbers. */
    public enum Kind {
        TEXT(0),
        DM(1),
        VOICE(2),
        CATEGORY(4),
        ANNOUNCEMENT(5),
        ANNOUNCEMENT_THREAD(10),
        PUBLIC_THREAD(11),
        PRIVATE_THREAD(12),
        FORUM(15),
        MEDIA(16);

        final int type;

        Kind(int type) {
            this.type = type;
        }

        static Kind of(int type) {
            for (Kind k : values()) {
                if (k.type == type) {
                    return k;
                }
            }
            throw new IllegalArgumentException("channel type " + type);
        }
    }

    private final Sim sim;
    private final World world;
    final ChannelState state;

    SimChannel(Sim sim, World world, ChannelState state) {
        this.sim = sim;
        this.world = world;
        this.state = state;
    }

    public long id() {
        return state.id;
    }

    public String name() {
        return state.name;
    }

    public Kind kind() {
        return Kind.of(state.type);
    }

    public boolean isThread() {
        return state.isThread();
    }

    /** {@code <#id>} */
    public String mention() {
        return "<#" + state.id + ">";
    }

    /** Discord's jump link, as bots store it. */
    public String jumpUrl() {
        return "https://discord.com/channels/" + (state.guild == null ? "@me" : state.guild.id) + "/" + state.id;
    }

    public SimGuild guild() {
        return state.guild == null ? null : new SimGuild(sim, world, state.guild);
    }

    /** The parent channel (forum or text channel) of a thread, the category of a channel, or null. */
    public SimChannel parent() {
        return state.parentId == 0 ? null : sim.wrap(world.channels.get(state.parentId));
    }

    public boolean deleted() {
        return state.deleted;
    }

    public boolean archived() {
        return state.archived;
    }

    public boolean locked() {
        return state.locked;
    }

    /** Id of the member who created the thread or post. */
    public long ownerId() {
        return state.ownerId;
    }

    /** Names of the forum tags applied to this post. */
    public List<String> appliedTags() {
        ChannelState forum = world.channels.get(state.parentId);
        List<String> out = new ArrayList<>();
        for (long id : state.appliedTags) {
            ChannelState.Tag t = forum == null ? null : forum.tag(id);
            out.add(t == null ? Long.toString(id) : t.name());
        }
        return out;
    }

    /** Names of this forum's available tags. */
    public List<String> availableTags() {
        return state.availableTags.stream().map(ChannelState.Tag::name).toList();
    }

    /** Id of a forum tag by name. */
    public long tagId(String name) {
        ChannelState.Tag t = state.tagByName(name);
        if (t == null) {
            throw new IllegalArgumentException("forum #" + state.name + " has no tag " + name);
        }
        return t.id();
    }

    /** Adds a forum tag if missing. */
    public SimChannel tag(String name) {
        return tag(name, false);
    }

    /** Adds a forum tag if missing; moderated tags can only be applied with MANAGE_THREADS. */
    public SimChannel tag(String name, boolean moderated) {
        world.run(() -> {
            if (state.tagByName(name) == null) {
                world.channelRules.addTag(state, name, moderated, null);
            }
        });
        return this;
    }

    /** Sets the forum's REQUIRE_TAG flag. */
    public SimChannel requireTag(boolean required) {
        world.run(() -> {
            state.flags = required
                    ? state.flags | ChannelState.FLAG_REQUIRE_TAG
                    : state.flags & ~ChannelState.FLAG_REQUIRE_TAG;
            world.channelRules.channelUpdated(state);
        });
        return this;
    }

    /** Visible messages, oldest first (no ephemerals, no deleted ones). */
    public List<SimMessage> messages() {
        List<SimMessage> out = new ArrayList<>();
        for (MessageState m : state.messages.values()) {
            if (!m.deleted) {
                out.add(new SimMessage(sim, world, m));
            }
        }
        return out;
    }

    public SimMessage lastMessage() {
        var e = state.messages.lastEntry();
        return e == null ? null : new SimMessage(sim, world, e.getValue());
    }

    /** For a forum post: its starter message (same id as the post). */
    public SimMessage starterMessage() {
        MessageState m = state.messages.get(state.id);
        return m == null ? null : new SimMessage(sim, world, m);
    }

    /** Waits for a message here (already present or yet to come) matching {@code predicate}; oldest match wins. */
    public SimMessage awaitMessage(Predicate<SimMessage> predicate) {
        return world.await(
                "a message in " + this + " matching the predicate",
                () -> {
                    for (MessageState m : state.messages.values()) {
                        if (!m.deleted) {
                            SimMessage sm = new SimMessage(sim, world, m);
                            if (predicate.test(sm)) {
                                return sm;
                            }
                        }
                    }
                    return null;
                },
                sim.timeout());
    }

    /** Waits for a message from the bot here whose content contains {@code text}. */
    public SimMessage awaitBotMessage(String text) {
        return awaitMessage(m -> m.fromBot() && m.content().contains(text));
    }

    /** Threads and posts whose parent is this channel, oldest first. */
    public List<SimChannel> threads() {
        List<SimChannel> out = new ArrayList<>();
        if (state.guild == null) {
            return out;
        }
        world.run(() -> {
            for (ChannelState c : state.guild.channels.values()) {
                if (c.isThread() && !c.deleted && c.parentId == state.id) {
                    out.add(sim.wrap(c));
                }
            }
        });
        return out;
    }

    /** Waits until this thread is archived (or unarchived) — e.g. after the bot closes it. */
    public void awaitArchived(boolean archived) {
        world.await(
                this + " archived=" + archived, () -> state.archived == archived ? Boolean.TRUE : null, sim.timeout());
    }

    public SimChannel archive() {
        return moderate(() -> world.channelRules.archive(state, true));
    }

    public SimChannel unarchive() {
        return moderate(() -> world.channelRules.archive(state, false));
    }

    public SimChannel lock() {
        return moderate(() -> state.locked = true);
    }

    public SimChannel unlock() {
        return moderate(() -> state.locked = false);
    }

    public SimChannel rename(String name) {
        return moderate(() -> state.name = name);
    }

    /** Replaces a forum post's tags, by name. */
    public SimChannel setTags(String... tagNames) {
        ChannelState forum = world.channels.get(state.parentId);
        long[] ids = Arrays.stream(tagNames)
                .mapToLong(n -> {
                    ChannelState.Tag t = forum == null ? null : forum.tagByName(n);
                    if (t == null) {
                        throw new IllegalArgumentException("no tag " + n);
                    }
                    return t.id();
                })
                .toArray();
        return moderate(() -> state.appliedTags = ids);
    }

    public void delete() {
        world.run(() -> world.channelRules.deleteChannel(state));
    }

    /** Sets a permission overwrite for a role on this channel (threads use their parent's). */
    public SimChannel overwrite(SimRole role, long allow, long deny) {
        return setOverwrite(role.state.id, 0, allow, deny);
    }

    /** Sets a permission overwrite for a member on this channel. */
    public SimChannel overwrite(SimMember member, long allow, long deny) {
        return setOverwrite(member.state.user.id, 1, allow, deny);
    }

    /** Denies permissions to a role here, e.g. {@code deny(guild.botRole(), Permission.VIEW_CHANNEL)}. */
    public SimChannel deny(SimRole role, Permission... permissions) {
        return overwrite(role, 0, Permission.getRaw(permissions));
    }

    public SimChannel deny(SimMember member, Permission... permissions) {
        return overwrite(member, 0, Permission.getRaw(permissions));
    }

    private SimChannel setOverwrite(long id, int type, long allow, long deny) {
        return moderate(() -> {
            state.overwrites.removeIf(o -> o.id() == id);
            if (allow != 0 || deny != 0) {
                state.overwrites.add(new ChannelState.Overwrite(id, type, allow, deny));
            }
        });
    }

    private SimChannel moderate(Runnable change) {
        world.run(() -> {
            change.run();
            world.channelRules.channelUpdated(state);
        });
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimChannel c && c.state.id == state.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state.id);
    }

    @Override
    public String toString() {
        return state.isDm()
                ? "DM with " + (state.recipient == null ? "?" : state.recipient.username)
                : "#" + state.name;
    }
}
