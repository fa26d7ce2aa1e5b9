package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;

/**
 * The application command permissions an admin set in Server Settings → Integrations, read back as Discord serves
 * them: every overwritten command (and the app itself, under the application id) of a guild, or one command's.
 * Writing them takes a user's Bearer token with {@code applications.commands.permissions.update}; a bot token is
 * refused (20001), so the simulator's admin sets them through {@link SimGuild#integration()}.
 */
final class CommandPermissionsApi extends ApiSupport {
    private static final String BASE = "applications/{application_id}/guilds/{guild_id}/commands";

    CommandPermissionsApi(World world) {
        super(world);
    }

    void register(RestServer s) {
        s.route("GET", BASE + "/permissions", this::list);
        s.route("GET", BASE + "/{command_id}/permissions", this::one);
        s.route("PUT", BASE + "/{command_id}/permissions", r -> {
            throw ApiError.of(403, 20001, "Bots cannot use this endpoint");
        });
    }

    private GuildState scope(Request r) {
        if (r.id("application_id") != world.applicationId) {
            throw ApiError.missingAccess();
        }
        return guild(r);
    }

    private Response list(Request r) {
        GuildState g = scope(r);
        ArrayNode out = Json.arr();
        for (Map.Entry<Long, List<CommandAccess.Overwrite>> e :
                world.commandAccess.all(g.id).entrySet()) {
            out.add(world.commandAccess.view(g.id, e.getKey(), e.getValue()));
        }
        return Response.ok(out);
    }

    private Response one(Request r) {
        GuildState g = scope(r);
        long id = r.id("command_id");
        if (id != world.applicationId && !known(g, id)) {
            throw ApiError.unknownCommand();
        }
        List<CommandAccess.Overwrite> list = world.commandAccess.overwrites(g.id, id);
        if (list.isEmpty()) {
            throw ApiError.of(404, 10066, "Unknown application command permissions");
        }
        return Response.ok(world.commandAccess.view(g.id, id, list));
    }

    private boolean known(GuildState g, long id) {
        for (long scope : new long[] {g.id, 0}) {
            for (CommandState c : world.interactionRules.commands(scope)) {
                if (c.id() == id) {
                    return true;
                }
            }
        }
        return false;
    }
}
