package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** Lookups and permission checks shared by the REST handler classes. Callers hold the world lock. */
abstract class ApiSupport {
    final World world;

    ApiSupport(World world) {
        this.world = world;
    }

    ChannelState channel(Request r) {
        ChannelState c = world.channelRules.channel(r.id("channel_id"));
        if (c == null) {
            throw ApiError.unknownChannel();
        }
        return c;
    }

    /** The channel, which the bot must be able to see (else 50001 Missing Access). */
    ChannelState visibleChannel(Request r) {
        ChannelState c = channel(r);
        if (!world.botCanView(c)) {
            throw ApiError.missingAccess();
        }
        return c;
    }

    MessageState message(ChannelState c, long id) {
        MessageState m = c.messages.get(id);
        if (m == null || m.deleted) {
            throw ApiError.unknownMessage();
        }
        return m;
    }

    long botPerms(ChannelState c) {
        return world.botPerms(c);
    }

    void require(ChannelState c, long bits) {
        if (c.guild != null && !Perms.has(world.botPerms(c), bits)) {
            throw ApiError.missingPermissions();
        }
    }

    MemberState botMember(ChannelState c) {
        return c.guild == null ? null : c.guild.botMember;
    }

    GuildState guild(Request r) {
        GuildState g = world.guilds.get(r.id("guild_id"));
        if (g == null) {
            throw ApiError.unknownGuild();
        }
        return g;
    }

    static int intParam(Request r, String name, int def, int min, int max) {
        String v = r.query.get(name);
        if (v == null || v.isEmpty()) {
            return def;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw FormErrors.single(name, "NUMBER_TYPE_COERCE", "Value \"" + v + "\" is not int.");
        }
        if (n < min || n > max) {
            throw FormErrors.single(name, "NUMBER_TYPE_MAX", "int value should be less than or equal to " + max + ".");
        }
        return n;
    }

    static long snowflakeParam(Request r, String name) {
        String v = r.query.get(name);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw FormErrors.single(name, "NUMBER_TYPE_COERCE", "Value \"" + v + "\" is not snowflake.");
        }
    }

    static JsonNode body(Request r) {
        JsonNode b = r.json();
        return b == null || b.isMissingNode() ? Json.obj() : b;
    }
}
