package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A live view of a message: every read returns the current state, so edits by the bot show up. Embeds and
 * components come back as small records rather than JSON.
 */
public final class SimMessage {
    /** A rich embed. Absent fields are null; fields keep their order. */
    public record Embed(
            String title,
            String description,
            String url,
            Integer color,
            List<Field> fields,
            String footer,
            String author,
            String imageUrl,
            String thumbnailUrl) {
        /** The value of the first field with this name, or null. */
        public String field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f.value();
                }
            }
            return null;
        }
    }

    public record Field(String name, String value, boolean inline) {}

    /** A button; {@code style} 1..4 carry a custom id, 5 is a link. */
    public record Button(String label, String customId, int style, String url, boolean disabled, String emoji) {}

    public record SelectOption(String label, String value, String description, boolean isDefault) {}

    /** A select menu; {@code type} 3 is a string select, 5..8 user/role/mentionable/channel. */
    public record Select(
            int type,
            String customId,
            String placeholder,
            List<SelectOption> options,
            int minValues,
            int maxValues,
            boolean disabled) {}

    public record Attachment(
            long id, String filename, String url, String contentType, String description, byte[] data) {}

    public record PollAnswer(int id, String text, int votes) {}

    public record Poll(String question, List<PollAnswer> answers, boolean multiselect, boolean finalized) {}

    private final Sim sim;
    private final World world;
    final MessageState state;

    SimMessage(Sim sim, World world, MessageState state) {
        this.sim = sim;
        this.world = world;
        this.state = state;
    }

    public long id() {
        return state.id;
    }

    public SimChannel channel() {
        return sim.wrap(state.channel);
    }

    public long authorId() {
        return state.author.id;
    }

    public String authorName() {
        return state.author.username;
    }

    public boolean fromBot() {
        return state.author == world.bot;
    }

    /** Discord's message type: 0 default, 19 reply, 20 slash response, 23 context menu, 46 poll result... */
    public int type() {
        return state.type;
    }

    public String content() {
        return state.content;
    }

    public int flags() {
        return state.flags;
    }

    public boolean ephemeral() {
        return state.isEphemeral();
    }

    /** Still the "thinking..." placeholder of a deferred reply. */
    public boolean loading() {
        return state.isLoading();
    }

    public boolean deleted() {
        return state.deleted;
    }

    public boolean edited() {
        return state.editedMs != 0;
    }

    public boolean pinned() {
        return state.pinned;
    }

    /** Discord's jump link. */
    public String jumpUrl() {
        ChannelState c = state.channel;
        return "https://discord.com/channels/" + (c.guild == null ? "@me" : c.guild.id) + "/" + c.id + "/" + state.id;
    }

    public List<Embed> embeds() {
        List<Embed> out = new ArrayList<>();
        for (JsonNode e : state.embeds) {
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : e.path("fields")) {
                fields.add(new Field(
                        f.path("name").asText(),
                        f.path("value").asText(),
                        f.path("inline").asBoolean()));
            }
            out.add(new Embed(
                    Json.text(e, "title"),
                    Json.text(e, "description"),
                    Json.text(e, "url"),
                    e.has("color") && !e.get("color").isNull() ? e.get("color").asInt() : null,
                    List.copyOf(fields),
                    Json.text(e.path("footer"), "text"),
                    Json.text(e.path("author"), "name"),
                    Json.text(e.path("image"), "url"),
                    Json.text(e.path("thumbnail"), "url")));
        }
        return out;
    }

    /** All buttons, in layout order, including those nested in V2 sections and containers. */
    public List<Button> buttons() {
        List<Button> out = new ArrayList<>();
        collect(state.components, c -> {
            if (c.path("type").asInt() == 2) {
                JsonNode emoji = c.get("emoji");
                out.add(new Button(
                        Json.text(c, "label"),
                        Json.text(c, "custom_id"),
                        c.path("style").asInt(),
                        Json.text(c, "url"),
                        c.path("disabled").asBoolean(false),
                        emoji == null ? null : Json.text(emoji, "name")));
            }
        });
        return out;
    }

    /**
     * Rewrites the custom id of the button labelled {@code label}, as a message posted by an older version of the
     * bot (or a replayed, tampered id) would carry it; nothing else about the message changes. Discord hands a
     * button's custom id back verbatim, so this is how a bot meets ids it no longer writes.
     */
    public SimMessage rewriteButtonId(String label, String customId) {
        boolean[] found = {false};
        collect(state.components, c -> {
            if (c.path("type").asInt() == 2 && label.equals(Json.text(c, "label"))) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("custom_id", customId);
                found[0] = true;
            }
        });
        if (!found[0]) throw new IllegalArgumentException("no button '" + label + "' on message " + state.id);
        return this;
    }

    public List<String> buttonLabels() {
        return buttons().stream().map(Button::label).toList();
    }

    public List<Select> selects() {
        List<Select> out = new ArrayList<>();
        collect(state.components, c -> {
            int type = c.path("type").asInt();
            if (type == 3 || (type >= 5 && type <= 8)) {
                List<SelectOption> options = new ArrayList<>();
                for (JsonNode o : c.path("options")) {
                    options.add(new SelectOption(
                            Json.text(o, "label"),
                            Json.text(o, "value"),
                            Json.text(o, "description"),
                            o.path("default").asBoolean(false)));
                }
                out.add(new Select(
                        type,
                        Json.text(c, "custom_id"),
                        Json.text(c, "placeholder"),
                        List.copyOf(options),
                        c.path("min_values").asInt(1),
                        c.path("max_values").asInt(1),
                        c.path("disabled").asBoolean(false)));
            }
        });
        return out;
    }

    /** Text of every components-V2 text display, in order. */
    public List<String> textDisplays() {
        List<String> out = new ArrayList<>();
        collect(state.components, c -> {
            if (c.path("type").asInt() == 10) {
                out.add(c.path("content").asText());
            }
        });
        return out;
    }

    static void collect(JsonNode components, java.util.function.Consumer<JsonNode> sink) {
        for (JsonNode c : components) {
            sink.accept(c);
            if (c.has("components")) {
                collect(c.get("components"), sink);
            }
            if (c.has("accessory")) {
                sink.accept(c.get("accessory"));
            }
        }
    }

    public List<Attachment> attachments() {
        List<Attachment> out = new ArrayList<>();
        for (AttachmentState a : state.attachments) {
            out.add(new Attachment(a.id(), a.filename(), a.url(), a.contentType(), a.description(), a.data()));
        }
        return out;
    }

    /** Ids of users this message actually pinged (allowed_mentions applied), including a pinged replied user. */
    public Set<Long> pinged() {
        return state.pings.users();
    }

    /** Usernames of the users this message actually pinged. */
    public Set<String> pingedNames() {
        Set<String> out = new LinkedHashSet<>();
        for (long id : state.pings.users()) {
            UserState u = world.users.get(id);
            out.add(u == null ? Long.toString(id) : u.username);
        }
        return out;
    }

    /** Ids of roles this message actually pinged. */
    public Set<Long> pingedRoles() {
        return state.pings.roles();
    }

    /** Whether @everyone / @here actually pinged. */
    public boolean pingedEveryone() {
        return state.pings.everyone();
    }

    /** Whether this message notified {@code member}: directly, through a role, or through @everyone. */
    public boolean pings(SimMember member) {
        return pings(state, member.state);
    }

    static boolean pings(MessageState m, MemberState member) {
        MessageState.Pings p = m.pings;
        if (p.users().contains(member.user.id)) {
            return true;
        }
        if (m.channel.guild != member.guild) {
            return false;
        }
        for (long role : p.roles()) {
            if (member.hasRole(role)) {
                return true;
            }
        }
        return p.everyone() && Perms.has(Perms.in(m.channel, member), Perms.VIEW_CHANNEL);
    }

    /** Emoji to reaction count, in first-reaction order. */
    public Map<String, Integer> reactions() {
        Map<String, Integer> out = new LinkedHashMap<>();
        synchronized (state.reactions) {
            state.reactions.forEach((k, v) -> out.put(k, v.users.size()));
        }
        return out;
    }

    /** Ids of users who reacted with {@code emoji}. */
    public Set<Long> reactors(String emoji) {
        synchronized (state.reactions) {
            MessageState.Reaction r = state.reactions.get(emoji);
            return r == null ? Set.of() : Set.copyOf(r.users);
        }
    }

    public boolean reactedByBot(String emoji) {
        return reactors(emoji).contains(world.bot.id);
    }

    /** The poll on this message, or null. */
    public Poll poll() {
        PollState p = state.poll;
        if (p == null) {
            return null;
        }
        return world.write(() -> {
            List<PollAnswer> answers = new ArrayList<>();
            for (PollState.Answer a : p.answers) {
                answers.add(new PollAnswer(a.id(), a.text(), p.count(a.id())));
            }
            return new Poll(p.question, List.copyOf(answers), p.multiselect, p.finalized);
        });
    }

    /**
     * Ends this message's poll now, as when its duration runs out: final results (MESSAGE_UPDATE) and a type-46
     * poll result message, which is returned.
     */
    public SimMessage endPoll() {
        return new SimMessage(sim, world, world.write(() -> world.pollRules.endPoll(state)));
    }

    /** For a type-46 poll result message: the {@code poll_result} embed fields by name. */
    public Map<String, String> pollResult() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode e = state.pollResultEmbed;
        if (e != null) {
            for (JsonNode f : e.path("fields")) {
                out.put(f.path("name").asText(), f.path("value").asText());
            }
        }
        return out;
    }

    /** The message this one replies to (or, for a poll result, the poll), or null. */
    public SimMessage referencedMessage() {
        JsonNode ref = state.messageReference;
        if (ref == null) {
            return null;
        }
        MessageState m = world.messages.get(Json.id(ref.get("message_id")));
        return m == null ? null : new SimMessage(sim, world, m);
    }

    /** The thread started from this message, or null. */
    public SimChannel thread() {
        return state.threadId == 0 ? null : sim.wrap(world.channels.get(state.threadId));
    }

    /** The message as the bot receives it over REST, for assertions on raw fields. */
    public String json() {
        return world.write(() -> Json.write(world.views.message(state, true)));
    }

    /** Waits until this message satisfies {@code condition}, e.g. after the bot edits it. */
    public SimMessage awaitState(String description, java.util.function.Predicate<SimMessage> condition) {
        return world.await(
                description + " on message " + state.id, () -> condition.test(this) ? this : null, sim.timeout());
    }

    /** Waits until the bot deletes this message. */
    public void awaitDeleted() {
        awaitState("deletion", SimMessage::deleted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimMessage m && m.state.id == state.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state.id);
    }

    @Override
    public String toString() {
        return "message " + state.id + " by " + state.author.username + ": "
                + Json.abbreviate(state.content, 80)
                + (state.embeds.isEmpty() ? "" : " +" + state.embeds.size() + " embed(s)")
                + (buttons().isEmpty() ? "" : " buttons" + buttonLabels());
    }
}
