package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages: creating (with nonce deduplication), editing and deleting them, who they ping, their attachments,
 * embeds and component ids, and the MESSAGE events that follow.
 *
 * <p>Part of the {@link World}: every method expects the caller to hold the world's lock.
 */
final class MessageRules {
    /** How a message came to be, which decides its type, defaults and visibility. */
    record Origin(int type, InteractionState interaction, boolean usersOnlyByDefault, long ephemeralTo, long forcedId) {
        static final Origin USER = new Origin(MessageState.TYPE_DEFAULT, null, false, 0, 0);
    }

    // author:nonce -> {message id, when (the simulator's clock, so a test can move past the window)}
    private final Map<String, long[]> nonces = new HashMap<>();
    private final World world;

    MessageRules(World world) {
        this.world = world;
    }

    private static int messageIntent(ChannelState c) {
        return c.guild == null ? Intents.DIRECT_MESSAGES : Intents.GUILD_MESSAGES;
    }

    MessageState createMessage(ChannelState c, UserState author, MessageSpec spec, Origin origin) {
        String nonceKey = null;
        if (spec.enforceNonce && spec.nonce != null && origin.interaction == null) {
            nonceKey = author.id + ":" + spec.nonce.asText();
            long[] seen = nonces.get(nonceKey);
            if (seen != null
                    && world.now() - seen[1] < world.options.nonceWindow().toMillis()) {
                MessageState earlier = world.messages.get(seen[0]);
                if (earlier == null || earlier.deleted) {
                    throw ApiError.unknownMessage();
                }
                return earlier;
            }
        }
        boolean hasEmbeds = spec.embeds != null && !spec.embeds.isEmpty();
        boolean hasComponents = spec.components != null && !spec.components.isEmpty();
        if (!spec.hasContent()
                && !hasEmbeds
                && !hasComponents
                && spec.uploads.isEmpty()
                && spec.poll == null
                && !spec.hasStickers) {
            throw ApiError.emptyMessage();
        }
        int type = origin.type;
        MessageState replyTo = null;
        JsonNode reference = null;
        if (spec.messageReference != null) {
            JsonNode ref = spec.messageReference;
            long targetId = Json.id(ref.get("message_id"));
            MessageState target = world.messages.get(targetId);
            boolean failIfMissing = ref.path("fail_if_not_exists").asBoolean(true);
            if (target == null || target.deleted || target.channel != c) {
                if (failIfMissing) {
                    throw FormErrors.single("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
                }
            } else {
                replyTo = target;
                ObjectNode r = Json.obj();
                r.put("type", 0);
                r.put("message_id", Json.str(target.id));
                r.put("channel_id", Json.str(c.id));
                if (c.guild != null) {
                    r.put("guild_id", Json.str(c.guild.id));
                }
                reference = r;
                if (type == MessageState.TYPE_DEFAULT) {
                    type = MessageState.TYPE_REPLY;
                }
            }
        }
        long id = origin.forcedId != 0 ? origin.forcedId : world.ids.next();
        MessageState m = new MessageState(id, c, author, type, world.now());
        m.content = spec.content == null ? "" : spec.content;
        m.embeds = spec.embeds == null ? Json.arr() : normalizeEmbeds(spec.embeds);
        m.components = spec.components == null ? Json.arr() : numberComponents(spec.components);
        m.attachments = attachmentsFrom(c, spec, List.of());
        int flags = Limits.settableFlags(spec.flags == null ? 0 : spec.flags, origin.interaction != null);
        if (origin.ephemeralTo != 0) {
            flags |= MessageState.FLAG_EPHEMERAL;
        }
        m.flags = flags;
        m.tts = spec.tts;
        m.nonce = spec.nonce;
        m.messageReference = reference;
        m.referencedMessageId = replyTo == null ? 0 : replyTo.id;
        m.interaction = origin.interaction;
        m.ephemeralTo = origin.ephemeralTo;
        if (spec.poll != null) {
            m.poll = world.pollRules.createPoll(spec.poll);
        }
        m.pings = computePings(
                c, author, m, spec.allowedMentions, origin.usersOnlyByDefault, replyTo == null ? 0 : replyTo.author.id);
        store(m);
        if (nonceKey != null) {
            nonces.put(nonceKey, new long[] {m.id, world.now()});
        }
        return m;
    }

    /** Files a new message: history, thread bookkeeping, ping log and MESSAGE_CREATE. */
    void store(MessageState m) {
        ChannelState c = m.channel;
        world.messages.put(m.id, m);
        if (m.ephemeralTo != 0) {
            UserState viewer = world.users.get(m.ephemeralTo);
            if (viewer != null) {
                viewer.ephemerals.add(m);
            }
            return; // ephemeral world.messages never reach the world.bot's world.gateway in a usable form (JDA drops
            // them)
        }
        c.messages.put(m.id, m);
        c.lastMessageId = m.id;
        if (c.isThread()) {
            if (m.id != c.id) {
                c.messageCount++;
                c.totalMessageSent++;
            }
            c.threadMembers.add(m.author.id);
            if (c.archived && !c.locked) {
                world.channelRules.archive(c, false);
                world.channelRules.channelUpdated(c);
            }
        }
        if (m.pings.any()) {
            world.mentionLog.add(m);
        }
        if (world.botCanView(c)) {
            world.dispatch(
                    "MESSAGE_CREATE",
                    messageIntent(c),
                    messageEvent(m, true),
                    world.contentExempt(m) ? null : messageEvent(m, false));
        }
    }

    /** The "Bot is thinking..." message of a type-5 deferred reply, filled in later by an @original edit. */
    MessageState createLoading(InteractionState i, int type, boolean ephemeral) {
        MessageState m = new MessageState(world.ids.next(), i.channel, world.bot, type, world.now());
        m.flags = MessageState.FLAG_LOADING | (ephemeral ? MessageState.FLAG_EPHEMERAL : 0);
        m.interaction = i;
        m.ephemeralTo = ephemeral ? i.user.id : 0;
        store(m);
        return m;
    }

    ObjectNode messageEvent(MessageState m, boolean readable) {
        ObjectNode d = world.views.message(m, readable);
        ChannelState c = m.channel;
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
            MemberState member = c.guild.members.get(m.author.id);
            if (member != null && m.interaction == null) {
                d.set("member", world.views.member(member, false));
            }
        }
        d.put("channel_type", c.type);
        return d;
    }

