package dev.loop.sim;

/**
 * A user's membership in a guild. Kept deliberately small (a user reference, a role id array and a join time)
 * so that guilds with tens of thousands of members stay cheap.
 */
final class MemberState {
    final UserState user;
    final GuildState guild;
    final long joinedAtMs;
    /** Replaced wholesale on change, never mutated in place. */
    volatile long[] roleIds;

    volatile String nick;

    MemberState(UserState user, GuildState guild, long joinedAtMs, long[] roleIds) {
        this.user = user;
        this.guild = guild;
        this.joinedAtMs = joinedAtMs;
        this.roleIds = roleIds;
    }

    boolean hasRole(long roleId) {
        for (long r : roleIds) {
            if (r == roleId) {
                return true;
            }
        }
        return false;
    }
}
