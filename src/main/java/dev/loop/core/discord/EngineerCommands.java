package dev.loop.core.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * Commands only engineers may run are registered so that members never see them: Discord lists a command with
 * {@code default_member_permissions} only to members holding those permissions, to admins, and to whoever an admin
 * grants it in Server Settings → Integrations → Loop. Loop still checks the engineer role on every use
 * ({@link Engineers#require}); this only keeps members' command lists free of commands that would refuse them.
 *
 * <p>Manage Threads is the permission asked for: the people who tend the support threads usually hold it, members
 * never do by default, and it lets one switch on the engineer role show every engineer command. A command with
 * subcommands for everyone (/issue, /privacy) stays visible: Discord's permissions apply per top-level command.
 */
public final class EngineerCommands {
    /** The permission a member needs to see the engineer-only commands without an admin's grant. */
    public static final Permission PERMISSION = Permission.MANAGE_THREADS;

    public static final DefaultMemberPermissions DEFAULT_PERMISSIONS = DefaultMemberPermissions.enabledFor(PERMISSION);

    private EngineerCommands() {}

    /** Registers {@code command} hidden from members (see the class comment). */
    public static <T extends CommandData> T hidden(T command) {
        command.setDefaultPermissions(DEFAULT_PERMISSIONS);
        return command;
    }
}