    void messageUpdated(MessageState m) {
        if (m.ephemeralTo != 0 || m.deleted || !world.botCanView(m.channel)) {
            return;
        }
        world.dispatch(
                "MESSAGE_UPDATE",
                messageIntent(m.channel),
                messageEvent(m, true),
                world.contentExempt(m) ? null : messageEvent(m, false));
    }

    MessageState.Pings computePings(
            ChannelState c,
            UserState author,
            MessageState m,
            JsonNode allowedMentions,
            boolean usersOnly,
            long repliedUserId) {
        String text = mentionText(m);
        GuildState g = c.guild;
        MemberState sender = g == null ? null : g.members.get(author.id);
        boolean canEveryone = g != null && sender != null && Perms.has(Perms.in(c, sender), Perms.MENTION_EVERYONE);
        Mentions.Context ctx = new Mentions.Context() {
            @Override
            public boolean userExists(long userId) {
                return g == null ? world.users.containsKey(userId) : g.members.containsKey(userId);
            }

            @Override
            public boolean roleExists(long roleId) {
                return g != null && g.roles.containsKey(roleId) && roleId != g.id;
            }

            @Override
            public boolean roleMentionable(long roleId) {
                RoleState r = g == null ? null : g.roles.get(roleId);
                return r != null && r.mentionable;
            }

            @Override
            public boolean senderCanMentionEveryone() {
                return canEveryone;
            }
        };
        return Mentions.compute(text, allowedMentions, usersOnly, ctx, repliedUserId);
    }

    /** Content plus, for components V2, every text display: both ping. */
    private static String mentionText(MessageState m) {
        if ((m.flags & MessageState.FLAG_IS_COMPONENTS_V2) == 0) {
            return m.content;
        }
        StringBuilder sb = new StringBuilder(m.content);
        collectTextDisplays(m.components, sb);
        return sb.toString();
    }

    private static void collectTextDisplays(JsonNode components, StringBuilder sb) {
        for (JsonNode c : components) {
            if (c.path("type").asInt() == 10) {
                sb.append('\n').append(c.path("content").asText(""));
            }
            if (c.has("components")) {
                collectTextDisplays(c.get("components"), sb);
            }
        }
    }

    private static ArrayNode normalizeEmbeds(ArrayNode embeds) {
        ArrayNode out = Json.arr();
        for (JsonNode e : embeds) {
            ObjectNode copy = e.deepCopy();
            copy.put("type", "rich"); // Discord forces rich and drops provider/video
            copy.remove("provider");
            copy.remove("video");
            out.add(copy);
        }
        return out;
    }

    /** Discord fills in component {@code id}s (1, 2, ...) in document order when the sender leaves them out. */
    private static ArrayNode numberComponents(ArrayNode components) {
        ArrayNode copy = components.deepCopy();
        int[] next = {1};
        Set<Integer> used = new LinkedHashSet<>();
        collectIds(copy, used);
        assignIds(copy, used, next);
        return copy;
    }

    private static void collectIds(JsonNode nodes, Set<Integer> used) {
        for (JsonNode n : nodes) {
            int id = n.path("id").asInt(0);
            if (id != 0) {
                used.add(id);
            }
            if (n.has("components")) {
                collectIds(n.get("components"), used);
            }
            if (n.has("accessory")) {
                collectIds(Json.arr().add(n.get("accessory")), used);
            }
        }
    }

