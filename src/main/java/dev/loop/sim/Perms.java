package dev.loop.sim;

/** Discord permission bits and the permission algorithm (base permissions, then channel overwrites). */
final class Perms {
    static final long CREATE_INSTANT_INVITE = 1L;
    static final long KICK_MEMBERS = 1L << 1;
    static final long BAN_MEMBERS = 1L << 2;
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long MANAGE_GUILD = 1L << 5;
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long SEND_TTS_MESSAGES = 1L << 12;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long MENTION_EVERYONE = 1L << 17;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long CONNECT = 1L << 20;
    static final long SPEAK = 1L << 21;
    static final long CHANGE_NICKNAME = 1L << 26;
    static final long MANAGE_ROLES = 1L << 28;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long CREATE_PRIVATE_THREADS = 1L << 36;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long SEND_POLLS = 1L << 49;
    static final long PIN_MESSAGES = 1L << 51;

    /** Every bit Discord currently defines (through 1<<51). */
    static final long ALL = (1L << 52) - 1;

    /**
     * What {@code @everyone} gets in a new simulated guild: a typical community setup, notably without
     * MENTION_EVERYONE so that members typing @everyone ping nobody.
     */
    static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE
            | ADD_REACTIONS
            | VIEW_CHANNEL
            | SEND_MESSAGES
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY
            | USE_EXTERNAL_EMOJIS
            | CONNECT
            | SPEAK
            | CHANGE_NICKNAME
            | USE_APPLICATION_COMMANDS
            | CREATE_PUBLIC_THREADS
            | CREATE_PRIVATE_THREADS
            | SEND_MESSAGES_IN_THREADS
            | SEND_POLLS;

    private Perms() {}

    static boolean has(long perms, long bits) {
        return (perms & bits) == bits;
    }

    /** Guild-level permissions of a member (no channel overwrites). */
    static long base(MemberState member) {
        GuildState guild = member.guild;
        if (member.user.id == guild.ownerId) {
            return ALL;
        }
        RoleState everyone = guild.everyone();
        long perms = everyone == null ? 0 : everyone.permissions;
        for (long roleId : member.roleIds) {
            RoleState role = guild.roles.get(roleId);
            if (role != null) {
                perms |= role.permissions;
            }
        }
        return has(perms, ADMINISTRATOR) ? ALL : perms;
    }

    /** Permissions of a member in a channel; threads use their parent's overwrites. */
    static long in(ChannelState channel, MemberState member) {
        if (channel.guild == null) {
            return VIEW_CHANNEL
                    | SEND_MESSAGES
                    | READ_MESSAGE_HISTORY
                    | ADD_REACTIONS
                    | EMBED_LINKS
                    | ATTACH_FILES
                    | MENTION_EVERYONE
                    | USE_EXTERNAL_EMOJIS;
        }
        long base = base(member);
        if (base == ALL) {
            return ALL;
        }
        ChannelState target = channel;
        if (channel.isThread()) {
            ChannelState parent = channel.guild.channels.get(channel.parentId);
            if (parent != null) {
                target = parent;
            }
        }
        long perms = applyOverwrites(target, member, base);
        if (channel.isThread()) {
            if (channel.type == ChannelState.PRIVATE_THREAD
                    && !channel.threadMembers.contains(member.user.id)
                    && !has(perms, MANAGE_THREADS)) {
                return 0;
            }
            if (!has(perms, SEND_MESSAGES_IN_THREADS)) {
                perms &= ~(MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS);
            }
        } else if (!has(perms, SEND_MESSAGES)) {
            perms &= ~(MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS);
        }
        return has(perms, VIEW_CHANNEL) ? perms : 0;
    }

    private static long applyOverwrites(ChannelState channel, MemberState member, long perms) {
        long guildId = channel.guild.id;
        long roleAllow = 0;
        long roleDeny = 0;
        ChannelState.Overwrite memberOverwrite = null;
        for (ChannelState.Overwrite o : channel.overwrites) {
            if (o.id() == guildId) {
                perms &= ~o.deny();
                perms |= o.allow();
            } else if (o.type() == 0 && member.hasRole(o.id())) {
                roleAllow |= o.allow();
                roleDeny |= o.deny();
            } else if (o.type() == 1 && o.id() == member.user.id) {
                memberOverwrite = o;
            }
        }
        perms &= ~roleDeny;
        perms |= roleAllow;
        if (memberOverwrite != null) {
            perms &= ~memberOverwrite.deny();
            perms |= memberOverwrite.allow();
        }
        return perms;
    }

    /** The permission a message send needs in this channel. */
    static long sendPermission(ChannelState channel) {
        return channel.isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES;
    }
}
