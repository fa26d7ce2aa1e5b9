package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The simulated Discord: every guild, user, channel, message and interaction, plus the rules that apply when
 * they change. One lock guards all mutations so that an operation, its events and their order are atomic;
 * critical sections are short (no I/O: events are only queued for the gateway's dispatcher thread).
 *
 * <p>Domain methods expect the caller to hold {@link #lock} (REST handlers and the people API enter through
 * {@link #write}). Rule violations are thrown as {@link ApiError}, which REST turns into Discord's response and
 * the people API into an exception for the test.
 */
final class World {
    final SimOptions options;
    final Clock clock;
    final Snowflakes ids;
    final Snowflakes interactionIds;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    final Views views = new Views(this);
    final Traffic traffic = new Traffic();

    final Map<Long, UserState> users = new ConcurrentHashMap<>();
    final Map<Long, GuildState> guilds = new ConcurrentHashMap<>();
    final List<GuildState> guildOrder = new CopyOnWriteArrayList<>();
    final Map<Long, ChannelState> channels = new ConcurrentHashMap<>();
    final Map<Long, MessageState> messages = new ConcurrentHashMap<>();
    final Map<Long, InteractionState> interactions = new ConcurrentHashMap<>();
    final Map<String, InteractionState> interactionsByToken = new ConcurrentHashMap<>();
    final Map<Long, List<CommandState>> commands = new HashMap<>(); // key 0 = global
    /** Messages that pinged anybody, in creation order; guarded by the lock. */
    final List<MessageState> mentionLog = new ArrayList<>();

    private final Map<String, long[]> nonces = new HashMap<>(); // author:nonce -> {message id, nanos}

    final UserState bot;
    final long applicationId;
    volatile Gateway gateway;

    /** How a message came to be, which decides its type, defaults and visibility. */
    record Origin(int type, InteractionState interaction, boolean usersOnlyByDefault, long ephemeralTo, long forcedId) {
        static final Origin USER = new Origin(MessageState.TYPE_DEFAULT, null, false, 0, 0);
    }

    World(SimOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.ids = new Snowflakes(clock, 1);
        // Interaction ids must carry a real, recent timestamp: JDA expires hooks 15 minutes after the id's time.
        this.interactionIds = new Snowflakes(Clock.systemUTC(), 2);
        this.bot = new UserState(ids.next(), options.botName(), true);
        this.applicationId = bot.id;
        users.put(bot.id, bot);
    }

    long now() {
        return clock.millis();
    }

    // ------------------------------------------------------------------------------------------------ locking

    <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            changed.signalAll();
            lock.unlock();
        }
    }

    void run(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits until {@code probe} returns a non-null value (and not {@code Boolean.FALSE}). The probe runs under the
     * lock, so it sees consistent state. On timeout throws an AssertionError carrying recent traffic.
     */
    <T> T await(String what, Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "Timed out after " + timeout.toMillis() + " ms waiting for " + what + traffic.dump());
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // --------------------------------------------------------------------------------------------- dispatching

    void dispatch(String type, int intent, ObjectNode payload, ObjectNode stripped) {
        Gateway g = gateway;
        if (g != null) {
            g.broadcast(new Event(type, intent, payload, stripped));
        }
    }

    private static int messageIntent(ChannelState c) {
        return c.guild == null ? Intents.DIRECT_MESSAGES : Intents.GUILD_MESSAGES;
    }

    // ------------------------------------------------------------------------------------------ visibility

    long botPerms(ChannelState c) {
        if (c.guild == null) {
            return Perms.in(c, null);
        }
        return Perms.in(c, c.guild.botMember);
    }

    boolean botCanView(ChannelState c) {
        return c.guild == null ? c.recipient != null : Perms.has(botPerms(c), Perms.VIEW_CHANNEL);
    }

    /** Discord's MESSAGE_CONTENT exceptions: the bot's own messages, DMs, and messages mentioning the bot. */
    boolean contentExempt(MessageState m) {
        return m.author == bot || m.channel.isDm() || m.pings.users().contains(bot.id);
    }

    boolean restCanReadContent(MessageState m) {
        return options.messageContentIntentEnabled() || contentExempt(m);
    }

    boolean sharesGuildWithBot(UserState u) {
        for (GuildState g : guildOrder) {
            if (g.members.containsKey(u.id)) {
                return true;
            }
        }
        return false;
    }

    MemberState memberOf(ChannelState c, UserState u) {
        return c.guild == null ? null : c.guild.members.get(u.id);
    }

    // ---------------------------------------------------------------------------------------------- people

    UserState createUser(String username, boolean isBot) {
        UserState u = new UserState(ids.next(), username, isBot);
        users.put(u.id, u);
        return u;
    }

    GuildState createGuild(String name) {
        long now = now();
        GuildState g = new GuildState(ids.next(), name, now);
        g.roles.put(g.id, new RoleState(g.id, g, "@everyone", Perms.EVERYONE_DEFAULT, 0, 0));
        UserState ownerUser = createUser("owner", false);
        MemberState owner = new MemberState(ownerUser, g, now, new long[0]);
        g.members.put(ownerUser.id, owner);
        g.membersByName.put(ownerUser.username, owner);
        g.ownerId = ownerUser.id;
        RoleState botRole = new RoleState(ids.next(), g, options.botName(), options.botPermissions(), 1, bot.id);
        g.roles.put(botRole.id, botRole);
        g.botRole = botRole;
        g.botMember = new MemberState(bot, g, now, new long[] {botRole.id});
        g.members.put(bot.id, g.botMember);
        g.membersByName.put(bot.username, g.botMember);
        guilds.put(g.id, g);
        guildOrder.add(g);
        Gateway gw = gateway;
        if (gw != null && gw.hasSessions()) {
            dispatch("GUILD_CREATE", 0, views.guildCreate(g, false, 250), null);
        }
        return g;
    }

    MemberState addMember(GuildState g, String username) {
        MemberState existing = g.membersByName.get(username);
        if (existing != null) {
            return existing;
        }
        UserState u = createUser(username, false);
        return join(g, u);
    }

    MemberState join(GuildState g, UserState u) {
        MemberState m = new MemberState(u, g, now(), new long[0]);
        g.members.put(u.id, m);
        g.membersByName.putIfAbsent(u.username, m);
        Gateway gw = gateway;
        if (gw != null && gw.hasSessions()) {
            ObjectNode d = views.member(m, true);
            d.put("guild_id", Json.str(g.id));
            dispatch("GUILD_MEMBER_ADD", Intents.GUILD_MEMBERS, d, null);
        }
        return m;
    }

    void leave(MemberState m) {
        GuildState g = m.guild;
        if (g.members.remove(m.user.id) == null) {
            return;
        }
        g.membersByName.remove(m.user.username, m);
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(g.id));
        d.set("user", views.user(m.user));
        dispatch("GUILD_MEMBER_REMOVE", Intents.GUILD_MEMBERS, d, null);
    }

    RoleState createRole(GuildState g, String name, long permissions, boolean mentionable) {
        RoleState r = new RoleState(ids.next(), g, name, permissions, g.roles.size(), 0);
        r.mentionable = mentionable;
        g.roles.put(r.id, r);
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(g.id));
        d.set("role", views.role(r));
        dispatch("GUILD_ROLE_CREATE", Intents.GUILDS, d, null);
        return r;
    }

    void roleUpdated(RoleState r) {
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.str(r.guild.id));
        d.set("role", views.role(r));
        dispatch("GUILD_ROLE_UPDATE", Intents.GUILDS, d, null);
    }

    void setRoles(MemberState m, long[] roleIds) {
        m.roleIds = roleIds;
        ObjectNode d = views.member(m, true);
        d.put("guild_id", Json.str(m.guild.id));
        dispatch("GUILD_MEMBER_UPDATE", m.user == bot ? 0 : Intents.GUILD_MEMBERS, d, null);
    }

    // -------------------------------------------------------------------------------------------- channels

    ChannelState createChannel(GuildState g, int type, String name, long parentId) {
        ChannelState c = new ChannelState(ids.next(), type, g, name);
        c.parentId = parentId;
        int position = 0;
        for (ChannelState other : g.channels.values()) {
            if (!other.isThread() && other.type == type) {
                position++;
            }
        }
        c.position = position;
        g.channels.put(c.id, c);
        channels.put(c.id, c);
        dispatch("CHANNEL_CREATE", Intents.GUILDS, views.channel(c), null);
        return c;
    }

    ChannelState.Tag addTag(ChannelState forum, String name, boolean moderated, String emoji) {
        ChannelState.Tag t = new ChannelState.Tag(ids.next(), name, moderated, emoji);
        forum.availableTags.add(t);
        channelUpdated(forum);
        return t;
    }

    void channelUpdated(ChannelState c) {
        if (c.isThread()) {
            if (botCanView(c)) {
                dispatch("THREAD_UPDATE", Intents.GUILDS, views.channel(c), null);
            }
        } else if (c.guild != null) {
            dispatch("CHANNEL_UPDATE", Intents.GUILDS, views.channel(c), null);
        }
    }

    void deleteChannel(ChannelState c) {
        if (c.deleted) {
            return;
        }
        boolean visible = botCanView(c);
        c.deleted = true;
        if (c.isThread()) {
            if (visible) {
                ObjectNode d = Json.obj();
                d.put("id", Json.str(c.id));
                d.put("guild_id", Json.str(c.guild.id));
                d.put("parent_id", Json.str(c.parentId));
                d.put("type", c.type);
                dispatch("THREAD_DELETE", Intents.GUILDS, d, null);
            }
        } else {
            dispatch("CHANNEL_DELETE", Intents.GUILDS, views.channel(c), null);
            for (ChannelState t : new ArrayList<>(c.guild.channels.values())) {
                if (t.isThread() && t.parentId == c.id) {
                    t.deleted = true;
                }
            }
        }
    }

    /** A live channel by id, or null when unknown or deleted. */
    ChannelState channel(long id) {
        ChannelState c = channels.get(id);
        return c == null || c.deleted ? null : c;
    }

    /**
     * Creates a thread. {@code from} is the message it starts from (its id becomes the thread id), or null.
     * {@code forcedId} lets forum posts share the id of their starter message.
     */
    ChannelState createThread(
            ChannelState parent,
            UserState owner,
            String name,
            int type,
            MessageState from,
            long[] tags,
            int autoArchiveMinutes,
            long forcedId) {
        long id = from != null ? from.id : forcedId != 0 ? forcedId : ids.next();
        ChannelState t = new ChannelState(id, type, parent.guild, name);
        long now = now();
        t.parentId = parent.id;
        t.ownerId = owner.id;
        t.createTimestampMs = now;
        t.archiveTimestampMs = now;
        t.autoArchiveMinutes = autoArchiveMinutes;
        t.appliedTags = tags == null ? new long[0] : tags;
        t.threadMembers.add(owner.id);
        parent.guild.channels.put(t.id, t);
        channels.put(t.id, t);
        if (parent.isForum()) {
            parent.lastMessageId = t.id;
        }
        if (botCanView(t)) {
            ObjectNode d = views.channel(t);
            d.put("newly_created", true);
            if (owner == bot) {
                ObjectNode member = d.putObject("member");
                member.put("id", Json.str(t.id));
                member.put("user_id", Json.str(bot.id));
                member.put("join_timestamp", Json.iso(now));
                member.put("flags", 0);
            }
            dispatch("THREAD_CREATE", Intents.GUILDS, d, null);
        }
        if (from != null) {
            from.threadId = t.id;
            from.flags |= MessageState.FLAG_HAS_THREAD;
            messageUpdated(from);
        }
        return t;
    }

    void archive(ChannelState t, boolean archived) {
        if (t.archived != archived) {
            t.archived = archived;
            t.archiveTimestampMs = now();
        }
    }

    ChannelState openDm(UserState u) {
        ChannelState dm = u.dmChannel;
        if (dm == null) {
            dm = new ChannelState(ids.next(), ChannelState.DM, null, null);
            dm.recipient = u;
            channels.put(dm.id, dm);
            u.dmChannel = dm;
        }
        return dm;
    }

    /**
     * The rules for posting into a channel, shared by the bot (REST) and simulated members: existence, channel
     * type, VIEW_CHANNEL (50001) vs the send permission (50013), and archived/locked threads.
     */
    void checkCanPost(ChannelState c, MemberState sender, MessageSpec spec) {
        if (c == null || c.deleted) {
            throw ApiError.unknownChannel();
        }
        if (!c.isMessageable()) {
            throw ApiError.nonTextChannel();
        }
        if (c.guild == null) {
            return;
        }
        long perms = Perms.in(c, sender);
        if (!Perms.has(perms, Perms.VIEW_CHANNEL)) {
            throw ApiError.missingAccess();
        }
        if (!Perms.has(perms, Perms.sendPermission(c))) {
            throw ApiError.missingPermissions();
        }
        if (spec != null) {
            if (!spec.uploads.isEmpty() && !Perms.has(perms, Perms.ATTACH_FILES)) {
                throw ApiError.missingPermissions();
            }
            if (spec.tts && !Perms.has(perms, Perms.SEND_TTS_MESSAGES)) {
                throw ApiError.missingPermissions();
            }
            if (spec.poll != null && !Perms.has(perms, Perms.SEND_POLLS)) {
                throw ApiError.missingPermissions();
            }
            if (spec.messageReference != null && !Perms.has(perms, Perms.READ_MESSAGE_HISTORY)) {
                throw ApiError.of(403, 160002, "Cannot reply without permission to read message history");
            }
        }
        if (c.isThread()) {
            if (c.locked && c.archived) {
                throw ApiError.threadArchived();
            }
            if (c.locked && !Perms.has(perms, Perms.MANAGE_THREADS)) {
                throw ApiError.threadLocked();
            }
        }
    }

    /** Archived threads refuse edits and reactions; locked ones refuse them to non-moderators. */
    void checkThreadActive(ChannelState c, MemberState actor) {
        if (!c.isThread()) {
            return;
        }
        if (c.archived) {
            throw ApiError.threadArchived();
        }
        if (c.locked && actor != null && !Perms.has(Perms.in(c, actor), Perms.MANAGE_THREADS)) {
            throw ApiError.threadLocked();
        }
    }

    // -------------------------------------------------------------------------------------------- messages

    MessageState createMessage(ChannelState c, UserState author, MessageSpec spec, Origin origin) {
        String nonceKey = null;
        if (spec.enforceNonce && spec.nonce != null && origin.interaction == null) {
            nonceKey = author.id + ":" + spec.nonce.asText();
            long[] seen = nonces.get(nonceKey);
            if (seen != null
                    && System.nanoTime() - seen[1] < options.nonceWindow().toNanos()) {
                MessageState earlier = messages.get(seen[0]);
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
            MessageState target = messages.get(targetId);
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
        long id = origin.forcedId != 0 ? origin.forcedId : ids.next();
        MessageState m = new MessageState(id, c, author, type, now());
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
            m.poll = createPoll(spec.poll);
        }
        m.pings = computePings(
                c, author, m, spec.allowedMentions, origin.usersOnlyByDefault, replyTo == null ? 0 : replyTo.author.id);
        store(m);
        if (nonceKey != null) {
            nonces.put(nonceKey, new long[] {m.id, System.nanoTime()});
        }
        return m;
    }

    /** Files a new message: history, thread bookkeeping, ping log and MESSAGE_CREATE. */
    void store(MessageState m) {
        ChannelState c = m.channel;
        messages.put(m.id, m);
        if (m.ephemeralTo != 0) {
            UserState viewer = users.get(m.ephemeralTo);
            if (viewer != null) {
                viewer.ephemerals.add(m);
            }
            return; // ephemeral messages never reach the bot's gateway in a usable form (JDA drops them)
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
                archive(c, false);
                channelUpdated(c);
            }
        }
        if (m.pings.any()) {
            mentionLog.add(m);
        }
        if (botCanView(c)) {
            dispatch(
                    "MESSAGE_CREATE",
                    messageIntent(c),
                    messageEvent(m, true),
                    contentExempt(m) ? null : messageEvent(m, false));
        }
    }

    /** The "Bot is thinking..." message of a type-5 deferred reply, filled in later by an @original edit. */
    MessageState createLoading(InteractionState i, int type, boolean ephemeral) {
        MessageState m = new MessageState(ids.next(), i.channel, bot, type, now());
        m.flags = MessageState.FLAG_LOADING | (ephemeral ? MessageState.FLAG_EPHEMERAL : 0);
        m.interaction = i;
        m.ephemeralTo = ephemeral ? i.user.id : 0;
        store(m);
        return m;
    }

    ObjectNode messageEvent(MessageState m, boolean readable) {
        ObjectNode d = views.message(m, readable);
        ChannelState c = m.channel;
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
            MemberState member = c.guild.members.get(m.author.id);
            if (member != null && m.interaction == null) {
                d.set("member", views.member(member, false));
            }
        }
        d.put("channel_type", c.type);
        return d;
    }

    void messageUpdated(MessageState m) {
        if (m.ephemeralTo != 0 || m.deleted || !botCanView(m.channel)) {
            return;
        }
        dispatch(
                "MESSAGE_UPDATE",
                messageIntent(m.channel),
                messageEvent(m, true),
                contentExempt(m) ? null : messageEvent(m, false));
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
                return g == null ? users.containsKey(userId) : g.members.containsKey(userId);
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
            long aid = ids.next();
            String url = "https://cdn.discordapp.com/attachments/" + c.id + "/" + aid + "/" + filename;
            out.add(new AttachmentState(aid, filename, u.contentType(), u.data(), description, url));
        }
        if (out.size() > Limits.ATTACHMENTS_MAX) {
            throw ApiError.of(400, 30015, "Maximum number of attachments in a message reached (10)");
        }
        return List.copyOf(out);
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
        long expiry = now() + Duration.ofHours(hours).toMillis();
        return new PollState(
                poll.path("question").path("text").asText(),
                List.copyOf(answers),
                poll.path("allow_multiselect").asBoolean(false),
                poll.path("layout_type").asInt(1),
                expiry);
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
                mentionLog.add(m);
            }
        }
        if (!wasLoading) {
            m.editedMs = now();
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
        if (m.ephemeralTo != 0 || !botCanView(c)) {
            return;
        }
        ObjectNode d = Json.obj();
        d.put("id", Json.str(m.id));
        d.put("channel_id", Json.str(c.id));
        if (c.guild != null) {
            d.put("guild_id", Json.str(c.guild.id));
        }
        dispatch("MESSAGE_DELETE", messageIntent(c), d, null);
    }

    // ------------------------------------------------------------------------------------------- reactions

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
        if (m.ephemeralTo == 0 && botCanView(c)) {
            ObjectNode d = reactionEvent(m, u, emoji);
            if (c.guild != null) {
                MemberState member = c.guild.members.get(u.id);
                if (member != null) {
                    d.set("member", views.member(member, true));
                }
            }
            d.put("message_author_id", Json.str(m.author.id));
            d.put("burst", false);
            d.putArray("burst_colors");
            dispatch("MESSAGE_REACTION_ADD", reactionIntent(c), d, null);
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
        if (m.ephemeralTo == 0 && botCanView(m.channel)) {
            ObjectNode d = reactionEvent(m, u, emoji);
            d.put("burst", false);
            dispatch("MESSAGE_REACTION_REMOVE", reactionIntent(m.channel), d, null);
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
    private static ObjectNode userOnMessage(MessageState m, UserState u) {
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

    // ----------------------------------------------------------------------------------------------- polls

    boolean pollOpen(PollState p) {
        return !p.finalized && (p.expiryMs == 0 || now() < p.expiryMs);
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
        if (!botCanView(m.channel)) {
            return;
        }
        ObjectNode d = userOnMessage(m, u);
        d.put("answer_id", answerId);
        dispatch(type, m.channel.guild == null ? Intents.DIRECT_MESSAGE_POLLS : Intents.GUILD_MESSAGE_POLLS, d, null);
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
        p.expiryMs = now();
        messageUpdated(m);

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
        MessageState result = new MessageState(ids.next(), c, m.author, MessageState.TYPE_POLL_RESULT, now());
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
        store(result);
        return result;
    }

    private static void field(ArrayNode fields, String name, String value) {
        ObjectNode f = fields.addObject();
        f.put("name", name);
        f.put("value", value);
        f.put("inline", false);
    }

    // ----------------------------------------------------------------------------------------- interactions

    InteractionState createInteraction(
            int type,
            UserState user,
            ChannelState channel,
            ObjectNode data,
            MessageState source,
            InteractionState parent,
            String commandName,
            int commandType) {
        MemberState member = memberOf(channel, user);
        long id = interactionIds.next();
        String token = "itok-" + Long.toString(id, 36) + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        InteractionState i = new InteractionState(
                id,
                token,
                type,
                user,
                member,
                channel,
                data,
                source,
                parent,
                commandName,
                commandType,
                options.interactionDeadline().toNanos(),
                options.interactionTokenLifetime().toNanos());
        interactions.put(id, i);
        interactionsByToken.put(token, i);
        dispatch("INTERACTION_CREATE", 0, interactionPayload(i), null);
        return i;
    }

    ObjectNode interactionPayload(InteractionState i) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(i.id));
        o.put("application_id", Json.str(applicationId));
        o.put("type", i.type);
        o.put("token", i.token);
        o.put("version", 1);
        ChannelState c = i.channel;
        ObjectNode channel = views.channel(c);
        if (c.guild != null) {
            GuildState g = c.guild;
            o.put("guild_id", Json.str(g.id));
            ObjectNode guild = o.putObject("guild");
            guild.put("id", Json.str(g.id));
            guild.put("locale", "en-US");
            guild.putArray("features");
            o.put("guild_locale", "en-US");
            long memberPerms = Perms.in(c, i.member);
            channel.put("permissions", Long.toString(memberPerms));
            ObjectNode member = views.member(i.member, true);
            member.put("permissions", Long.toString(memberPerms));
            o.set("member", member);
            o.put("app_permissions", Long.toString(botPerms(c)));
            o.putObject("authorizing_integration_owners").put("0", Json.str(g.id));
            o.put("context", 0);
        } else {
            o.set("user", views.user(i.user));
            channel.put("permissions", Long.toString(Perms.in(c, null)));
            o.put("app_permissions", Long.toString(Perms.in(c, null)));
            o.putObject("authorizing_integration_owners").put("0", "0");
            o.put("context", 1);
        }
        o.put("channel_id", Json.str(c.id));
        o.set("channel", channel);
        o.put("locale", "en-US");
        o.putArray("entitlements");
        o.put("attachment_size_limit", 10 * 1024 * 1024);
        if (i.data != null) {
            o.set("data", i.data);
        }
        MessageState source =
                i.sourceMessage != null ? i.sourceMessage : i.parent == null ? null : i.parent.componentMessage();
        if (source != null) {
            o.set("message", views.message(source, true));
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------- commands

    List<CommandState> commands(long guildId) {
        return commands.computeIfAbsent(guildId, k -> new ArrayList<>());
    }

    /** Finds a command a member could run here: guild commands first, then global ones. */
    CommandState findCommand(GuildState g, String name, int type) {
        if (g != null) {
            for (CommandState c : commands(g.id)) {
                if (c.type() == type && c.name().equals(name)) {
                    return c;
                }
            }
        }
        for (CommandState c : commands(0)) {
            if (c.type() == type && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static long[] withRole(long[] roles, long roleId, boolean add) {
        if (add) {
            for (long r : roles) {
                if (r == roleId) {
                    return roles;
                }
            }
            long[] out = Arrays.copyOf(roles, roles.length + 1);
            out[roles.length] = roleId;
            return out;
        }
        return Arrays.stream(roles).filter(r -> r != roleId).toArray();
    }
}
