package dev.loop.core.discord;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Who counts as an engineer: a member holding one of the configured roles. Loop re-checks this itself on every
 * engineer-only action, whatever Discord's command permissions say.
 */
public final class Engineers {
    private final Set<Long> roleIds;

    public Engineers(List<Long> roleIds) {
        this.roleIds = Set.copyOf(roleIds);
    }

    public boolean isEngineer(Member member) {
        if (member == null) return false;
        for (Role r : member.getRoles()) {
            if (roleIds.contains(r.getIdLong())) return true;
        }
        return false;
    }

    /** Throws the ephemeral "Only engineers can …" answer unless the member is an engineer. */
    public void require(Member member, String action) {
        if (!isEngineer(member)) throw new UserError("Only engineers can " + action + ".");
    }

    /** The role to ping when an alert has nobody more specific to address. */
    public long firstRoleId() {
        return roleIds.iterator().next();
    }

    public Set<Long> roleIds() {
        return roleIds;
    }
}
