package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Guilds, their members and roles: who is in a guild, with which roles, and the GUILD_MEMBER and GUILD_ROLE
 * events that announce it.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class GuildRules {
    private final World world;

    GuildRules(World world) {
        this.world = world;
    }

    UserState createUser(String username, boolean isBot) {
        UserState u = new UserState(world.ids.next(), username, isBot);
        world.users.put(u.id, u);
        return u;
    }

    GuildState createGuild(String name) {
        long now = world.now();
        GuildState g = new GuildState(world.ids.next(), name, now);
        g.roles.put(g.id, new RoleState(g.id, g, "@everyone", Perms.EVERYONE_DEFAULT, 0, 0));
        UserState ownerUser = createUser("owner", false);
        MemberState owner = new MemberState(ownerUser, g, now, new long[0]);
        g.members.put(ownerUser.id, owner);
        g.membersByName.put(ownerUser.username, owner);
        g.ownerId = ownerUser.id;
        RoleState botRole = new RoleState(
                world.ids.next(), g, world.options.botName(), world.options.botPermissions(), 1, world.bot.id);
        g.roles.put(botRole.id, botRole);
        g.botRole = botRole;
        g.botMember = new MemberState(world.bot, g, now, new long[] {botRole.id});
        g.members.put(world.bot.id, g.botMember);
        g.membersByName.put(world.bot.username, g.botMember);
        world.guilds.put(g.id, g);
        world.guildOrder.add(g);
        Gateway gw = world.gateway;
        if (gw != null && gw.hasSessions()) {
            world.dispatch("GUILD_CREATE", 0, world.views.guildCreate(g, false, 250), null);
        }
        return g;
    }

    MemberState addMember(GuildState g, String username) {
        MemberState existing = g.membersByName.get(username);
        if (existing != null) {
            return existing;
        }
        UserState u = createUser(username, false);
        return join(g, u);
    }

    MemberState join(GuildState g, UserState u) {
        MemberState m = new MemberState(u, g, world.now(), new long[0]);
        g.members.put(u.id, m);
        g.membersByName.putIfAbsent(u.username, m);
        Gateway gw = world.gateway;
        if (gw != null && gw.hasSessions()) {
            ObjectNode d = world.views.member(m, true);
            d.put("guild_id", Json.str(g.id));
            world.dispatch("GUILD_MEMBER_ADD", Intents.GUILD_MEMBERS, d, null);
        }
        return m;
    }

    void leave(MemberState m) {
        GuildState g = m.guild;
        if (g.members.remove(m.user.id) == null) {
            return;
        }
        g.membersByName.remove(m.user.username, m);
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(g.id));
        d.set("user", world.views.user(m.user));
        world.dispatch("GUILD_MEMBER_REMOVE", Intents.GUILD_MEMBERS, d, null);
    }

    RoleState createRole(GuildState g, String name, long permissions, boolean mentionable) {
        RoleState r = new RoleState(world.ids.next(), g, name, permissions, g.roles.size(), 0);
        r.mentionable = mentionable;
        g.roles.put(r.id, r);
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(g.id));
        d.set("role", world.views.role(r));
        world.dispatch("GUILD_ROLE_CREATE", Intents.GUILDS, d, null);
        return r;
    }

    void roleUpdated(RoleState r) {
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(r.guild.id));
        d.set("role", world.views.role(r));
        world.dispatch("GUILD_ROLE_UPDATE", Intents.GUILDS, d, null);
    }

    void setRoles(MemberState m, long[] roleIds) {
        m.roleIds = roleIds;
        ObjectNode d = world.views.member(m, true);
        d.put("guild_id", Json.str(m.guild.id));
        world.dispatch("GUILD_MEMBER_UPDATE", m.user == world.bot ? 0 : Intents.GUILD_MEMBERS, d, null);
    }

    static long[] withRole(long[] roles, long roleId, boolean add) {
        if (add) {
            for (long r : roles) {
                if (r == roleId) {
                    return roles;
                }
            }
            long[] out = Arrays.copyOf(roles, roles.length + 1);
            out[roles.length] = roleId;
            return out;
        }
        return Arrays.stream(roles).filter(r -> r != roleId).toArray();
    }
}