    private static void assignIds(JsonNode nodes, Set<Integer> used, int[] next) {
        for (JsonNode n : nodes) {
            if (n instanceof ObjectNode o && o.path("id").asInt(0) == 0) {
                while (used.contains(next[0])) {
                    next[0]++;
                }
                o.put("id", next[0]);
                used.add(next[0]);
            }
            if (n.has("components")) {
                assignIds(n.get("components"), used, next);
            }
            if (n.has("accessory")) {
                JsonNode acc = n.get("accessory");
                if (acc instanceof ObjectNode ao && ao.path("id").asInt(0) == 0) {
                    while (used.contains(next[0])) {
                        next[0]++;
                    }
                    ao.put("id", next[0]);
                    used.add(next[0]);
                }
            }
        }
    }

    private List<AttachmentState> attachmentsFrom(ChannelState c, MessageSpec spec, List<AttachmentState> existing) {
        List<AttachmentState> out = new ArrayList<>();
        Map<Integer, JsonNode> metaByIndex = new HashMap<>();
        Set<Long> keep = new LinkedHashSet<>();
        boolean listed = spec.attachmentsField != null && spec.attachmentsField.isArray();
        if (listed) {
            for (JsonNode a : spec.attachmentsField) {
                long aid = Json.id(a.get("id"));
                boolean isExisting = false;
                for (AttachmentState e : existing) {
                    if (e.id() == aid) {
                        keep.add(aid);
                        isExisting = true;
                    }
                }
                if (!isExisting) {
                    metaByIndex.put((int) aid, a);
                }
            }
        }
        for (AttachmentState e : existing) {
            if (!listed || keep.contains(e.id())) {
                out.add(e);
            }
        }
        for (Upload u : spec.uploads) {
            JsonNode meta = metaByIndex.get(u.index());
            String filename = meta != null && Json.has(meta, "filename")
                    ? meta.get("filename").asText()
                    : u.filename();
            String description = meta == null ? null : Json.text(meta, "description");
            long aid = world.ids.next();
            String url = "https://cdn.discordapp.com/attachments/" + c.id + "/" + aid + "/" + filename;
            out.add(new AttachmentState(aid, filename, u.contentType(), u.data(), description, url));
        }
        if (out.size() > Limits.ATTACHMENTS_MAX) {
            throw ApiError.of(400, 30015, "Maximum number of attachments in a message reached (10)");
        }
        return List.copyOf(out);
    }

    /** Applies an edit. Absent fields are untouched; content changes recompute pings from this edit's rules. */
    void editMessage(MessageState m, MessageSpec spec, boolean usersOnlyByDefault) {
        if (spec.poll != null) {
            throw ApiError.cannotEditPoll();
        }
        if (spec.contentPresent) {
            m.content = spec.content == null ? "" : spec.content;
        }
        if (spec.embeds != null) {
            m.embeds = normalizeEmbeds(spec.embeds);
        }
        if (spec.components != null) {
            m.components = numberComponents(spec.components);
        }
        if (spec.attachmentsField != null || !spec.uploads.isEmpty()) {
            m.attachments = attachmentsFrom(m.channel, spec, m.attachments);
        }
        if (spec.flags != null) {
            int f = m.flags;
            f = (spec.flags & MessageState.FLAG_SUPPRESS_EMBEDS) != 0
                    ? f | MessageState.FLAG_SUPPRESS_EMBEDS
                    : f & ~MessageState.FLAG_SUPPRESS_EMBEDS;
            if ((spec.flags & MessageState.FLAG_IS_COMPONENTS_V2) != 0) {
                f |= MessageState.FLAG_IS_COMPONENTS_V2;
            }
            m.flags = f;
        }
        boolean wasLoading = m.isLoading();
        if (wasLoading) {
            m.flags &= ~MessageState.FLAG_LOADING;
        }
        if (m.content.isBlank()
                && m.embeds.isEmpty()
                && m.components.isEmpty()
                && m.attachments.isEmpty()
                && m.poll == null) {
            throw ApiError.emptyMessage();
        }
        if (spec.contentPresent || spec.components != null) {
            boolean hadPings = m.pings.any();
            m.pings = computePings(m.channel, m.author, m, spec.allowedMentions, usersOnlyByDefault, 0);
            if (m.pings.any() && !hadPings && m.ephemeralTo == 0) {
                world.mentionLog.add(m);
            }
        }
        if (!wasLoading) {
            m.editedMs = world.now();
        }
        m.version++;
        messageUpdated(m);
    }

    void deleteMessage(MessageState m) {
        if (m.deleted) {
            return;
        }
        m.deleted = true;
        ChannelState c = m.channel;
        c.messages.remove(m.id);
        if (c.isThread() && m.id != c.id && m.ephemeralTo == 0) {
            c.messageCount = Math.max(0, c.messageCount - 1);
        }
        if (m.ephemeralTo != 0 || !world.botCanView(c)) {
            return;
        }
        ObjectNode d = Json.obj();
        d.put("id", Json.str(m.id));
        d.put("channel_id", Json.str(c.id));
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
        }
        world.dispatch("MESSAGE_DELETE", messageIntent(c), d, null);
    }
}
