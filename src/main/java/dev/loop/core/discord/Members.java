package dev.loop.core.discord;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Finds a member by id. Loop does not load every member of the server at start (50,000 members cost seconds of
 * start-up and megabytes of heap); JDA keeps the members it has recently seen in events, and anyone else is asked of
 * Discord. The member that came with an event is always the better source: use this only where there is none (a
 * message read back from history, a requester named in a GitHub body, an area owner checked at setup).
 */
public final class Members {

    private Members() {}

    /**
     * The member with this id, from JDA's cache or else asked of Discord (which blocks: never call it on JDA's event
     * thread); null when the guild is unknown or the person is not (or no longer) a member.
     */
    public static Member find(Guild guild, long userId) {
        if (guild == null) return null;
        Member cached = guild.getMemberById(userId);
        if (cached != null) return cached;
        try {
            return guild.retrieveMemberById(userId).complete();
        } catch (ErrorResponseException e) {
            return null; // unknown member or user: gone from the server
        }
    }
}
