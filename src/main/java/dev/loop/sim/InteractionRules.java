package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Interactions (slash commands, buttons, selects, modals) and the application commands a member can run.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class InteractionRules {
    private final World world;

    InteractionRules(World world) {
        this.world = world;
    }

    InteractionState createInteraction(
            int type,
            UserState user,
            ChannelState channel,
            ObjectNode data,
            MessageState source,
            InteractionState parent,
            String commandName,
            int commandType) {
        MemberState member = world.memberOf(channel, user);
        long id = world.interactionIds.next();
        String token = "itok-" + Long.toString(id, 36) + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        InteractionState i = new InteractionState(
                id,
                token,
                type,
                user,
                member,
                channel,
                data,
                source,
                parent,
                commandName,
                commandType,
                world.options.interactionDeadline().toNanos(),
                world.options.interactionTokenLifetime().toNanos());
        world.interactions.put(id, i);
        world.interactionsByToken.put(token, i);
        world.dispatch("INTERACTION_CREATE", 0, interactionPayload(i), null);
        return i;
    }

    ObjectNode interactionPayload(InteractionState i) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(i.id));
        o.put("application_id", Json.str(world.applicationId));
        o.put("type", i.type);
        o.put("token", i.token);
        o.put("version", 1);
        ChannelState c = i.channel;
        ObjectNode channel = world.views.channel(c);
        if (c.guild != null) {
            GuildState g = c.guild;
            o.put("guild_id", Json.str(g.id));
            ObjectNode guild = o.putObject("guild");
            guild.put("id", Json.str(g.id));
            guild.put("locale", "en-US");
            guild.putArray("features");
            o.put("guild_locale", "en-US");
            long memberPerms = Perms.in(c, i.member);
            channel.put("permissions", Long.toString(memberPerms));
            ObjectNode member = world.views.member(i.member, true);
            member.put("permissions", Long.toString(memberPerms));
            o.set("member", member);
            o.put("app_permissions", Long.toString(world.botPerms(c)));
            o.putObject("authorizing_integration_owners").put("0", Json.str(g.id));
            o.put("context", 0);
        } else {
            o.set("user", world.views.user(i.user));
            channel.put("permissions", Long.toString(Perms.in(c, null)));
            o.put("app_permissions", Long.toString(Perms.in(c, null)));
            o.putObject("authorizing_integration_owners").put("0", "0");
            o.put("context", 1);
        }
        o.put("channel_id", Json.str(c.id));
        o.set("channel", channel);
        o.put("locale", "en-US");
        o.putArray("entitlements");
        o.put("attachment_size_limit", 10 * 1024 * 1024);
        if (i.data != null) {
            o.set("data", i.data);
        }
        MessageState source =
                i.sourceMessage != null ? i.sourceMessage : i.parent == null ? null : i.parent.componentMessage();
        if (source != null) {
            o.set("message", world.views.message(source, true));
        }
        return o;
    }

    List<CommandState> commands(long guildId) {
        return world.commands.computeIfAbsent(guildId, k -> new ArrayList<>());
    }

    /** Finds a command a member could run here: guild world.commands first, then global ones. */
    CommandState findCommand(GuildState g, String name, int type) {
        if (g != null) {
            for (CommandState c : commands(g.id)) {
                if (c.type() == type && c.name().equals(name)) {
                    return c;
                }
            }
        }
        for (CommandState c : commands(0)) {
            if (c.type() == type && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
