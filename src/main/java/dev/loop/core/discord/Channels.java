package dev.loop.core.discord;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.requests.RestActionImpl;

/**
 * Finding a channel by id when JDA may not have it. JDA caches active threads only: a forum post that went quiet
 * (archived) is unknown to it, yet people still run commands in it, and Loop still links, captures and tells people
 * there. JDA has no public "fetch a channel by id", so an uncached id is asked of Discord (GET /channels/{id})
 * through JDA's requester, which keeps JDA's rate-limit buckets, and JDA's entity builder caches the thread.
 */
public final class Channels {

    private Channels() {}

    /**
     * The text channel or thread with this id, from the cache or else from Discord. Empty when it no longer exists
     * or Loop may not see it. Blocking when not cached; call it on a worker.
     */
    public static Optional<GuildMessageChannel> find(JDA jda, long channelId) {
        GuildMessageChannel cached = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (cached != null) return Optional.of(cached);
        DataObject json;
        try {
            json = new RestActionImpl<DataObject>(
                            jda,
                            Route.Channels.GET_CHANNEL.compile(Long.toUnsignedString(channelId)),
                            (response, request) -> response.getObject())
                    .complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL
                    || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
                return Optional.empty();
            }
            throw e;
        }
        int type = json.getInt("type", -1);
        // only threads go uncached while they exist; anything else Loop can't see is as good as gone
        if (type != 10 && type != 11 && type != 12 || json.isNull("guild_id")) return Optional.empty();
        try {
            return Optional.of(
                    ((JDAImpl) jda).getEntityBuilder().createThreadChannel(json, json.getUnsignedLong("guild_id")));
        } catch (RuntimeException parentNotVisible) {
            return Optional.empty();
        }
    }
}
