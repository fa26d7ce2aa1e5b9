package dev.loop.setup;

import dev.loop.core.config.Config;
import dev.loop.core.discord.EngineerCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.PrivilegeConfig;
import net.dv8tion.jda.api.interactions.commands.privileges.IntegrationPrivilege;

/**
 * Whether each engineer role sees the commands Loop hides from members ({@link EngineerCommands}), decided the way
 * Discord's client decides it for someone holding only that role: administrators see everything; a command-level
 * overwrite for the role (else for {@code @everyone}) set in Server Settings → Integrations decides on its own; an
 * app-level denial hides every command; otherwise the role needs the command's default permissions (Manage Threads).
 * An app-level grant alone does not lift those defaults, so only a per-command grant or the permission counts.
 *
 * <p>Before Loop's first start there are no commands to grant yet: then only the role's permissions count. Channel
 * overwrites are not looked at: they hide commands in some channels only. The result is a warning, not a problem:
 * Loop works without it, and members are still refused by the role check.
 */
final class CommandVisibilityCheck {
    private CommandVisibilityCheck() {}

    /** One warning line per engineer role that cannot see every engineer-only command; empty when all can. */
    static List<String> warnings(Config config, Guild guild) {
        List<Command> registered = guild.retrieveCommands().complete();
        List<Command> hidden = registered.stream()
                .filter(c -> c.getDefaultPermissions().getPermissionsRaw() != null)
                .toList();
        PrivilegeConfig privileges =
                hidden.isEmpty() ? null : guild.retrieveCommandPrivileges().complete();
        List<String> warnings = new ArrayList<>();
        for (long roleId : config.engineerRoles()) {
            Role role = guild.getRoleById(roleId);
            if (role == null) continue; // SetupCheck names the missing role
            long perms = role.getPermissionsRaw() | guild.getPublicRole().getPermissionsRaw();
            if (hidden.isEmpty()) {
                if (!sees(perms, EngineerCommands.DEFAULT_PERMISSIONS.getPermissionsRaw())) {
                    warnings.add("roles.engineers: @" + role.getName() + " won't see Loop's engineer-only commands "
                            + "(/capture, /link, /release, /inbox…) without Manage Threads: give it that permission "
                            + "(Server Settings > Roles > " + role.getName() + "), or after Loop's first start grant "
                            + "it each of them in Server Settings > Integrations > Loop");
                }
                continue;
            }
            List<String> unseen = new ArrayList<>();
            for (Command command : hidden) {
                if (!sees(command, guild, role, perms, privileges)) unseen.add(label(command));
            }
            if (!unseen.isEmpty()) {
                warnings.add("roles.engineers: @" + role.getName() + " can't see " + String.join(", ", unseen)
                        + ": grant it in Server Settings > Integrations > Loop (click each command > Roles & Members"
                        + " > add @" + role.getName() + "), or give the role Manage Threads (Server Settings > Roles)");
            }
        }
        return warnings;
    }

    private static boolean sees(Command command, Guild guild, Role role, long perms, PrivilegeConfig privileges) {
        if ((perms & Permission.ADMINISTRATOR.getRawValue()) != 0) return true;
        Optional<Boolean> byCommand = decision(privileges.getCommandPrivileges(command), role);
        if (byCommand.isPresent()) return byCommand.get();
        if (!decision(privileges.getApplicationPrivileges(), role).orElse(true)) return false;
        return sees(perms, command.getDefaultPermissions().getPermissionsRaw());
    }

    /** The role's own overwrite, else {@code @everyone}'s; empty when neither is set. */
    private static Optional<Boolean> decision(List<IntegrationPrivilege> list, Role role) {
        if (list == null) return Optional.empty();
        Optional<Boolean> everyone = Optional.empty();
        for (IntegrationPrivilege p : list) {
            if (p.getType() != IntegrationPrivilege.Type.ROLE) continue;
            if (p.getIdLong() == role.getIdLong()) return Optional.of(p.isEnabled());
            if (p.targetsEveryone()) everyone = Optional.of(p.isEnabled());
        }
        return everyone;
    }

    private static boolean sees(long perms, long required) {
        if ((perms & Permission.ADMINISTRATOR.getRawValue()) != 0) return true;
        return required != 0 && (perms & required) == required;
    }

    private static String label(Command command) {
        return command.getType() == Command.Type.SLASH ? "/" + command.getName() : command.getName();
    }
}
