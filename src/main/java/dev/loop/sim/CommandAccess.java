package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may see and run an application command, the way Discord's client decides it (the permissions logic every
 * guild has used since early 2023):
 *
 * <ol>
 *   <li>the guild's owner and members with Administrator see every command;
 *   <li>channels: a command-level overwrite for the channel (a thread's parent), else the command's "all channels"
 *       overwrite ({@code guild_id - 1}), else the same two at the app level; a {@code false} hides the command there;
 *   <li>command-level user and role overwrites override everything below: the member's own overwrite, else any of
 *       their roles allowed (allow wins), else denied, else the {@code @everyone} overwrite ({@code guild_id});
 *   <li>app-level user and role overwrites (the app's id as the command id) can only deny: an app-level grant still
 *       leaves the command's {@code default_member_permissions} to pass;
 *   <li>{@code default_member_permissions}: {@code null} lets everyone in, {@code "0"} nobody (but admins), any other
 *       bit set needs all those bits in the channel.
 * </ol>
 *
 * <p>Overwrites are kept per guild and per command id (or the application id for the app level), as an admin sets
 * them in Server Settings → Integrations. Part of the {@link World}: callers hold the world's lock.
 */
final class CommandAccess {
    static final int ROLE = 1;
    static final int USER = 2;
    static final int CHANNEL = 3;

    /** One overwrite: a role, user or channel id (or a constant), its type, and allowed or not. */
    record Overwrite(long id, int type, boolean permission) {}

    private final World world;
    /** guild id → command id (or application id) → overwrites, in the order they were set. */
    private final Map<Long, Map<Long, List<Overwrite>>> overwrites = new HashMap<>();

    CommandAccess(World world) {
        this.world = world;
    }

    /** The overwrites on one command (or, with the application id, on the whole app); empty when none. */
    List<Overwrite> overwrites(long guildId, long targetId) {
        return overwrites.getOrDefault(guildId, Map.of()).getOrDefault(targetId, List.of());
    }

    /** Every command (and the app) of this guild with overwrites, in the order they were first set. */
    Map<Long, List<Overwrite>> all(long guildId) {
        return overwrites.getOrDefault(guildId, Map.of());
    }

    /** Replaces the overwrites of one command or of the app (as the Integrations page saves them) and tells the bot. */
    void set(GuildState g, long targetId, List<Overwrite> list) {
        if (list.size() > 100) {
            throw new IllegalArgumentException("Discord keeps at most 100 overwrites per command");
        }
        Map<Long, List<Overwrite>> byTarget = overwrites.computeIfAbsent(g.id, k -> new LinkedHashMap<>());
        if (list.isEmpty()) {
            byTarget.remove(targetId);
        } else {
            byTarget.put(targetId, List.copyOf(list));
        }
        world.dispatch("APPLICATION_COMMAND_PERMISSIONS_UPDATE", 0, view(g.id, targetId, list), null);
    }

    /** The Guild Application Command Permissions object Discord returns. */
    ObjectNode view(long guildId, long targetId, List<Overwrite> list) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(targetId));
        o.put("application_id", Json.str(world.applicationId));
        o.put("guild_id", Json.str(guildId));
        ArrayNode permissions = o.putArray("permissions");
        for (Overwrite w : list) {
            ObjectNode p = permissions.addObject();
            p.put("id", Json.str(w.id()));
            p.put("type", w.type());
            p.put("permission", w.permission());
        }
        return o;
    }

    /** Whether {@code member} sees {@code cmd} in {@code channel}: the client lists it and lets them run it. */
    boolean visible(CommandState cmd, MemberState member, ChannelState channel) {
        if (channel.guild == null || member == null) {
            return true;
        }
        GuildState g = channel.guild;
        if (Perms.base(member) == Perms.ALL) {
            return true; // the owner and administrators
        }
        List<Overwrite> command = overwrites(g.id, cmd.id());
        List<Overwrite> app = overwrites(g.id, world.applicationId);
        long place = channel.isThread() && channel.parentId != 0 ? channel.parentId : channel.id;
        Boolean inChannel = firstOf(
                find(command, CHANNEL, place),
                find(command, CHANNEL, g.id - 1),
                find(app, CHANNEL, place),
                find(app, CHANNEL, g.id - 1));
        if (Boolean.FALSE.equals(inChannel)) {
            return false;
        }
        Boolean byCommand = person(command, member);
        if (byCommand != null) {
            return byCommand;
        }
        if (Boolean.FALSE.equals(person(app, member))) {
            return false;
        }
        String required = Json.text(cmd.json(), "default_member_permissions");
        if (required == null) {
            return true;
        }
        long bits = Long.parseLong(required);
        return bits != 0 && Perms.has(Perms.in(channel, member), bits);
    }

    /** The user and role overwrites that apply to this member: their own, else their roles', else @everyone's. */
    private static Boolean person(List<Overwrite> list, MemberState member) {
        Boolean own = find(list, USER, member.user.id);
        if (own != null) {
            return own;
        }
        boolean allowed = false;
        boolean denied = false;
        for (Overwrite w : list) {
            if (w.type() == ROLE && w.id() != member.guild.id && member.hasRole(w.id())) {
                allowed |= w.permission();
                denied |= !w.permission();
            }
        }
        if (allowed) {
            return true;
        }
        if (denied) {
            return false;
        }
        return find(list, ROLE, member.guild.id);
    }

    private static Boolean find(List<Overwrite> list, int type, long id) {
        for (Overwrite w : list) {
            if (w.type() == type && w.id() == id) {
                return w.permission();
            }
        }
        return null;
    }

    private static Boolean firstOf(Boolean... decisions) {
        for (Boolean d : decisions) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The commands this member's client lists in this channel: the guild's, then global ones, by type and name. */
    List<CommandState> visibleTo(MemberState member, ChannelState channel) {
        List<CommandState> out = new ArrayList<>();
        if (channel.guild != null) {
            for (CommandState c : world.interactionRules.commands(channel.guild.id)) {
                if (visible(c, member, channel)) {
                    out.add(c);
                }
            }
        }
        for (CommandState c : world.interactionRules.commands(0)) {
            if (visible(c, member, channel)) {
                out.add(c);
            }
        }
        return out;
    }
}
