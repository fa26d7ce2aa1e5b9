package dev.loop.sim;

/** A guild role. Mutable fields are guarded by the world lock. */
final class RoleState {
    final long id;
    final GuildState guild;
    volatile String name;
    volatile long permissions;
    volatile int position;
    volatile boolean mentionable;
    volatile boolean hoist;
    volatile int color;
    /** The bot's integration role: managed, tagged with the bot id. 0 for ordinary roles. */
    final long botId;

    RoleState(long id, GuildState guild, String name, long permissions, int position, long botId) {
        this.id = id;
        this.guild = guild;
        this.name = name;
        this.permissions = permissions;
        this.position = position;
        this.botId = botId;
    }

    boolean isEveryone() {
        return id == guild.id;
    }
}
