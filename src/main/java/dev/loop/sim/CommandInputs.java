package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a member's Discord client does before an application command reaches the bot: finds the command the member
 * may run here (waiting briefly for a bot that is still registering), and turns the options typed into the
 * interaction's {@code data}, with the resolved users, channels and roles, and the checks the client applies
 * (choices, types, ranges).
 */
final class CommandInputs {
    private final Sim sim;
    private final World world;
    private final MemberState state;

    CommandInputs(Sim sim, World world, MemberState state) {
        this.sim = sim;
        this.world = world;
        this.state = state;
    }

    CommandState command(ChannelState c, String name, int type) {
        return command(c, name, type, true);
    }

    /** The command as the client would send it; {@code asListed} false skips the check that the member sees it. */
    CommandState command(ChannelState c, String name, int type, boolean asListed) {
        CommandState cmd = world.interactionRules.findCommand(c.guild, name, type);
        if (cmd == null && (world.gateway != null && world.gateway.hasSessions())) {
            // The bot may still be registering its commands right after READY; give it the usual timeout.
            try {
                cmd = world.await(
                        "the bot to register command '" + name + "'",
                        () -> world.interactionRules.findCommand(c.guild, name, type),
                        sim.timeout());
            } catch (AssertionError notYet) {
                cmd = null;
            }
        }
        if (cmd == null) {
            List<String> known = new ArrayList<>();
            for (List<CommandState> list : world.commands.values()) {
                for (CommandState k : list) {
                    known.add(k.name() + " (type " + k.type() + ")");
                }
            }
            throw new AssertionError(
                    "the bot has not registered a " + (type == 1 ? "slash" : type == 2 ? "user" : "message")
                            + " command '" + name + "'; registered: " + known + world.traffic.dump());
        }
        if (asListed && !world.commandAccess.visible(cmd, world.memberOf(c, state.user), c)) {
            // the real client neither lists nor sends it; runSlashFromStaleClient models a client that still does
            throw new IllegalStateException(state.user.username + " cannot see the command '" + name + "' in "
                    + (c.name == null ? "this channel" : "#" + c.name) + " (default_member_permissions "
                    + Json.text(cmd.json(), "default_member_permissions")
                    + ", overwrites in Server Settings > Integrations), so Discord would not let them run it");
        }
        return cmd;
    }

    record CommandInput(ObjectNode data, String fullName) {}

    CommandInput commandData(ChannelState c, String command, Map<String, ?> options, String focused, String typed) {
        return commandData(c, command, options, focused, typed, true);
    }

