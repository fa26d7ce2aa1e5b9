package dev.loop.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a server admin sets for the bot in Server Settings → Integrations → the app: who may use its commands and
 * where. Without {@link #command} the overwrites are the app's own ("Roles &amp; Members" and "Channels" at the top
 * of the page, for every command); with it, one command's (click the command). Each change replaces an earlier
 * overwrite for the same role, member or channel and reaches the bot as APPLICATION_COMMAND_PERMISSIONS_UPDATE.
 * Read back over REST at {@code GET /applications/{app}/guilds/{guild}/commands/permissions}.
 */
public final class SimIntegration {
    private final World world;
    private final GuildState guild;
    /** The command's name, or null for the whole app. */
    private final String command;

    SimIntegration(World world, GuildState guild, String command) {
        this.world = world;
        this.guild = guild;
        this.command = command;
    }

    /** The same page for one command (a slash command by name, a context-menu command by its label). */
    public SimIntegration command(String name) {
        return new SimIntegration(world, guild, name);
    }

    public SimIntegration allow(SimRole role) {
        return set(role.id(), CommandAccess.ROLE, true);
    }

    public SimIntegration deny(SimRole role) {
        return set(role.id(), CommandAccess.ROLE, false);
    }

    public SimIntegration allow(SimMember member) {
        return set(member.id(), CommandAccess.USER, true);
    }

    public SimIntegration deny(SimMember member) {
        return set(member.id(), CommandAccess.USER, false);
    }

    /** Allows or denies everyone ({@code @everyone}: the guild id as a role). */
    public SimIntegration everyone(boolean allowed) {
        return set(guild.id, CommandAccess.ROLE, allowed);
    }

    public SimIntegration allowIn(SimChannel channel) {
        return set(channel.id(), CommandAccess.CHANNEL, true);
    }

    public SimIntegration denyIn(SimChannel channel) {
        return set(channel.id(), CommandAccess.CHANNEL, false);
    }

    /** Allows or denies every channel (the guild id − 1 as a channel). */
    public SimIntegration allChannels(boolean allowed) {
        return set(guild.id - 1, CommandAccess.CHANNEL, allowed);
    }

    /**
     * Grants {@code role} each command the bot registered with {@code default_member_permissions}, one command page
     * at a time as an admin does (an app-level grant would not lift those defaults); returns the commands granted.
     */
    public List<String> allowOnEveryRestrictedCommand(SimRole role) {
        List<String> names = world.write(() -> {
            List<String> restricted = new ArrayList<>();
            for (long scope : new long[] {guild.id, 0}) {
                for (CommandState c : world.interactionRules.commands(scope)) {
                    if (Json.text(c.json(), "default_member_permissions") != null) {
                        restricted.add(c.name());
                    }
                }
            }
            return restricted;
        });
        for (String name : names) {
            command(name).allow(role);
        }
        return names;
    }

    /** Removes every overwrite on this page ("Reset to default"). */
    public SimIntegration reset() {
        world.run(() -> world.commandAccess.set(guild, target(), List.of()));
        return this;
    }

    private SimIntegration set(long id, int type, boolean allowed) {
        world.run(() -> {
            long target = target();
            List<CommandAccess.Overwrite> list = new ArrayList<>(world.commandAccess.overwrites(guild.id, target));
            list.removeIf(w -> w.id() == id && w.type() == type);
            list.add(new CommandAccess.Overwrite(id, type, allowed));
            world.commandAccess.set(guild, target, list);
        });
        return this;
    }

    /** The id the overwrites are stored under: the application's for the app level, else the command's. */
    private long target() {
        if (command == null) {
            return world.applicationId;
        }
        for (long scope : new long[] {guild.id, 0}) {
            for (CommandState c : world.interactionRules.commands(scope)) {
                if (c.name().equals(command)) {
                    return c.id();
                }
            }
        }
        throw new IllegalArgumentException("the bot has registered no command '" + command + "' in " + guild.name);
    }
}
