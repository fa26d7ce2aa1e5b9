package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reactions on messages and the MESSAGE_REACTION events they raise.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class ReactionRules {
    private final World world;

    ReactionRules(World world) {
        this.world = world;
    }

    /** @return false when the user had already reacted with that emoji (no event, like Discord) */
    boolean addReaction(MessageState m, UserState u, String key, JsonNode emoji) {
        synchronized (m.reactions) {
            MessageState.Reaction r = m.reactions.get(key);
            if (r == null) {
                if (m.reactions.size() >= 20) {
                    throw ApiError.tooManyReactions();
                }
                r = new MessageState.Reaction(emoji);
                m.reactions.put(key, r);
            }
            if (!r.users.add(u.id)) {
                return false;
            }
        }
        ChannelState c = m.channel;
        if (m.ephemeralTo == 0 && world.botCanView(c)) {
            ObjectNode d = reactionEvent(m, u, emoji);
            if (c.guild != null) {
                MemberState member = c.guild.members.get(u.id);
                if (member != null) {
                    d.set("member", world.views.member(member, true));
                }
            }
            d.put("message_author_id", Json.str(m.author.id));
            d.put("burst", false);
            d.putArray("burst_colors");
            world.dispatch("MESSAGE_REACTION_ADD", reactionIntent(c), d, null);
        }
        return true;
    }

    boolean removeReaction(MessageState m, UserState u, String key) {
        JsonNode emoji;
        synchronized (m.reactions) {
            MessageState.Reaction r = m.reactions.get(key);
            if (r == null || !r.users.remove(u.id)) {
                return false;
            }
            emoji = r.emoji;
            if (r.users.isEmpty()) {
                m.reactions.remove(key);
            }
        }
        if (m.ephemeralTo == 0 && world.botCanView(m.channel)) {
            ObjectNode d = reactionEvent(m, u, emoji);
            d.put("burst", false);
            world.dispatch("MESSAGE_REACTION_REMOVE", reactionIntent(m.channel), d, null);
        }
        return true;
    }

    private ObjectNode reactionEvent(MessageState m, UserState u, JsonNode emoji) {
        ObjectNode d = userOnMessage(m, u);
        d.set("emoji", emoji);
        d.put("type", 0);
        return d;
    }

    /** The start of an event about what a user did to a message (a reaction, a poll vote). */
    static ObjectNode userOnMessage(MessageState m, UserState u) {
        ObjectNode d = Json.obj();
        d.put("user_id", Json.str(u.id));
        d.put("channel_id", Json.str(m.channel.id));
        d.put("message_id", Json.str(m.id));
        if (m.channel.guild != null) {
            d.put("guild_id", Json.str(m.channel.guild.id));
        }
        return d;
    }

    private static int reactionIntent(ChannelState c) {
        return c.guild == null ? Intents.DIRECT_MESSAGE_REACTIONS : Intents.GUILD_MESSAGE_REACTIONS;
    }
}
