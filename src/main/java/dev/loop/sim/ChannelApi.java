package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/** Channels, messages, reactions, threads, polls and pins. */
final class ChannelApi extends ApiSupport {
    private static final Set<Integer> AUTO_ARCHIVE = Set.of(60, 1440, 4320, 10080);

    ChannelApi(World world) {
        super(world);
    }

    void register(RestServer s) {
        s.route("GET", "channels/{channel_id}", this::getChannel);
        s.route("PATCH", "channels/{channel_id}", this::patchChannel);
        s.route("DELETE", "channels/{channel_id}", this::deleteChannel);
        s.route("GET", "channels/{channel_id}/messages", this::history);
        s.route("POST", "channels/{channel_id}/messages", this::postMessage);
        s.route("GET", "channels/{channel_id}/messages/{message_id}", this::getMessage);
        s.route("PATCH", "channels/{channel_id}/messages/{message_id}", this::editMessage);
        s.route("DELETE", "channels/{channel_id}/messages/{message_id}", this::deleteMessage);
        s.route("POST", "channels/{channel_id}/messages/bulk-delete", this::bulkDelete);
        s.route("PUT", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", this::react);
        s.route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", this::unreact);
        s.route(
                "DELETE",
                "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/{user_id}",
                this::removeUserReaction);
        s.route("GET", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}", this::reactionUsers);
        s.route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions", this::clearReactions);
        s.route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}", this::clearEmoji);
        s.route("POST", "channels/{channel_id}/threads", this::startThread);
        s.route("POST", "channels/{channel_id}/messages/{message_id}/threads", this::startThreadFromMessage);
        s.route("PUT", "channels/{channel_id}/thread-members/@me", r -> joinThread(r, true));
        s.route("DELETE", "channels/{channel_id}/thread-members/@me", r -> joinThread(r, false));
        s.route("GET", "channels/{channel_id}/thread-members", this::threadMembers);
        s.route("GET", "channels/{channel_id}/threads/archived/public", this::archivedPublic);
        s.route("POST", "channels/{channel_id}/polls/{message_id}/expire", this::expirePoll);
        s.route("GET", "channels/{channel_id}/polls/{message_id}/answers/{answer_id}", this::pollVoters);
        s.route("POST", "channels/{channel_id}/typing", r -> {
            visibleChannel(r);
            return Response.NO_CONTENT;
        });
        s.route("PUT", "channels/{channel_id}/pins/{message_id}", r -> pin(r, true));
        s.route("DELETE", "channels/{channel_id}/pins/{message_id}", r -> pin(r, false));
        s.route("PUT", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, true));
        s.route("DELETE", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, false));
        s.route("GET", "channels/{channel_id}/pins", this::pins);
        s.route("GET", "channels/{channel_id}/messages/pins", this::pins);
    }

    // ------------------------------------------------------------------------------------------- channels

    private Response getChannel(Request r) {
        return Response.ok(world.views.channel(visibleChannel(r)));
    }

    private Response patchChannel(Request r) {
        ChannelState c = visibleChannel(r);
        JsonNode b = body(r);
        if (c.isThread()) {
            patchThread(c, b);
        } else if (c.guild != null) {
            patchGuildChannel(c, b);
        } else {
            throw ApiError.missingPermissions();
        }
        return Response.ok(world.views.channel(c));
    }

    private void patchThread(ChannelState t, JsonNode b) {
        long perms = botPerms(t);
        boolean manage = Perms.has(perms, Perms.MANAGE_THREADS);
        boolean owner = t.ownerId == world.bot.id;
        boolean unarchive = b.has("archived") && !b.get("archived").asBoolean();
        boolean archive = b.has("archived") && b.get("archived").asBoolean();
        if (t.archived && !unarchive) {
            for (var it = b.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("archived")) {
                    throw ApiError.threadArchived(); // includes locking an archived thread (dad#6928)
                }
            }
        }
        FormErrors errors = new FormErrors();
        String name = Json.text(b, "name");
        if (b.has("name")) {
            if (name == null || Limits.length(name) < 1 || Limits.length(name) > Limits.THREAD_NAME_MAX) {
                errors.badLength("name", 1, Limits.THREAD_NAME_MAX);
            }
            if (!manage && !owner) {
                throw ApiError.missingPermissions();
            }
        }
        if (b.has("auto_archive_duration")
                && !AUTO_ARCHIVE.contains(b.get("auto_archive_duration").asInt())) {
            errors.add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
        }
        long[] tags = null;
        if (b.has("applied_tags")) {
            tags = appliedTags(t.guild.channels.get(t.parentId), b.get("applied_tags"), manage, t.appliedTags, errors);
            if (!manage && !owner) {
                throw ApiError.missingPermissions();
            }
        }
        errors.throwIfAny();
        if (b.has("locked") && b.get("locked").asBoolean() != t.locked && !manage) {
            throw ApiError.missingPermissions();
        }
        if (archive && !t.archived && !manage && !owner) {
            throw ApiError.missingPermissions();
        }
        if (unarchive && t.archived) {
            if (t.locked && !manage && !(b.has("locked") && !b.get("locked").asBoolean() && manage)) {
                throw ApiError.missingPermissions();
            }
            if (!Perms.has(perms, Perms.SEND_MESSAGES_IN_THREADS) && !manage) {
                throw ApiError.missingPermissions();
            }
        }
        if (name != null) {
            t.name = name;
        }
        if (b.has("auto_archive_duration")) {
            t.autoArchiveMinutes = b.get("auto_archive_duration").asInt();
            t.archiveTimestampMs = world.now();
        }
        if (tags != null) {
            t.appliedTags = tags;
        }
        if (b.has("locked")) {
            t.locked = b.get("locked").asBoolean();
        }
        if (b.has("invitable")) {
            t.invitable = b.get("invitable").asBoolean();
        }
        if (b.has("rate_limit_per_user")) {
            t.rateLimitPerUser = b.get("rate_limit_per_user").asInt();
        }
        if (b.has("flags")) {
            t.flags = b.get("flags").asInt() & ChannelState.FLAG_PINNED;
        }
        if (b.has("archived")) {
            world.channelRules.archive(t, b.get("archived").asBoolean());
            if (t.archived) {
                t.flags &= ~ChannelState.FLAG_PINNED;
            }
        }
        world.channelRules.channelUpdated(t);
    }

    /** Validates {@code applied_tags} against a forum: at most 5, known ids, moderated tags need MANAGE_THREADS. */
    static long[] appliedTags(ChannelState forum, JsonNode tagsNode, boolean manage, long[] before, FormErrors errors) {
        if (tagsNode == null || tagsNode.isNull()) {
            return new long[0];
        }
        if (tagsNode.size() > Limits.APPLIED_TAGS_MAX) {
            errors.maxLength("applied_tags", Limits.APPLIED_TAGS_MAX);
            return null;
        }
        long[] out = new long[tagsNode.size()];
        Set<Long> previous = new HashSet<>();
        for (long id : before) {
            previous.add(id);
        }
        Set<Long> next = new HashSet<>();
        for (int i = 0; i < tagsNode.size(); i++) {
            long id = Json.id(tagsNode.get(i));
            ChannelState.Tag tag = forum == null ? null : forum.tag(id);
            if (tag == null) {
                throw ApiError.unknownTag();
            }
            if (tag.moderated() && !manage && !previous.contains(id)) {
                throw ApiError.missingPermissions();
            }
            out[i] = id;
            next.add(id);
        }
        if (forum != null && !manage) {
            for (long id : before) {
                ChannelState.Tag tag = forum.tag(id);
                if (tag != null && tag.moderated() && !next.contains(id)) {
                    throw ApiError.missingPermissions();
                }
            }
        }
        return out;
    }

    private void patchGuildChannel(ChannelState c, JsonNode b) {
        require(c, Perms.MANAGE_CHANNELS);
        FormErrors errors = new FormErrors();
        if (b.has("name")) {
            String name = Json.text(b, "name");
            if (name == null || Limits.length(name) < 1 || Limits.length(name) > 100) {
                errors.badLength("name", 1, 100);
            }
        }
        if (b.has("available_tags") && b.get("available_tags").size() > 20) {
            throw ApiError.of(400, 30048, "Maximum number of tags in a forum channel has been reached (20)");
        }
        errors.throwIfAny();
        if (b.has("name")) {
            c.name = b.get("name").asText();
        }
        if (b.has("topic")) {
            c.topic = Json.text(b, "topic");
        }
        if (b.has("position")) {
            c.position = b.get("position").asInt();
        }
        if (b.has("flags")) {
            c.flags = b.get("flags").asInt();
        }
        if (b.has("rate_limit_per_user")) {
            c.rateLimitPerUser = b.get("rate_limit_per_user").asInt();
        }
        if (b.has("available_tags") && c.isForum()) {
            List<ChannelState.Tag> tags = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (JsonNode t : b.get("available_tags")) {
                String name = t.path("name").asText();
                if (!names.add(name.toLowerCase())) {
                    throw ApiError.of(400, 40061, "Tag names must be unique");
                }
                long id = Json.id(t.get("id"));
                tags.add(new ChannelState.Tag(
                        id == 0 ? world.ids.next() : id,
                        name,
                        t.path("moderated").asBoolean(false),
                        Json.text(t, "emoji_name")));
            }
            c.availableTags.clear();
            c.availableTags.addAll(tags);
        }
        world.channelRules.channelUpdated(c);
    }

    private Response deleteChannel(Request r) {
        ChannelState c = visibleChannel(r);
        if (c.isThread()) {
            require(c, Perms.MANAGE_THREADS);
        } else if (c.guild != null) {
            require(c, Perms.MANAGE_CHANNELS);
        }
        ObjectNode json = world.views.channel(c);
        if (c.guild != null) {
            world.channelRules.deleteChannel(c);
        }
        return Response.ok(json);
    }

    // ------------------------------------------------------------------------------------------- messages

    private Response history(Request r) {
        ChannelState c = visibleChannel(r);
        int limit = intParam(r, "limit", 50, 1, 100);
        long before = snowflakeParam(r, "before");
        long after = snowflakeParam(r, "after");
        long around = snowflakeParam(r, "around");
        ArrayNode out = Json.arr();
        if (c.guild != null && !Perms.has(botPerms(c), Perms.READ_MESSAGE_HISTORY)) {
            return Response.ok(out); // Discord answers an empty list, not an error
        }
        List<MessageState> page = new ArrayList<>();
        NavigableMap<Long, MessageState> all = c.messages;
        if (around != 0) {
            int older = limit / 2;
            List<MessageState> newer = new ArrayList<>();
            for (MessageState m : all.tailMap(around, true).values()) {
                if (newer.size() >= limit - older) {
                    break;
                }
                newer.add(m);
            }
            List<MessageState> olderList = new ArrayList<>();
            for (MessageState m : all.headMap(around, false).descendingMap().values()) {
                if (olderList.size() >= older) {
                    break;
                }
                olderList.add(m);
            }
            for (int i = newer.size() - 1; i >= 0; i--) {
                page.add(newer.get(i));
            }
            page.addAll(olderList);
        } else if (after != 0 || !r.query.getOrDefault("after", "").isEmpty()) {
            // after=0 is a real anchor (JDA's getHistoryFromBeginning): the oldest messages
            List<MessageState> asc = new ArrayList<>();
            for (MessageState m : all.tailMap(after, false).values()) {
                if (asc.size() >= limit) {
                    break;
                }
                asc.add(m);
            }
            for (int i = asc.size() - 1; i >= 0; i--) {
                page.add(asc.get(i));
            }
        } else {
            NavigableMap<Long, MessageState> view = before != 0 ? all.headMap(before, false) : all;
            for (MessageState m : view.descendingMap().values()) {
                if (page.size() >= limit) {
                    break;
                }
                page.add(m);
            }
        }
        for (MessageState m : page) {
            out.add(world.views.message(m, world.restCanReadContent(m)));
        }
        return Response.ok(out);
    }

    private Response getMessage(Request r) {
        ChannelState c = visibleChannel(r);
        require(c, Perms.READ_MESSAGE_HISTORY);
        MessageState m = message(c, r.id("message_id"));
        return Response.ok(world.views.message(m, world.restCanReadContent(m)));
    }

    private Response postMessage(Request r) {
        ChannelState c = channel(r);
        FormErrors errors = new FormErrors();
        MessageSpec spec = MessageSpec.parse(r.json(), r.uploads(), MessageSpec.Kind.CREATE, "", errors);
        if (c.isDm()) {
            UserState recipient = c.recipient;
            // Closed DMs, a blocked bot, or no guild in common all look the same to the bot.
            if (recipient == null || !recipient.dmsOpen || !world.sharesGuildWithBot(recipient)) {
                throw ApiError.cannotMessageUser(403);
            }
        } else {
            if (!world.botCanView(c)) {
                throw ApiError.missingAccess();
            }
            if (c.isForum() || !c.isMessageable()) {
                throw ApiError.nonTextChannel();
            }
        }
        errors.throwIfAny();
        world.channelRules.checkCanPost(c, botMember(c), spec);
        if (c.guild != null && spec.embeds != null && !spec.embeds.isEmpty()) {
            require(c, Perms.EMBED_LINKS);
        }
        MessageState m = world.messageRules.createMessage(c, world.bot, spec, MessageRules.Origin.USER);
        return Response.ok(world.views.message(m, true));
    }

    private Response editMessage(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        JsonNode b = body(r);
        if (m.author != world.bot) {
            boolean flagsOnly = b.size() == 1 && b.has("flags");
            if (!flagsOnly) {
                throw ApiError.cannotEditOthers();
            }
            require(c, Perms.MANAGE_MESSAGES);
        }
        world.channelRules.checkThreadActive(c, botMember(c));
        FormErrors errors = new FormErrors();
        MessageSpec spec = MessageSpec.parse(b, r.uploads(), MessageSpec.Kind.EDIT, "", errors);
        if (m.poll != null && (spec.contentPresent || spec.embeds != null || spec.poll != null)) {
            throw ApiError.cannotEditPoll();
        }
        errors.throwIfAny();
        world.messageRules.editMessage(m, spec, false);
        return Response.ok(world.views.message(m, true));
    }

    private Response deleteMessage(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        if ((m.type >= 1 && m.type <= 5) || m.type == MessageState.TYPE_THREAD_STARTER) {
            throw ApiError.systemMessage();
        }
        if (m.author != world.bot) {
            if (c.guild == null) {
                throw ApiError.of(403, 50003, "Cannot execute action on a DM channel");
            }
            require(c, Perms.MANAGE_MESSAGES);
        }
        world.messageRules.deleteMessage(m);
        return Response.NO_CONTENT;
    }

    private Response bulkDelete(Request r) {
        ChannelState c = visibleChannel(r);
        if (c.guild == null) {
            throw ApiError.of(403, 50003, "Cannot execute action on a DM channel");
        }
        require(c, Perms.MANAGE_MESSAGES);
        JsonNode ids = body(r).path("messages");
        if (ids.size() < 2 || ids.size() > 100) {
            throw ApiError.of(
                    400,
                    50016,
                    "Provided too few or too many messages to delete. Must provide at least"
                            + " 2 and fewer than 100 messages to delete.");
        }
        Set<Long> seen = new HashSet<>();
        long twoWeeksAgo = world.now() - 14L * 24 * 3600 * 1000;
        for (JsonNode n : ids) {
            long id = Json.id(n);
            if (!seen.add(id)) {
                throw FormErrors.single("messages", "BASE_TYPE_DUPLICATES", "Duplicate values are not allowed.");
            }
            if (Snowflakes.timestampMs(id) < twoWeeksAgo) {
                throw ApiError.of(400, 50034, "You can only bulk delete messages that are under 14 days old.");
            }
        }
        List<String> deleted = new ArrayList<>();
        for (long id : seen) {
            MessageState m = c.messages.get(id);
            if (m != null && !m.deleted) {
                m.deleted = true;
                c.messages.remove(id);
                deleted.add(Json.str(id));
            }
        }
        ObjectNode d = Json.obj();
        ArrayNode idsOut = d.putArray("ids");
        deleted.forEach(idsOut::add);
        d.put("channel_id", Json.str(c.id));
        d.put("guild_id", Json.str(c.guild.id));
        world.dispatch("MESSAGE_DELETE_BULK", Intents.GUILD_MESSAGES, d, null);
        return Response.NO_CONTENT;
    }

    // ------------------------------------------------------------------------------------------ reactions

    /** Emoji path segment: a unicode emoji, or {@code name:id} for a custom emoji (none exist here: 10014). */
    static JsonNode parseEmoji(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiError.unknownEmoji();
        }
        if (raw.contains(":")) {
            throw ApiError.unknownEmoji();
        }
        boolean ascii = raw.chars().allMatch(ch -> ch < 128);
        if (ascii) {
            throw ApiError.unknownEmoji(); // e.g. "thumbsup" or an unencoded name
        }
        return Views.emoji(raw, null);
    }

    private Response react(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        String key = r.param("emoji");
        JsonNode emoji = parseEmoji(key);
        require(c, Perms.READ_MESSAGE_HISTORY);
        boolean exists;
        synchronized (m.reactions) {
            exists = m.reactions.containsKey(key);
        }
        if (!exists) {
            require(c, Perms.ADD_REACTIONS);
        }
        world.channelRules.checkThreadActive(c, botMember(c));
        world.reactionRules.addReaction(m, world.bot, key, emoji);
        return Response.NO_CONTENT;
    }

    private Response unreact(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        parseEmoji(r.param("emoji"));
        world.channelRules.checkThreadActive(c, botMember(c));
        world.reactionRules.removeReaction(m, world.bot, r.param("emoji"));
        return Response.NO_CONTENT;
    }

    private Response removeUserReaction(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        parseEmoji(r.param("emoji"));
        UserState u = world.users.get(r.id("user_id"));
        if (u == null) {
            throw ApiError.unknownUser();
        }
        if (u != world.bot) {
            require(c, Perms.MANAGE_MESSAGES);
        }
        world.channelRules.checkThreadActive(c, botMember(c));
        world.reactionRules.removeReaction(m, u, r.param("emoji"));
        return Response.NO_CONTENT;
    }

    private Response reactionUsers(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        parseEmoji(r.param("emoji"));
        int limit = intParam(r, "limit", 25, 1, 100);
        long after = snowflakeParam(r, "after");
        ArrayNode out = Json.arr();
        synchronized (m.reactions) {
            MessageState.Reaction reaction = m.reactions.get(r.param("emoji"));
            if (reaction != null) {
                List<Long> ids = new ArrayList<>(reaction.users);
                ids.sort(Comparator.naturalOrder());
                for (long id : ids) {
                    if (id > after && out.size() < limit) {
                        out.add(world.views.user(world.users.get(id)));
                    }
                }
            }
        }
        return Response.ok(out);
    }

    private Response clearReactions(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        require(c, Perms.MANAGE_MESSAGES);
        synchronized (m.reactions) {
            m.reactions.clear();
        }
        ObjectNode d = Json.obj();
        d.put("channel_id", Json.str(c.id));
        d.put("message_id", Json.str(m.id));
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
        }
        world.dispatch("MESSAGE_REACTION_REMOVE_ALL", Intents.GUILD_MESSAGE_REACTIONS, d, null);
        return Response.NO_CONTENT;
    }

    private Response clearEmoji(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        JsonNode emoji = parseEmoji(r.param("emoji"));
        require(c, Perms.MANAGE_MESSAGES);
        synchronized (m.reactions) {
            m.reactions.remove(r.param("emoji"));
        }
        ObjectNode d = Json.obj();
        d.put("channel_id", Json.str(c.id));
        d.put("message_id", Json.str(m.id));
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
        }
        d.set("emoji", emoji);
        world.dispatch("MESSAGE_REACTION_REMOVE_EMOJI", Intents.GUILD_MESSAGE_REACTIONS, d, null);
        return Response.NO_CONTENT;
    }

    // -------------------------------------------------------------------------------------------- threads

    private static int autoArchive(JsonNode b, FormErrors errors) {
        int minutes = b.path("auto_archive_duration").asInt(1440);
        if (!AUTO_ARCHIVE.contains(minutes)) {
            errors.add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
        }
        return minutes;
    }

    private static String threadName(JsonNode b, FormErrors errors) {
        String name = Json.text(b, "name");
        if (name == null) {
            errors.required("name");
        } else if (Limits.length(name) < 1 || Limits.length(name) > Limits.THREAD_NAME_MAX) {
            errors.badLength("name", 1, Limits.THREAD_NAME_MAX);
        }
        return name;
    }

    private Response startThread(Request r) {
        ChannelState c = visibleChannel(r);
        JsonNode b = body(r);
        FormErrors errors = new FormErrors();
        String name = threadName(b, errors);
        int minutes = autoArchive(b, errors);
        if (c.isForum()) {
            require(c, Perms.SEND_MESSAGES);
            JsonNode messageBody = b.get("message");
            MessageSpec spec = null;
            if (messageBody == null || messageBody.isNull()) {
                errors.required("message");
            } else {
                spec = MessageSpec.parse(messageBody, r.uploads(), MessageSpec.Kind.CREATE, "message", errors);
            }
            boolean manage = Perms.has(botPerms(c), Perms.MANAGE_THREADS);
            long[] tags = appliedTags(c, b.get("applied_tags"), manage, new long[0], errors);
            errors.throwIfAny();
            if ((c.flags & ChannelState.FLAG_REQUIRE_TAG) != 0 && (tags == null || tags.length == 0)) {
                throw ApiError.tagRequired();
            }
            if (!spec.hasContent()
                    && (spec.embeds == null || spec.embeds.isEmpty())
                    && (spec.components == null || spec.components.isEmpty())
                    && spec.uploads.isEmpty()
                    && !spec.hasStickers) {
                throw ApiError.emptyMessage();
            }
            if (!spec.uploads.isEmpty()) {
                require(c, Perms.ATTACH_FILES);
            }
            long id = world.ids.next();
            ChannelState t = world.channelRules.createThread(
                    c, world.bot, name, ChannelState.PUBLIC_THREAD, null, tags, minutes, id);
            MessageState starter = world.messageRules.createMessage(
                    t, world.bot, spec, new MessageRules.Origin(MessageState.TYPE_DEFAULT, null, false, 0, id));
            ObjectNode out = world.views.channel(t);
            out.set("message", world.views.message(starter, true));
            return Response.created(out);
        }
        if (c.type != ChannelState.GUILD_TEXT && c.type != ChannelState.GUILD_ANNOUNCEMENT) {
            throw ApiError.of(400, 50024, "Cannot execute action on this channel type");
        }
        int type = b.path("type").asInt(ChannelState.PRIVATE_THREAD);
        if (c.type == ChannelState.GUILD_ANNOUNCEMENT) {
            type = ChannelState.ANNOUNCEMENT_THREAD;
        }
        if (type != ChannelState.PUBLIC_THREAD
                && type != ChannelState.PRIVATE_THREAD
                && type != ChannelState.ANNOUNCEMENT_THREAD) {
            errors.add("type", "BASE_TYPE_CHOICES", "Value must be one of {10, 11, 12}.");
        }
        errors.throwIfAny();
        require(c, type == ChannelState.PRIVATE_THREAD ? Perms.CREATE_PRIVATE_THREADS : Perms.CREATE_PUBLIC_THREADS);
        ChannelState t = world.channelRules.createThread(c, world.bot, name, type, null, null, minutes, 0);
        if (type == ChannelState.PRIVATE_THREAD && b.has("invitable")) {
            t.invitable = b.get("invitable").asBoolean();
        }
        return Response.created(world.views.channel(t));
    }

    private Response startThreadFromMessage(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        JsonNode b = body(r);
        FormErrors errors = new FormErrors();
        String name = threadName(b, errors);
        int minutes = autoArchive(b, errors);
        errors.throwIfAny();
        if (c.type != ChannelState.GUILD_TEXT && c.type != ChannelState.GUILD_ANNOUNCEMENT) {
            throw ApiError.of(400, 50024, "Cannot execute action on this channel type");
        }
        require(c, Perms.CREATE_PUBLIC_THREADS);
        if (m.threadId != 0) {
            throw ApiError.of(400, 160004, "A thread has already been created for this message");
        }
        int type = c.type == ChannelState.GUILD_ANNOUNCEMENT
                ? ChannelState.ANNOUNCEMENT_THREAD
                : ChannelState.PUBLIC_THREAD;
        ChannelState t = world.channelRules.createThread(c, world.bot, name, type, m, null, minutes, 0);
        return Response.created(world.views.channel(t));
    }

    private Response joinThread(Request r, boolean join) {
        ChannelState t = visibleChannel(r);
        if (!t.isThread()) {
            throw ApiError.of(400, 50024, "Cannot execute action on this channel type");
        }
        if (t.archived) {
            throw ApiError.threadArchived();
        }
        if (join) {
            t.threadMembers.add(world.bot.id);
        } else {
            t.threadMembers.remove(world.bot.id);
        }
        return Response.NO_CONTENT;
    }

    private Response threadMembers(Request r) {
        ChannelState t = visibleChannel(r);
        ArrayNode out = Json.arr();
        for (long uid : t.threadMembers) {
            ObjectNode m = out.addObject();
            m.put("id", Json.str(t.id));
            m.put("user_id", Json.str(uid));
            m.put("join_timestamp", Json.iso(t.createTimestampMs));
            m.put("flags", 0);
        }
        return Response.ok(out);
    }

    private Response archivedPublic(Request r) {
        ChannelState c = visibleChannel(r);
        require(c, Perms.READ_MESSAGE_HISTORY);
        int limit = intParam(r, "limit", 50, 1, 100);
        List<ChannelState> archived = new ArrayList<>();
        for (ChannelState t : c.guild.channels.values()) {
            if (t.isThread()
                    && !t.deleted
                    && t.parentId == c.id
                    && t.archived
                    && t.type != ChannelState.PRIVATE_THREAD) {
                archived.add(t);
            }
        }
        archived.sort(Comparator.comparingLong((ChannelState t) -> t.archiveTimestampMs)
                .reversed());
        ObjectNode out = Json.obj();
        ArrayNode threads = out.putArray("threads");
        for (int i = 0; i < Math.min(limit, archived.size()); i++) {
            threads.add(world.views.channel(archived.get(i)));
        }
        out.putArray("members");
        out.put("has_more", archived.size() > limit);
        return Response.ok(out);
    }

    // ---------------------------------------------------------------------------------------------- polls

    private Response expirePoll(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        if (m.poll == null) {
            throw ApiError.notAPoll();
        }
        if (m.author != world.bot) {
            throw ApiError.cannotEndOthersPoll();
        }
        world.pollRules.endPoll(m);
        return Response.ok(world.views.message(m, true));
    }

    private Response pollVoters(Request r) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        if (m.poll == null) {
            throw ApiError.notAPoll();
        }
        int answer;
        try {
            answer = Integer.parseInt(r.param("answer_id"));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
        int limit = intParam(r, "limit", 25, 1, 100);
        long after = snowflakeParam(r, "after");
        ObjectNode out = Json.obj();
        ArrayNode users = out.putArray("users");
        Set<Long> voters = m.poll.votes.get(answer);
        if (voters != null) {
            List<Long> sorted = new ArrayList<>(voters);
            sorted.sort(Comparator.naturalOrder());
            for (long id : sorted) {
                if (id > after && users.size() < limit) {
                    users.add(world.views.user(world.users.get(id)));
                }
            }
        }
        return Response.ok(out);
    }

    // ----------------------------------------------------------------------------------------------- pins

    private Response pin(Request r, boolean pinned) {
        ChannelState c = visibleChannel(r);
        MessageState m = message(c, r.id("message_id"));
        long perms = botPerms(c);
        if (c.guild != null && !Perms.has(perms, Perms.PIN_MESSAGES) && !Perms.has(perms, Perms.MANAGE_MESSAGES)) {
            throw ApiError.missingPermissions();
        }
        if (pinned && !m.pinned) {
            long count = c.messages.values().stream().filter(x -> x.pinned).count();
            if (count >= 250) {
                throw ApiError.of(400, 30003, "Maximum number of pins reached (250)");
            }
        }
        m.pinned = pinned;
        world.messageRules.messageUpdated(m);
        ObjectNode d = Json.obj();
        d.put("channel_id", Json.str(c.id));
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
        }
        d.put("last_pin_timestamp", Json.iso(world.now()));
        world.dispatch("CHANNEL_PINS_UPDATE", c.guild == null ? Intents.DIRECT_MESSAGES : Intents.GUILDS, d, null);
        return Response.NO_CONTENT;
    }

    private Response pins(Request r) {
        ChannelState c = visibleChannel(r);
        List<MessageState> pinned = new ArrayList<>();
        for (MessageState m : c.messages.descendingMap().values()) {
            if (m.pinned) {
                pinned.add(m);
            }
        }
        if (r.path.endsWith("messages/pins")) {
            ObjectNode out = Json.obj();
            ArrayNode items = out.putArray("items");
            for (MessageState m : pinned) {
                ObjectNode item = items.addObject();
                item.put("pinned_at", Json.iso(m.createdMs));
                item.set("message", world.views.message(m, world.restCanReadContent(m)));
            }
            out.put("has_more", false);
            return Response.ok(out);
        }
        ArrayNode out = Json.arr();
        for (MessageState m : pinned) {
            out.add(world.views.message(m, world.restCanReadContent(m)));
        }
        return Response.ok(out);
    }
}
