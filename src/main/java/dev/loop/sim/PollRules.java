package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls: creating one from a message's payload, votes, and ending it with Discord's result message.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class PollRules {
    private final World world;

    PollRules(World world) {
        this.world = world;
    }

    PollState createPoll(JsonNode poll) {
        List<PollState.Answer> answers = new ArrayList<>();
        int n = 1;
        for (JsonNode a : poll.path("answers")) {
            JsonNode media = a.path("poll_media");
            JsonNode emoji = media.path("emoji");
            answers.add(new PollState.Answer(
                    n++, media.path("text").asText(), Json.text(emoji, "name"), Json.text(emoji, "id")));
        }
        int hours = poll.path("duration").asInt(24);
        long expiry = world.now() + Duration.ofHours(hours).toMillis();
        return new PollState(
                poll.path("question").path("text").asText(),
                List.copyOf(answers),
                poll.path("allow_multiselect").asBoolean(false),
                poll.path("layout_type").asInt(1),
                expiry);
    }

    boolean pollOpen(PollState p) {
        return !p.finalized && (p.expiryMs == 0 || world.now() < p.expiryMs);
    }

    void vote(MessageState m, UserState u, int[] answerIds) {
        PollState p = m.poll;
        if (p == null) {
            throw new IllegalArgumentException("message " + m.id + " has no poll");
        }
        if (!pollOpen(p)) {
            throw ApiError.pollExpired();
        }
        if (!p.multiselect && answerIds.length > 1) {
            throw new IllegalArgumentException("poll does not allow multiple answers");
        }
        if (!p.multiselect) {
            for (Map.Entry<Integer, Set<Long>> e : p.votes.entrySet()) {
                if (e.getValue().remove(u.id)) {
                    pollVoteEvent("MESSAGE_POLL_VOTE_REMOVE", m, u, e.getKey());
                }
            }
        }
        for (int answerId : answerIds) {
            Set<Long> voters = p.votes.get(answerId);
            if (voters == null) {
                throw new IllegalArgumentException("poll has no answer " + answerId);
            }
            if (voters.add(u.id)) {
                pollVoteEvent("MESSAGE_POLL_VOTE_ADD", m, u, answerId);
            }
        }
    }

    void unvote(MessageState m, UserState u, int answerId) {
        PollState p = m.poll;
        if (p == null || !pollOpen(p)) {
            throw ApiError.pollExpired();
        }
        Set<Long> voters = p.votes.get(answerId);
        if (voters != null && voters.remove(u.id)) {
            pollVoteEvent("MESSAGE_POLL_VOTE_REMOVE", m, u, answerId);
        }
    }

    private void pollVoteEvent(String type, MessageState m, UserState u, int answerId) {
        if (!world.botCanView(m.channel)) {
            return;
        }
        ObjectNode d = ReactionRules.userOnMessage(m, u);
        d.put("answer_id", answerId);
        world.dispatch(
                type, m.channel.guild == null ? Intents.DIRECT_MESSAGE_POLLS : Intents.GUILD_MESSAGE_POLLS, d, null);
    }

    /**
     * Ends a poll: final results on the poll message (MESSAGE_UPDATE) and a type-46 POLL_RESULT message from the
     * poll's author, who is mentioned, referencing the poll.
     */
    MessageState endPoll(MessageState m) {
        PollState p = m.poll;
        if (p == null) {
            throw ApiError.notAPoll();
        }
        if (p.finalized) {
            throw ApiError.pollExpired();
        }
        p.finalized = true;
        p.expiryMs = world.now();
        world.messageRules.messageUpdated(m);

        PollState.Answer victor = null;
        int best = 0;
        boolean tie = false;
        for (PollState.Answer a : p.answers) {
            int n = p.count(a.id());
            if (n > best) {
                best = n;
                victor = a;
                tie = false;
            } else if (n == best && n > 0) {
                tie = true;
            }
        }
        ObjectNode embed = Json.obj();
        embed.put("type", "poll_result");
        ArrayNode fields = embed.putArray("fields");
        field(fields, "poll_question_text", p.question);
        field(fields, "victor_answer_votes", Integer.toString(tie ? 0 : best));
        field(fields, "total_votes", Integer.toString(p.total()));
        if (victor != null && !tie) {
            field(fields, "victor_answer_id", Integer.toString(victor.id()));
            field(fields, "victor_answer_text", victor.text());
            if (victor.emojiId() != null) {
                field(fields, "victor_answer_emoji_id", victor.emojiId());
            }
            if (victor.emojiName() != null) {
                field(fields, "victor_answer_emoji_name", victor.emojiName());
            }
        }
        ChannelState c = m.channel;
        MessageState result =
                new MessageState(world.ids.next(), c, m.author, MessageState.TYPE_POLL_RESULT, world.now());
        result.embeds = Json.arr().add(embed);
        result.pollResultEmbed = embed;
        ObjectNode ref = Json.obj();
        ref.put("type", 0);
        ref.put("message_id", Json.str(m.id));
        ref.put("channel_id", Json.str(c.id));
        if (c.guild != null) {
            ref.put("guild_id", Json.str(c.guild.id));
        }
        result.messageReference = ref;
        result.pings = new MessageState.Pings(Set.of(m.author.id), Set.of(), false);
        world.messageRules.store(result);
        return result;
    }

    private static void field(ArrayNode fields, String name, String value) {
        ObjectNode f = fields.addObject();
        f.put("name", name);
        f.put("value", value);
        f.put("inline", false);
    }
}
