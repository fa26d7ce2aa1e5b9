package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Users, DMs, guilds, members, roles and the gateway discovery routes. */
final class GuildApi extends ApiSupport {
    private final Sim sim;

    GuildApi(World world, Sim sim) {
        super(world);
        this.sim = sim;
    }

    void register(RestServer s) {
        s.route("GET", "users/@me", r -> {
            ObjectNode u = world.views.user(world.bot);
            u.put("verified", true);
            u.put("mfa_enabled", false);
            u.put("flags", 0);
            return Response.ok(u);
        });
        s.route("GET", "users/{user_id}", this::getUser);
        s.route("GET", "users/@me/guilds", this::myGuilds);
        s.route("POST", "users/@me/channels", this::openDm);
        s.route("GET", "gateway", r -> Response.ok(Json.obj().put("url", sim.gatewayUrl())));
        s.route("GET", "gateway/bot", r -> {
            ObjectNode o = Json.obj();
            o.put("url", sim.gatewayUrl());
            o.put("shards", 1);
            ObjectNode limit = o.putObject("session_start_limit");
            limit.put("total", 1000);
            limit.put("remaining", 1000);
            limit.put("reset_after", 86_400_000);
            limit.put("max_concurrency", 1);
            return Response.ok(o);
        });
        s.route("GET", "applications/@me", r -> Response.ok(application()));
        s.route("GET", "oauth2/applications/@me", r -> Response.ok(application()));
        s.route("GET", "guilds/{guild_id}", r -> Response.ok(guildJson(guild(r))));
        s.route("GET", "guilds/{guild_id}/channels", this::guildChannels);
        s.route("GET", "guilds/{guild_id}/roles", this::roles);
        s.route("GET", "guilds/{guild_id}/members", this::members);
        s.route("GET", "guilds/{guild_id}/members/search", this::searchMembers);
        s.route("GET", "guilds/{guild_id}/members/{user_id}", this::member);
        s.route("PUT", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, true));
        s.route("DELETE", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, false));
        s.route("GET", "guilds/{guild_id}/threads/active", this::activeThreads);
    }

    private ObjectNode application() {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(world.applicationId));
        o.put("name", world.bot.username);
        o.putNull("icon");
        o.put("description", "");
        o.put("bot_public", true);
        o.put("bot_require_code_grant", false);
        o.put("flags", 0);
        o.set("bot", world.views.user(world.bot));
        ObjectNode owner = o.putObject("owner");
        owner.put("id", Json.str(world.applicationId));
        owner.put("username", "owner");
        owner.put("discriminator", "0");
        o.put("verify_key", "0000");
        o.putNull("team");
        return o;
    }

    private ObjectNode guildJson(GuildState g) {
        ObjectNode o = world.views.guild(g);
        o.put("approximate_member_count", g.members.size());
        return o;
    }

    private Response getUser(Request r) {
        UserState u = world.users.get(r.id("user_id"));
        if (u == null) {
            throw ApiError.unknownUser();
        }
        return Response.ok(world.views.user(u));
    }

    private Response myGuilds(Request r) {
        ArrayNode out = Json.arr();
        for (GuildState g : world.guildOrder) {
            ObjectNode o = out.addObject();
            o.put("id", Json.str(g.id));
            o.put("name", g.name);
            o.putNull("icon");
            o.put("owner", false);
            o.put("permissions", Long.toString(Perms.base(g.botMember)));
            o.putArray("features");
        }
        return Response.ok(out);
    }

    private Response openDm(Request r) {
        JsonNode b = body(r);
        if (!Json.has(b, "recipient_id")) {
            throw FormErrors.single("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
        }
        UserState u = world.users.get(Json.id(b.get("recipient_id")));
        if (u == null) {
            throw ApiError.unknownUser();
        }
        if (u.bot) {
            throw ApiError.cannotMessageUser(400); // bots cannot DM other bots, refused at creation
        }
        ChannelState dm = world.channelRules.openDm(u);
        return Response.ok(world.views.channel(dm));
    }

    private Response guildChannels(Request r) {
        GuildState g = guild(r);
        ArrayNode out = Json.arr();
        for (ChannelState c : g.channels.values()) {
            if (!c.isThread() && !c.deleted) {
                out.add(world.views.channel(c));
            }
        }
        return Response.ok(out);
    }

    private Response roles(Request r) {
        GuildState g = guild(r);
        ArrayNode out = Json.arr();
        for (RoleState role : g.roles.values()) {
            out.add(world.views.role(role));
        }
        return Response.ok(out);
    }

    private Response member(Request r) {
        GuildState g = guild(r);
        MemberState m = g.members.get(r.id("user_id"));
        if (m == null) {
            throw ApiError.unknownMember();
        }
        return Response.ok(world.views.member(m, true));
    }

    private Response members(Request r) {
        GuildState g = guild(r);
        if (!world.options.guildMembersIntentEnabled()) {
            throw ApiError.missingAccess();
        }
        int limit = intParam(r, "limit", 1, 1, 1000);
        long after = snowflakeParam(r, "after");
        List<MemberState> sorted = new ArrayList<>();
        for (MemberState m : g.members.values()) {
            if (m.user.id > after) {
                sorted.add(m);
            }
        }
        sorted.sort(Comparator.comparingLong(m -> m.user.id));
        ArrayNode out = Json.arr();
        for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
            out.add(world.views.member(sorted.get(i), true));
        }
        return Response.ok(out);
    }

    private Response searchMembers(Request r) {
        GuildState g = guild(r);
        String query = r.query.getOrDefault("query", "").toLowerCase();
        int limit = intParam(r, "limit", 1, 1, 1000);
        ArrayNode out = Json.arr();
        for (MemberState m : g.members.values()) {
            if (out.size() >= limit) {
                break;
            }
            String nick = m.nick == null ? "" : m.nick.toLowerCase();
            if (m.user.username.toLowerCase().startsWith(query) || nick.startsWith(query)) {
                out.add(world.views.member(m, true));
            }
        }
        return Response.ok(out);
    }

    private Response memberRole(Request r, boolean add) {
        GuildState g = guild(r);
        MemberState m = g.members.get(r.id("user_id"));
        if (m == null) {
            throw ApiError.unknownMember();
        }
        RoleState role = g.roles.get(r.id("role_id"));
        if (role == null) {
            throw ApiError.unknownRole();
        }
        long perms = Perms.base(g.botMember);
        if (!Perms.has(perms, Perms.MANAGE_ROLES)) {
            throw ApiError.missingPermissions();
        }
        if (role.position >= g.botRole.position
                && !Perms.has(perms, Perms.ADMINISTRATOR)
                && g.ownerId != world.bot.id) {
            throw ApiError.missingPermissions();
        }
        world.guildRules.setRoles(m, GuildRules.withRole(m.roleIds, role.id, add));
        return Response.NO_CONTENT;
    }

    private Response activeThreads(Request r) {
        GuildState g = guild(r);
        List<ChannelState> threads = new ArrayList<>();
        for (ChannelState c : g.channels.values()) {
            if (c.isThread() && !c.deleted && !c.archived && world.botCanView(c)) {
                threads.add(c);
            }
        }
        threads.sort(Comparator.comparingLong((ChannelState c) -> c.id).reversed());
        ObjectNode out = Json.obj();
        ArrayNode list = out.putArray("threads");
        ArrayNode members = out.putArray("members");
        for (ChannelState t : threads) {
            list.add(world.views.channel(t));
            if (t.threadMembers.contains(world.bot.id)) {
                ObjectNode m = members.addObject();
                m.put("id", Json.str(t.id));
                m.put("user_id", Json.str(world.bot.id));
                m.put("join_timestamp", Json.iso(t.createTimestampMs));
                m.put("flags", 0);
            }
        }
        return Response.ok(out);
    }
}
