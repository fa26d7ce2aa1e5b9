package dev.loop.triage;

import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.UserError;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * The engineer check for interactions that may come from a DM (a triage prompt sent after a reaction capture),
 * where Discord attaches no member: the person is looked up in Loop's guild instead.
 */
final class Access {

    private final Engineers engineers;
    private final long guildId;

    Access(Engineers engineers, long guildId) {
        this.engineers = engineers;
        this.guildId = guildId;
    }

    Engineers engineers() {
        return engineers;
    }

    /** Throws "Only engineers can {action}." unless the person behind the interaction is an engineer. */
    void requireEngineer(Interaction event, String action) {
        engineers.require(memberOf(event), action);
    }

    boolean isEngineer(Member member) {
        return engineers.isEngineer(member);
    }

    Member memberOf(Interaction event) {
        if (event.getMember() != null) return event.getMember();
        return memberOf(event.getJDA().getGuildById(guildId), event.getUser());
    }

    static Member memberOf(Guild guild, User user) {
        if (guild == null) throw new UserError("Loop can't see its server right now; try again in a minute.");
        Member cached = guild.getMember(user);
        if (cached != null) return cached;
        try {
            return guild.retrieveMember(user).complete();
        } catch (ErrorResponseException e) {
            return null;
        }
    }
}
