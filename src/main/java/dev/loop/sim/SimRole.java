package dev.loop.sim;

import net.dv8tion.jda.api.Permission;

/** A guild role. Changes are sent to the bot as GUILD_ROLE_UPDATE. */
public final class SimRole {
    private final World world;
    final RoleState state;

    SimRole(World world, RoleState state) {
        this.world = world;
        this.state = state;
    }

    public long id() {
        return state.id;
    }

    public String name() {
        return state.name;
    }

    public long permissions() {
        return state.permissions;
    }

    /** {@code <@&id>} */
    public String mention() {
        return state.isEveryone() ? "@everyone" : "<@&" + state.id + ">";
    }

    public SimRole setPermissions(long raw) {
        world.run(() -> {
            state.permissions = raw;
            world.guildRules.roleUpdated(state);
        });
        return this;
    }

    public SimRole setPermissions(Permission... permissions) {
        return setPermissions(Permission.getRaw(permissions));
    }

    public SimRole setMentionable(boolean mentionable) {
        world.run(() -> {
            state.mentionable = mentionable;
            world.guildRules.roleUpdated(state);
        });
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimRole r && r.state.id == state.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state.id);
    }

    @Override
    public String toString() {
        return "@" + state.name;
    }
}