    CommandInput commandData(
            ChannelState c, String command, Map<String, ?> options, String focused, String typed, boolean asListed) {
        String[] parts = command.trim().replaceFirst("^/", "").split("\\s+");
        CommandState cmd = command(c, parts[0], 1, asListed);
        ObjectNode data = Json.obj();
        data.put("id", Json.str(cmd.id()));
        data.put("name", cmd.name());
        data.put("type", 1);
        if (cmd.guildId() != 0) {
            data.put("guild_id", Json.str(cmd.guildId()));
        }
        JsonNode defs = cmd.json().path("options");
        ArrayNode target = data.putArray("options");
        for (int k = 1; k < parts.length; k++) {
            JsonNode def = null;
            for (JsonNode d : defs) {
                int t = d.path("type").asInt();
                if ((t == 1 || t == 2) && parts[k].equals(d.path("name").asText())) {
                    def = d;
                }
            }
            if (def == null) {
                throw new IllegalArgumentException("/" + parts[0] + " has no subcommand '" + parts[k] + "'");
            }
            ObjectNode o = target.addObject();
            o.put("name", parts[k]);
            o.put("type", def.path("type").asInt());
            target = o.putArray("options");
            defs = def.path("options");
        }
        for (JsonNode d : defs) {
            int t = d.path("type").asInt();
            if (t == 1 || t == 2) {
                throw new IllegalArgumentException("/" + command + " needs a subcommand");
            }
        }
        Set<String> known = new HashSet<>();
        ObjectNode resolved = Json.obj();
        for (JsonNode def : defs) {
            String name = def.path("name").asText();
            known.add(name);
            int type = def.path("type").asInt();
            if (name.equals(focused)) {
                if ((type == 4 && !typed.matches("-?\\d*")) || (type == 10 && !typed.matches("-?\\d*\\.?\\d*"))) {
                    throw new IllegalArgumentException("Discord's client only accepts numbers in the "
                            + (type == 4 ? "INTEGER" : "NUMBER") + " option '" + name + "'; '" + typed
                            + "' cannot be typed there (use a STRING option for text search)");
                }
                ObjectNode o = target.addObject();
                o.put("name", name);
                o.put("type", type);
                o.put("value", typed);
                o.put("focused", true);
                continue;
            }
            Object value = options.get(name);
            if (value == null) {
                if (def.path("required").asBoolean(false) && focused == null) {
                    throw new IllegalArgumentException("/" + command + " requires option '" + name + "'");
                }
                continue;
            }
            ObjectNode o = target.addObject();
            o.put("name", name);
            o.put("type", type);
            encodeOption(o, def, type, value, c, resolved);
        }
        if (focused != null && !known.contains(focused)) {
            throw new IllegalArgumentException("/" + command + " has no option '" + focused + "'");
        }
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("/" + command + " has no option '" + key + "'; it has " + known);
            }
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return new CommandInput(data, String.join(" ", parts));
    }

    private void encodeOption(ObjectNode o, JsonNode def, int type, Object value, ChannelState c, ObjectNode resolved) {
        String name = def.path("name").asText();
        switch (type) {
            case 3 -> {
                String s = value.toString();
                if (def.has("min_length") && s.length() < def.get("min_length").asInt()
                        || def.has("max_length")
                                && s.length() > def.get("max_length").asInt()) {
                    throw new IllegalArgumentException("option '" + name + "' length out of range");
                }
                checkChoice(def, s);
                o.put("value", s);
            }
            case 4 -> {
                long n = value instanceof Number num
                        ? num.longValue()
                        : Long.parseLong(value.toString().trim());
                if (def.has("min_value") && n < def.get("min_value").asDouble()
                        || def.has("max_value") && n > def.get("max_value").asDouble()) {
                    throw new IllegalArgumentException("option '" + name + "' out of range");
                }
                checkChoice(def, Long.toString(n));
                o.put("value", n);
            }
            case 10 -> {
                double n = value instanceof Number num ? num.doubleValue() : Double.parseDouble(value.toString());
                o.put("value", n);
            }
            case 5 ->
                o.put("value", value instanceof Boolean b ? b.booleanValue() : Boolean.parseBoolean(value.toString()));
            case 6, 9 -> {
                if (value instanceof SimRole role && type == 9) {
                    o.put("value", Json.str(role.state.id));
                    resolved.withObjectProperty("roles").set(Json.str(role.state.id), world.views.role(role.state));
                } else if (value instanceof SimMember member) {
                    o.put("value", Json.str(member.id()));
                    resolveUser(resolved, c, member.state);
                } else {
                    throw new IllegalArgumentException("option '" + name + "' needs a SimMember");
                }
            }
            case 7 -> {
                if (!(value instanceof SimChannel ch)) {
                    throw new IllegalArgumentException("option '" + name + "' needs a SimChannel");
                }
                o.put("value", Json.str(ch.id()));
                ObjectNode cj = world.views.channel(ch.state);
                cj.put("permissions", Long.toString(Perms.in(ch.state, state)));
                resolved.withObjectProperty("channels").set(Json.str(ch.id()), cj);
            }
            case 8 -> {
                if (!(value instanceof SimRole role)) {
                    throw new IllegalArgumentException("option '" + name + "' needs a SimRole");
                }
                o.put("value", Json.str(role.id()));
                resolved.withObjectProperty("roles").set(Json.str(role.id()), world.views.role(role.state));
            }
            case 11 -> {
                if (!(value instanceof SimFile file)) {
                    throw new IllegalArgumentException("option '" + name + "' needs a SimFile");
                }
                long id = world.ids.next();
                o.put("value", Json.str(id));
                ObjectNode a = world.views.attachment(new AttachmentState(
                        id,
                        file.filename(),
                        file.contentType(),
                        file.data(),
                        null,
                        "https://cdn.discordapp.com/ephemeral-attachments/" + c.id + "/" + id + "/" + file.filename()));
                a.put("ephemeral", true);
                resolved.withObjectProperty("attachments").set(Json.str(id), a);
            }
            default -> throw new IllegalArgumentException("unsupported option type " + type);
        }
    }

    private static void checkChoice(JsonNode def, String value) {
        JsonNode choices = def.path("choices");
        if (choices.isEmpty()) {
            return;
        }
        for (JsonNode ch : choices) {
            if (ch.path("value").asText().equals(value)) {
                return;
            }
        }
        throw new IllegalArgumentException("option '" + def.path("name").asText() + "' must be one of its choices");
    }

    void resolveUser(ObjectNode resolved, ChannelState c, MemberState member) {
        String id = Json.str(member.user.id);
        resolved.withObjectProperty("users").set(id, world.views.user(member.user));
        if (c.guild != null) {
            ObjectNode mj = world.views.member(member, false);
            mj.put("permissions", Long.toString(Perms.in(c, member)));
            resolved.withObjectProperty("members").set(id, mj);
        }
    }
}
