package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A guild member the test acts as. Actions go through the same rules as Discord's client and API (permissions,
 * archived and locked threads, component state); a refused action throws {@link IllegalStateException} with
 * Discord's error, a malformed one (unknown option, missing button) {@link IllegalArgumentException}.
 *
 * <p>Interactions ({@link #runSlash}, {@link #pressButton}, ...) are registered with the simulator before they are
 * dispatched, so the bot's callbacks are checked: allowed callback type, 3-second deadline, single acknowledgement.
 */
public final class SimMember {
    private final Sim sim;
    private final World world;
    final MemberState state;
    private final CommandInputs commands;

    SimMember(Sim sim, World world, MemberState state) {
        this.sim = sim;
        this.world = world;
        this.state = state;
        this.commands = new CommandInputs(sim, world, state);
    }

    public long id() {
        return state.user.id;
    }

    public String name() {
        return state.user.username;
    }

    /** {@code <@id>} */
    public String mention() {
        return "<@" + state.user.id + ">";
    }

    public SimGuild guild() {
        return new SimGuild(sim, world, state.guild);
    }

    public boolean isBot() {
        return state.user.bot;
    }

    /** Leaves the guild (GUILD_MEMBER_REMOVE). The handle stays usable for reading DMs. */
    public void leave() {
        world.run(() -> world.guildRules.leave(state));
    }

    /** This member's DM channel with the bot, opened if needed; run slash commands in it to test DM contexts. */
    public SimChannel dmChannel() {
        return world.write(() -> sim.wrap(world.channelRules.openDm(state.user)));
    }

    // ---------------------------------------------------------------------------------------------- roles

    public SimMember addRole(SimRole role) {
        world.run(() -> world.guildRules.setRoles(state, GuildRules.withRole(state.roleIds, role.state.id, true)));
        return this;
    }

    public SimMember removeRole(SimRole role) {
        world.run(() -> world.guildRules.setRoles(state, GuildRules.withRole(state.roleIds, role.state.id, false)));
        return this;
    }

    public boolean hasRole(SimRole role) {
        return state.hasRole(role.state.id);
    }

    /** This member's permissions in a channel, after overwrites. */
    public long permissionsIn(SimChannel channel) {
        return world.write(() -> Perms.in(channel.state, state));
    }

    // -------------------------------------------------------------------------------------------- messages

    /** Posts a message as this member. */
    public SimMessage say(SimChannel channel, String content, SimFile... files) {
        return post(channel.state, content, null, files);
    }

    /** Replies to a message (type 19; pings its author unless the text says otherwise). */
    public SimMessage reply(SimMessage to, String content) {
        return post(to.state.channel, content, to.state, new SimFile[0]);
    }

    private SimMessage post(ChannelState c, String content, MessageState replyTo, SimFile[] files) {
        return act("say in " + describe(c) + ": " + Json.abbreviate(content, 80), () -> {
            MessageSpec spec = userSpec(content, files);
            if (replyTo != null) {
                ObjectNode ref = Json.obj();
                ref.put("message_id", Json.str(replyTo.id));
                spec.messageReference = ref;
            }
            world.channelRules.checkCanPost(c, c.guild == null ? null : member(c), spec);
            return wrap(world.messageRules.createMessage(c, state.user, spec, MessageRules.Origin.USER));
        });
    }

    private MemberState member(ChannelState c) {
        if (c.guild != state.guild) {
            throw new IllegalArgumentException(name() + " is not a member of the guild of " + describe(c));
        }
        return state;
    }

    private MessageSpec userSpec(String content, SimFile[] files) {
        if (content != null && Limits.length(content) > Limits.CONTENT_MAX) {
            throw new IllegalArgumentException("Discord's client refuses messages over 2000 characters");
        }
        MessageSpec spec = new MessageSpec();
        spec.content = content;
        spec.contentPresent = content != null;
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            uploads.add(new Upload(i, files[i].filename(), files[i].contentType(), files[i].data()));
        }
        spec.uploads = List.copyOf(uploads);
        return spec;
    }

    /** Edits one of this member's messages. */
    public SimMessage edit(SimMessage message, String content) {
        return act("edit message " + message.id(), () -> {
            MessageState m = message.state;
            if (m.author != state.user) {
                throw ApiError.cannotEditOthers();
            }
            world.channelRules.checkThreadActive(m.channel, state);
            MessageSpec spec = userSpec(content, new SimFile[0]);
            world.messageRules.editMessage(m, spec, false);
            return message;
        });
    }

    /** Deletes a message: their own, or anyone's with MANAGE_MESSAGES. */
    public void delete(SimMessage message) {
        act("delete message " + message.id(), () -> {
            MessageState m = message.state;
            if (m.author != state.user && !Perms.has(Perms.in(m.channel, state), Perms.MANAGE_MESSAGES)) {
                throw ApiError.missingPermissions();
            }
            world.messageRules.deleteMessage(m);
            return null;
        });
    }

    /**
     * Deletes several messages of one channel at once, as a moderator's bulk delete does: one MESSAGE_DELETE_BULK
     * with the ids (Discord sends no MESSAGE_DELETE for them). Needs MANAGE_MESSAGES.
     */
    public void bulkDelete(SimMessage... messages) {
        act("bulk delete " + messages.length + " messages", () -> {
            ChannelState c = messages[0].state.channel;
            if (!Perms.has(Perms.in(c, state), Perms.MANAGE_MESSAGES)) {
                throw ApiError.missingPermissions();
            }
            ObjectNode d = Json.obj();
            com.fasterxml.jackson.databind.node.ArrayNode ids = d.putArray("ids");
            for (SimMessage message : messages) {
                MessageState m = message.state;
                if (m.channel != c || m.deleted) continue;
                m.deleted = true;
                c.messages.remove(m.id);
                ids.add(Json.str(m.id));
            }
            d.put("channel_id", Json.str(c.id));
            d.put("guild_id", Json.str(c.guild.id));
            world.dispatch("MESSAGE_DELETE_BULK", Intents.GUILD_MESSAGES, d, null);
            return null;
        });
    }

    // --------------------------------------------------------------------------------------------- threads

    /** Opens a forum post: a public thread whose starter message has the same id. Tags are given by name. */
    public SimChannel postInForum(SimChannel forum, String title, String body, String... tags) {
        return postInForum(forum, title, body, new SimFile[0], tags);
    }

    public SimChannel postInForum(SimChannel forum, String title, String body, SimFile[] files, String... tags) {
        ChannelState f = forum.state;
        return act("post in forum " + describe(f) + ": " + title, () -> {
            if (!f.isForum()) {
                throw new IllegalArgumentException(describe(f) + " is not a forum");
            }
            long perms = Perms.in(f, member(f));
            if (!Perms.has(perms, Perms.VIEW_CHANNEL)) {
                throw ApiError.missingAccess();
            }
            if (!Perms.has(perms, Perms.SEND_MESSAGES)) {
                throw ApiError.missingPermissions();
            }
            if (title == null || title.isBlank() || Limits.length(title) > Limits.THREAD_NAME_MAX) {
                throw new IllegalArgumentException("post title must be 1-100 characters");
            }
            long[] tagIds = new long[tags.length];
            for (int i = 0; i < tags.length; i++) {
                ChannelState.Tag t = f.tagByName(tags[i]);
                if (t == null) {
                    throw new IllegalArgumentException("forum " + describe(f) + " has no tag " + tags[i]);
                }
                if (t.moderated() && !Perms.has(perms, Perms.MANAGE_THREADS)) {
                    throw ApiError.missingPermissions();
                }
                tagIds[i] = t.id();
            }
            if (tagIds.length > Limits.APPLIED_TAGS_MAX) {
                throw new IllegalArgumentException("at most 5 tags");
            }
            if ((f.flags & ChannelState.FLAG_REQUIRE_TAG) != 0 && tagIds.length == 0) {
                throw ApiError.tagRequired();
            }
            MessageSpec spec = userSpec(body, files);
            if (!spec.hasContent() && spec.uploads.isEmpty()) {
                throw ApiError.emptyMessage();
            }
            long id = world.ids.next();
            ChannelState t = world.channelRules.createThread(
                    f, state.user, title, ChannelState.PUBLIC_THREAD, null, tagIds, 4320, id);
            world.messageRules.createMessage(
                    t, state.user, spec, new MessageRules.Origin(MessageState.TYPE_DEFAULT, null, false, 0, id));
            return sim.wrap(t);
        });
    }

    /** Starts a public thread in a text channel. */
    public SimChannel startThread(SimChannel channel, String name) {
        return startThread(channel.state, name, ChannelState.PUBLIC_THREAD, null);
    }

    /** Starts a private thread in a text channel. */
    public SimChannel startPrivateThread(SimChannel channel, String name) {
        return startThread(channel.state, name, ChannelState.PRIVATE_THREAD, null);
    }

    /** Starts a public thread from a message (the thread gets the message's id). */
    public SimChannel startThread(SimMessage from, String name) {
        return startThread(from.state.channel, name, ChannelState.PUBLIC_THREAD, from.state);
    }

    private SimChannel startThread(ChannelState c, String name, int type, MessageState from) {
        return act("start thread in " + describe(c) + ": " + name, () -> {
            if (c.type != ChannelState.GUILD_TEXT && c.type != ChannelState.GUILD_ANNOUNCEMENT) {
                throw ApiError.of(400, 50024, "Cannot execute action on this channel type");
            }
            long perms = Perms.in(c, member(c));
            if (!Perms.has(perms, Perms.VIEW_CHANNEL)) {
                throw ApiError.missingAccess();
            }
            long needed =
                    type == ChannelState.PRIVATE_THREAD ? Perms.CREATE_PRIVATE_THREADS : Perms.CREATE_PUBLIC_THREADS;
            if (!Perms.has(perms, needed)) {
                throw ApiError.missingPermissions();
            }
            if (from != null && from.threadId != 0) {
                throw ApiError.of(400, 160004, "A thread has already been created for this message");
            }
            return sim.wrap(world.channelRules.createThread(c, state.user, name, type, from, null, 4320, 0));
        });
    }

    // -------------------------------------------------------------------------------------------- reactions

    public void react(SimMessage message, String emoji) {
        act("react " + emoji + " to message " + message.id(), () -> {
            MessageState m = message.state;
            ChannelState c = m.channel;
            if (c.guild != null) {
                long perms = Perms.in(c, member(c));
                if (!Perms.has(perms, Perms.VIEW_CHANNEL) || !Perms.has(perms, Perms.READ_MESSAGE_HISTORY)) {
                    throw ApiError.missingAccess();
                }
                boolean exists;
                synchronized (m.reactions) {
                    exists = m.reactions.containsKey(emoji);
                }
                if (!exists && !Perms.has(perms, Perms.ADD_REACTIONS)) {
                    throw ApiError.missingPermissions();
                }
                world.channelRules.checkThreadActive(c, state);
            }
            world.reactionRules.addReaction(m, state.user, emoji, Views.emoji(emoji, null));
            return null;
        });
    }

    public void unreact(SimMessage message, String emoji) {
        act("remove reaction " + emoji + " from message " + message.id(), () -> {
            world.channelRules.checkThreadActive(message.state.channel, state);
            world.reactionRules.removeReaction(message.state, state.user, emoji);
            return null;
        });
    }

    // -------------------------------------------------------------------------------------------------- polls

    /** Votes on a poll by answer text (or answer id as a string); replaces earlier votes on single-choice polls. */
    public void vote(SimMessage pollMessage, String... answers) {
        act("vote " + String.join(", ", answers) + " on poll " + pollMessage.id(), () -> {
            PollState p = pollMessage.state.poll;
            if (p == null) {
                throw new IllegalArgumentException("message " + pollMessage.id() + " has no poll");
            }
            int[] ids = new int[answers.length];
            for (int i = 0; i < answers.length; i++) {
                ids[i] = answerId(p, answers[i]);
            }
            world.pollRules.vote(pollMessage.state, state.user, ids);
            return null;
        });
    }

    public void removeVote(SimMessage pollMessage, String answer) {
        act("remove vote " + answer + " on poll " + pollMessage.id(), () -> {
            PollState p = pollMessage.state.poll;
            if (p == null) {
                throw new IllegalArgumentException("message " + pollMessage.id() + " has no poll");
            }
            world.pollRules.unvote(pollMessage.state, state.user, answerId(p, answer));
            return null;
        });
    }

    private static int answerId(PollState p, String answer) {
        for (PollState.Answer a : p.answers) {
            if (a.text().equals(answer) || Integer.toString(a.id()).equals(answer)) {
                return a.id();
            }
        }
        throw new IllegalArgumentException("poll has no answer '" + answer + "'");
    }

    // ---------------------------------------------------------------------------------------------------- DMs

    /** Sends a DM to the bot. */
    public SimMessage dm(String content, SimFile... files) {
        return act("DM the bot: " + Json.abbreviate(content, 80), () -> {
            ChannelState c = world.channelRules.openDm(state.user);
            return wrap(world.messageRules.createMessage(
                    c, state.user, userSpec(content, files), MessageRules.Origin.USER));
        });
    }

    /** Every message in this member's DM channel with the bot (both directions), oldest first. */
    public List<SimMessage> dms() {
        ChannelState c = state.user.dmChannel;
        return c == null ? List.of() : sim.wrap(c).messages();
    }

    /** Only what the bot sent this member by DM, oldest first. */
    public List<SimMessage> dmsFromBot() {
        return dms().stream().filter(SimMessage::fromBot).toList();
    }

    /** Waits for a DM from the bot matching {@code predicate}. */
    public SimMessage awaitDm(Predicate<SimMessage> predicate) {
        return world.await(
                "a DM to " + name() + " matching the predicate",
                () -> {
                    ChannelState c = state.user.dmChannel;
                    if (c == null) {
                        return null;
                    }
                    for (MessageState m : c.messages.values()) {
                        if (!m.deleted && m.author == world.bot) {
                            SimMessage sm = wrap(m);
                            if (predicate.test(sm)) {
                                return sm;
                            }
                        }
                    }
                    return null;
                },
                sim.timeout());
    }

    /** Models "allow DMs from server members" off (or the bot blocked): the bot's DMs fail with 403 50007. */
    public SimMember closeDms() {
        state.user.dmsOpen = false;
        return this;
    }

    public SimMember openDms() {
        state.user.dmsOpen = true;
        return this;
    }

    // ------------------------------------------------------------------------------------------- what she saw

    /** Ephemeral messages only this member saw, oldest first. */
    public List<SimMessage> ephemeralReplies() {
        List<SimMessage> out = new ArrayList<>();
        for (MessageState m : state.user.ephemerals) {
            if (!m.deleted) {
                out.add(wrap(m));
            }
        }
        return out;
    }

    /** Every message that notified this member (user mention, role mention, @everyone, reply ping). */
    public List<SimMessage> pingsReceived() {
        return world.write(() -> {
            List<SimMessage> out = new ArrayList<>();
            for (MessageState m : world.mentionLog) {
                if (!m.deleted && SimMessage.pings(m, state)) {
                    out.add(wrap(m));
                }
            }
            return out;
        });
    }

    /** Waits for a message that pings this member and matches {@code predicate}. */
    public SimMessage awaitPing(Predicate<SimMessage> predicate) {
        return world.await(
                "a message pinging " + name(),
                () -> {
                    for (MessageState m : world.mentionLog) {
                        if (!m.deleted && SimMessage.pings(m, state)) {
                            SimMessage sm = wrap(m);
                            if (predicate.test(sm)) {
                                return sm;
                            }
                        }
                    }
                    return null;
                },
                sim.timeout());
    }

    // ------------------------------------------------------------------------------------------ interactions

    /** Runs a slash command without options: {@code runSlash(channel, "issue mine")}. */
    public SimInteraction runSlash(SimChannel channel, String command) {
        return runSlash(channel, command, Map.of());
    }

    /**
     * Runs a slash command. {@code command} is the name plus any subcommand group and subcommand
     * ({@code "issue show"}); option values may be String, Number, Boolean, {@link SimMember} (user),
     * {@link SimChannel}, {@link SimRole} or {@link SimFile} (attachment). The option types come from the
     * command the bot registered, like the Discord client.
     */
    public SimInteraction runSlash(SimChannel channel, String command, Map<String, ?> options) {
        ChannelState c = channel.state;
        return act("/" + command + " " + options + " in " + describe(c), () -> {
            checkCanUseCommands(c);
            CommandInputs.CommandInput input = commands.commandData(c, command, options, null, null);
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.APPLICATION_COMMAND,
                    state.user,
                    c,
                    input.data(),
                    null,
                    null,
                    input.fullName(),
                    1));
        });
    }

    /**
     * Runs a slash command this member's client no longer lists or never listed (a client that has not yet
     * refreshed its command list, or a hand-made request): the interaction reaches the bot even though
     * {@link #visibleCommands} lacks the command, so tests can prove the bot refuses it on its own.
     */
    public SimInteraction runSlashFromStaleClient(SimChannel channel, String command, Map<String, ?> options) {
        ChannelState c = channel.state;
        return act("/" + command + " " + options + " from a stale client in " + describe(c), () -> {
            checkCanUseCommands(c);
            CommandInputs.CommandInput input = commands.commandData(c, command, options, null, null, false);
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.APPLICATION_COMMAND,
                    state.user,
                    c,
                    input.data(),
                    null,
                    null,
                    input.fullName(),
                    1));
        });
    }

    /**
     * The application commands this member's client lists in {@code channel} (slash commands by name, context-menu
     * commands by their label), as Discord decides from {@code default_member_permissions} and the overwrites set
     * in Server Settings → Integrations.
     */
    public List<String> visibleCommands(SimChannel channel) {
        return world.write(() -> {
            List<String> names = new ArrayList<>();
            for (CommandState cmd :
                    world.commandAccess.visibleTo(world.memberOf(channel.state, state.user), channel.state)) {
                names.add(cmd.name());
            }
            return names;
        });
    }

    /**
     * Sends an autocomplete interaction as if this member typed {@code typed} into {@code option}; the other
     * options already filled in come from {@code others}. Read the answer with {@link SimInteraction#awaitChoices()}.
     */
    public SimInteraction autocomplete(
            SimChannel channel, String command, String option, String typed, Map<String, ?> others) {
        ChannelState c = channel.state;
        return act("autocomplete /" + command + " " + option + "='" + typed + "'", () -> {
            checkCanUseCommands(c);
            CommandInputs.CommandInput input = commands.commandData(c, command, others, option, typed);
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.AUTOCOMPLETE, state.user, c, input.data(), null, null, input.fullName(), 1));
        });
    }

    public SimInteraction autocomplete(SimChannel channel, String command, String option, String typed) {
        return autocomplete(channel, command, option, typed, Map.of());
    }

    /** Runs a message context-menu command on {@code message}. */
    public SimInteraction runMessageCommand(SimMessage message, String name) {
        return runMessageCommand(message, name, true);
    }

    /** Runs a message command this member's client does not list (see {@link #runSlashFromStaleClient}). */
    public SimInteraction runMessageCommandFromStaleClient(SimMessage message, String name) {
        return runMessageCommand(message, name, false);
    }

    private SimInteraction runMessageCommand(SimMessage message, String name, boolean asListed) {
        MessageState m = message.state;
        return act("message command '" + name + "' on message " + m.id, () -> {
            checkCanUseCommands(m.channel);
            CommandState cmd = commands.command(m.channel, name, 3, asListed);
            ObjectNode data = Json.obj();
            data.put("id", Json.str(cmd.id()));
            data.put("name", cmd.name());
            data.put("type", 3);
            if (cmd.guildId() != 0) {
                data.put("guild_id", Json.str(cmd.guildId()));
            }
            data.put("target_id", Json.str(m.id));
            // The target's content is delivered even without the MESSAGE_CONTENT intent.
            data.putObject("resolved").putObject("messages").set(Json.str(m.id), world.views.message(m, true));
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.APPLICATION_COMMAND, state.user, m.channel, data, null, null, cmd.name(), 3));
        });
    }

    /** Runs a user context-menu command on {@code target} from {@code channel}. */
    public SimInteraction runUserCommand(SimChannel channel, SimMember target, String name) {
        ChannelState c = channel.state;
        return act("user command '" + name + "' on " + target.name(), () -> {
            checkCanUseCommands(c);
            CommandState cmd = commands.command(c, name, 2);
            ObjectNode data = Json.obj();
            data.put("id", Json.str(cmd.id()));
            data.put("name", cmd.name());
            data.put("type", 2);
            if (cmd.guildId() != 0) {
                data.put("guild_id", Json.str(cmd.guildId()));
            }
            data.put("target_id", Json.str(target.id()));
            ObjectNode resolved = data.putObject("resolved");
            commands.resolveUser(resolved, c, target.state);
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.APPLICATION_COMMAND, state.user, c, data, null, null, cmd.name(), 2));
        });
    }

    /** Presses a button by label (or custom id). Disabled and link buttons cannot be pressed. */
    public SimInteraction pressButton(SimMessage message, String labelOrCustomId) {
        MessageState m = message.state;
        return act("press '" + labelOrCustomId + "' on message " + m.id, () -> {
            checkCanInteractWith(m);
            JsonNode button =
                    findComponent(m, c -> c.path("type").asInt() == 2 && labelOrCustomId.equals(Json.text(c, "label")));
            if (button == null) {
                button = findComponent(
                        m, c -> c.path("type").asInt() == 2 && labelOrCustomId.equals(Json.text(c, "custom_id")));
            }
            if (button == null) {
                throw new IllegalArgumentException("no button '" + labelOrCustomId + "' on " + wrap(m));
            }
            if (button.path("disabled").asBoolean(false)) {
                throw new IllegalStateException("button '" + labelOrCustomId + "' is disabled");
            }
            int style = button.path("style").asInt();
            if (style == 5 || style == 6) {
                throw new IllegalArgumentException("link and premium buttons do not send interactions");
            }
            ObjectNode data = Json.obj();
            data.put("custom_id", button.path("custom_id").asText());
            data.put("component_type", 2);
            data.put("id", button.path("id").asInt());
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.MESSAGE_COMPONENT, state.user, m.channel, data, m, null, null, 0));
        });
    }

    /**
     * Picks values in a select menu found by custom id or placeholder. For string selects, values are option
     * values or labels; for user/role/channel selects, ids.
     */
    public SimInteraction selectOption(SimMessage message, String customIdOrPlaceholder, String... values) {
        MessageState m = message.state;
        return act("select " + String.join(", ", values) + " in '" + customIdOrPlaceholder + "'", () -> {
            checkCanInteractWith(m);
            JsonNode select = findComponent(
                    m,
                    c -> isSelect(c)
                            && (customIdOrPlaceholder.equals(Json.text(c, "custom_id"))
                                    || customIdOrPlaceholder.equals(Json.text(c, "placeholder"))));
            if (select == null) {
                throw new IllegalArgumentException("no select '" + customIdOrPlaceholder + "' on " + wrap(m));
            }
            if (select.path("disabled").asBoolean(false)) {
                throw new IllegalStateException("select '" + customIdOrPlaceholder + "' is disabled");
            }
            int min = select.path("min_values").asInt(1);
            int max = select.path("max_values").asInt(1);
            if (values.length < min || values.length > max) {
                throw new IllegalArgumentException("select needs between " + min + " and " + max + " values");
            }
            int type = select.path("type").asInt();
            ObjectNode data = Json.obj();
            data.put("custom_id", select.path("custom_id").asText());
            data.put("component_type", type);
            data.put("id", select.path("id").asInt());
            ArrayNode chosen = data.putArray("values");
            if (type == 3) {
                for (String v : values) {
                    chosen.add(optionValue(select, v));
                }
            } else {
                ObjectNode resolved = data.putObject("resolved");
                for (String v : values) {
                    chosen.add(v);
                    long id = Long.parseLong(v);
                    MemberState member = m.channel.guild == null ? null : m.channel.guild.members.get(id);
                    if (member != null) {
                        commands.resolveUser(resolved, m.channel, member);
                    }
                }
            }
            return interaction(world.interactionRules.createInteraction(
                    InteractionState.MESSAGE_COMPONENT, state.user, m.channel, data, m, null, null, 0));
        });
    }

    private static boolean isSelect(JsonNode c) {
        int t = c.path("type").asInt();
        return t == 3 || (t >= 5 && t <= 8);
    }

    private static String optionValue(JsonNode select, String v) {
        for (JsonNode o : select.path("options")) {
            if (v.equals(Json.text(o, "value"))) {
                return v;
            }
        }
        for (JsonNode o : select.path("options")) {
            if (v.equals(Json.text(o, "label"))) {
                return o.path("value").asText();
            }
        }
        throw new IllegalArgumentException("select has no option '" + v + "'");
    }

    private JsonNode findComponent(MessageState m, Predicate<JsonNode> p) {
        JsonNode[] found = {null};
        SimMessage.collect(m.components, c -> {
            if (found[0] == null && p.test(c)) {
                found[0] = c;
            }
        });
        return found[0];
    }

    private void checkCanInteractWith(MessageState m) {
        if (m.deleted) {
            throw ApiError.unknownMessage();
        }
        if (m.ephemeralTo != 0 && m.ephemeralTo != state.user.id) {
            throw new IllegalStateException("message " + m.id + " is ephemeral and not visible to " + name());
        }
        if (m.channel.guild != null) {
            long perms = Perms.in(m.channel, member(m.channel));
            if (!Perms.has(perms, Perms.VIEW_CHANNEL)) {
                throw ApiError.missingAccess();
            }
        }
    }

    private void checkCanUseCommands(ChannelState c) {
        if (c == null || c.deleted) {
            throw ApiError.unknownChannel();
        }
        if (c.guild == null) {
            return;
        }
        long perms = Perms.in(c, member(c));
        if (!Perms.has(perms, Perms.VIEW_CHANNEL) || !Perms.has(perms, Perms.USE_APPLICATION_COMMANDS)) {
            throw ApiError.missingPermissions();
        }
        if (c.isThread() && c.archived && c.locked) {
            throw ApiError.threadArchived();
        }
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private SimInteraction interaction(InteractionState i) {
        return new SimInteraction(sim, world, i);
    }

    private SimMessage wrap(MessageState m) {
        return new SimMessage(sim, world, m);
    }

    private static String describe(ChannelState c) {
        return c.isDm() ? "DM" : "#" + c.name;
    }

    /** Runs an action under the world lock, logging it and turning Discord's refusal into an exception. */
    private <T> T act(String what, Supplier<T> action) {
        world.traffic.people(name() + ": " + what);
        try {
            return world.write(action);
        } catch (ApiError e) {
            throw new IllegalStateException(
                    name() + " cannot " + what + ": Discord refused with " + e.status + " " + e.body, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimMember m && m.state.user.id == state.user.id && m.state.guild == state.guild;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state.user.id);
    }

    @Override
    public String toString() {
        return state.user.username;
    }
}
