package dev.loop.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A guild: members, roles and channels. Lookups by name create what is missing, so tests read like a story. */
public final class SimGuild {
    private final Sim sim;
    private final World world;
    final GuildState state;

    SimGuild(Sim sim, World world, GuildState state) {
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

    /** The member with this username, joining the guild (GUILD_MEMBER_ADD) if needed. */
    public SimMember member(String username) {
        return world.write(() -> new SimMember(sim, world, world.guildRules.addMember(state, username)));
    }

    public Optional<SimMember> findMember(String username) {
        MemberState m = state.membersByName.get(username);
        return m == null ? Optional.empty() : Optional.of(new SimMember(sim, world, m));
    }

    public SimMember member(long userId) {
        MemberState m = state.members.get(userId);
        if (m == null) {
            throw new IllegalArgumentException("no member " + userId + " in " + state.name);
        }
        return new SimMember(sim, world, m);
    }

    /** Adds {@code count} members named {@code prefix0, prefix1, ...} cheaply (one lock, no handles). */
    public void addMembers(int count, String prefix) {
        world.run(() -> {
            for (int i = 0; i < count; i++) {
                world.guildRules.addMember(state, prefix + i);
            }
        });
    }

    public int memberCount() {
        return state.members.size();
    }

    /** The bot's own membership. */
    public SimMember bot() {
        return new SimMember(sim, world, state.botMember);
    }

    /** The guild owner (a member called "owner", who has every permission). */
    public SimMember owner() {
        return new SimMember(sim, world, state.members.get(state.ownerId));
    }

    public SimRole everyone() {
        return new SimRole(world, state.everyone());
    }

    /** The bot's managed role; lower its permissions to test a bot that is not an administrator. */
    public SimRole botRole() {
        return new SimRole(world, state.botRole);
    }

    /** The role with this name, created without permissions and not mentionable if needed. */
    public SimRole role(String name) {
        return world.write(() -> {
            for (RoleState r : state.roles.values()) {
                if (r.name.equals(name)) {
                    return new SimRole(world, r);
                }
            }
            return new SimRole(world, world.guildRules.createRole(state, name, 0, false));
        });
    }

    public SimRole createRole(String name, long permissions, boolean mentionable) {
        return world.write(
                () -> new SimRole(world, world.guildRules.createRole(state, name, permissions, mentionable)));
    }

    /** Server Settings → Integrations → the bot: who may use its commands, and where (an admin's overwrites). */
    public SimIntegration integration() {
        return new SimIntegration(world, state, null);
    }

    /** The text channel with this name, created if needed. */
    public SimChannel textChannel(String name) {
        return channelOfType(name, ChannelState.GUILD_TEXT);
    }

    public SimChannel category(String name) {
        return channelOfType(name, ChannelState.GUILD_CATEGORY);
    }

    /** The forum with this name, created if needed; missing tags are added. */
    public SimChannel forum(String name, String... tags) {
        SimChannel forum = channelOfType(name, ChannelState.GUILD_FORUM);
        for (String tag : tags) {
            forum.tag(tag);
        }
        return forum;
    }

    private SimChannel channelOfType(String name, int type) {
        return world.write(() -> {
            for (ChannelState c : state.channels.values()) {
                if (!c.deleted && c.type == type && name.equals(c.name)) {
                    return sim.wrap(c);
                }
            }
            return sim.wrap(world.channelRules.createChannel(state, type, name, 0));
        });
    }

    /** A non-thread channel by name. */
    public SimChannel channel(String name) {
        return world.write(() -> {
            for (ChannelState c : state.channels.values()) {
                if (!c.deleted && !c.isThread() && name.equals(c.name)) {
                    return sim.wrap(c);
                }
            }
            throw new IllegalArgumentException("no channel #" + name + " in " + state.name);
        });
    }

    /** Every live thread and forum post, oldest first. */
    public List<SimChannel> threads() {
        return world.write(() -> {
            List<SimChannel> out = new ArrayList<>();
            for (ChannelState c : state.channels.values()) {
                if (c.isThread() && !c.deleted) {
                    out.add(sim.wrap(c));
                }
            }
            return out;
        });
    }

    @Override
    public String toString() {
        return state.name;
    }
}
