package dev.loop.setup;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Members;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IPostContainer;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What stands between a configuration and a working Loop on a connected server: channels, roles and members that
 * are not there, and permissions the bot lacks where it works. One sentence per problem, naming the config key.
 */
public final class SetupCheck {
    private SetupCheck() {}

    /** Problems in {@code guild} (null when the bot is not in the configured server); empty when all is in place. */
    public static List<String> problems(Config config, Guild guild) {
        List<String> problems = new ArrayList<>();
        if (guild == null) {
            problems.add("discord.guild: Loop is not in server "
                    + config.discord().guildId() + ": invite it with the URL from ./run.sh invite");
            return problems;
        }
        Member self = guild.getSelfMember();
        List<IPostContainer> forums = new ArrayList<>();
        for (long id : config.channels().support()) {
            GuildChannel channel = guild.getGuildChannelById(id);
            if (channel == null) {
                problems.add("channels.support: there is no channel " + id + " in " + guild.getName());
            } else if (channel instanceof IPostContainer forum) {
                forums.add(forum);
                permissions(problems, self, channel, Needs.Purpose.SUPPORT_FORUM);
                tag(problems, forum, "tags.tracked", config.tags().tracked(), "captured posts won't be tagged");
                tag(problems, forum, "tags.shipped", config.tags().shipped(), "shipped posts won't be tagged");
            } else if (channel.getType() == ChannelType.TEXT || channel.getType() == ChannelType.NEWS) {
                permissions(problems, self, channel, Needs.Purpose.SUPPORT_TEXT);
            } else {
                problems.add("channels.support: " + name(channel) + " is a " + kind(channel)
                        + " channel; support channels are forums or text channels");
            }
        }
        textChannel(problems, guild, self, config.channels().team(), Needs.Purpose.TEAM);
        textChannel(problems, guild, self, config.channels().releases(), Needs.Purpose.RELEASES);

        for (long id : config.engineerRoles()) {
            if (guild.getRoleById(id) == null)
                problems.add("roles.engineers: there is no role " + id + " in " + guild.getName());
        }
        // alerts ping the first engineer role; Discord drops a ping of a role that isn't mentionable by this bot
        Role alerted = config.engineerRoles().isEmpty()
                ? null
                : guild.getRoleById(config.engineerRoles().getFirst());
        GuildChannel team = guild.getGuildChannelById(config.channels().team());
        if (alerted != null
                && !alerted.isMentionable()
                && !(team == null
                        ? self.hasPermission(Permission.MESSAGE_MENTION_EVERYONE)
                        : self.hasPermission(team, Permission.MESSAGE_MENTION_EVERYONE))) {
            problems.add("roles.engineers: @" + alerted.getName() + " is not mentionable, so Fix it now alerts won't "
                    + "ping it (Server Settings > Roles > " + alerted.getName()
                    + " > Allow anyone to @mention this role)");
        }

        for (Config.Area area : config.areas()) {
            if (Members.find(guild, area.ownerId()) == null) {
                problems.add("areas: the owner of " + area.name() + " (" + area.ownerId() + ") is not a member of "
                        + guild.getName());
            }
            String tag = area.forumTag();
            if (tag != null
                    && !tag.isBlank()
                    && !forums.isEmpty()
                    && forums.stream()
                            .noneMatch(f -> !f.getAvailableTagsByName(tag, true).isEmpty())) {
                problems.add("areas: no support forum has the tag '" + tag + "' that marks posts as " + area.name());
            }
        }
        return problems;
    }

    private static void textChannel(List<String> problems, Guild guild, Member self, long id, Needs.Purpose purpose) {
        GuildChannel channel = guild.getGuildChannelById(id);
        if (channel == null) {
            problems.add(purpose.key() + ": there is no channel " + id + " in " + guild.getName());
        } else if (channel.getType() != ChannelType.TEXT && channel.getType() != ChannelType.NEWS) {
            problems.add(purpose.key() + ": " + name(channel) + " is a " + kind(channel)
                    + " channel; it must be a text channel");
        } else {
            permissions(problems, self, channel, purpose);
        }
    }

    private static void permissions(List<String> problems, Member self, GuildChannel channel, Needs.Purpose purpose) {
        Set<Permission> has = self.getPermissions(channel);
        EnumSet<Permission> missing = EnumSet.copyOf(Needs.in(purpose));
        missing.removeAll(has);
        for (Permission p : Needs.WHY.keySet()) {
            if (missing.contains(p)) {
                problems.add(purpose.key() + ": Loop lacks " + Needs.label(p) + " in " + name(channel) + " ("
                        + Needs.WHY.get(p) + ")");
            }
        }
    }

    private static void tag(List<String> problems, IPostContainer forum, String key, String tag, String consequence) {
        if (tag == null || tag.isBlank()) return;
        List<ForumTag> found = forum.getAvailableTagsByName(tag, true);
        if (found.isEmpty()) {
            problems.add(key + ": forum #" + forum.getName() + " has no tag '" + tag + "', so " + consequence);
        }
    }

    private static String name(GuildChannel channel) {
        return "#" + channel.getName();
    }

    private static String kind(GuildChannel channel) {
        return channel.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
