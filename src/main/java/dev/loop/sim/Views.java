package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Serializes world state into the JSON objects Discord sends. Callers hold the world lock, so each object is a
 * consistent snapshot; the produced nodes are never mutated afterwards and can be shared between sessions.
 */
final class Views {
    private final World world;

    Views(World world) {
        this.world = world;
    }

    ObjectNode user(UserState u) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(u.id));
        o.put("username", u.username);
        o.put("global_name", u.globalName);
        o.put("discriminator", "0");
        o.putNull("avatar");
        if (u.bot) {
            o.put("bot", true);
        }
        o.put("public_flags", 0);
        return o;
    }

    ObjectNode member(MemberState m, boolean withUser) {
        ObjectNode o = Json.obj();
        if (withUser) {
            o.set("user", user(m.user));
        }
        o.set("roles", ChannelState.ids(m.roleIds));
        o.put("joined_at", Json.iso(m.joinedAtMs));
        o.put("nick", m.nick);
        o.putNull("avatar");
        o.putNull("premium_since");
        o.put("deaf", false);
        o.put("mute", false);
        o.put("flags", 0);
        o.put("pending", false);
        o.putNull("communication_disabled_until");
        return o;
    }

    ObjectNode role(RoleState r) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(r.id));
        o.put("name", r.name);
        o.put("color", r.color);
        ObjectNode colors = o.putObject("colors");
        colors.put("primary_color", r.color);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        o.put("hoist", r.hoist);
        o.putNull("icon");
        o.putNull("unicode_emoji");
        o.put("position", r.position);
        o.put("permissions", Long.toString(r.permissions));
        o.put("managed", r.botId != 0);
        o.put("mentionable", r.mentionable);
        o.put("flags", 0);
        if (r.botId != 0) {
            o.putObject("tags").put("bot_id", Json.str(r.botId));
        }
        return o;
    }

    ObjectNode channel(ChannelState c) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(c.id));
        o.put("type", c.type);
        if (c.guild != null) {
            o.put("guild_id", Json.str(c.guild.id));
        }
        if (c.isDm()) {
            ArrayNode recipients = o.putArray("recipients");
            if (c.recipient != null) {
                recipients.add(user(c.recipient));
            }
            o.put("last_message_id", c.lastMessageId == 0 ? null : Json.str(c.lastMessageId));
            o.put("flags", 0);
            return o;
        }
        o.put("name", c.name);
        o.put("flags", c.flags);
        o.put("last_message_id", c.lastMessageId == 0 ? null : Json.str(c.lastMessageId));
        o.put("rate_limit_per_user", c.rateLimitPerUser);
        o.put("parent_id", c.parentId == 0 ? null : Json.str(c.parentId));
        if (c.isThread()) {
            o.put("owner_id", Json.str(c.ownerId));
            o.put("member_count", Math.min(50, c.threadMembers.size()));
            o.put("message_count", c.messageCount);
            o.put("total_message_sent", c.totalMessageSent);
            ObjectNode meta = o.putObject("thread_metadata");
            meta.put("archived", c.archived);
            meta.put("auto_archive_duration", c.autoArchiveMinutes);
            meta.put("archive_timestamp", Json.iso(c.archiveTimestampMs));
            meta.put("locked", c.locked);
            if (c.type == ChannelState.PRIVATE_THREAD) {
                meta.put("invitable", c.invitable);
            }
            meta.put("create_timestamp", Json.iso(c.createTimestampMs));
            o.set("applied_tags", ChannelState.ids(c.appliedTags));
            return o;
        }
        o.put("position", c.position);
        o.put("nsfw", false);
        o.put("topic", c.topic);
        ArrayNode overwrites = o.putArray("permission_overwrites");
        for (ChannelState.Overwrite ow : c.overwrites) {
            ObjectNode w = overwrites.addObject();
            w.put("id", Json.str(ow.id()));
            w.put("type", ow.type());
            w.put("allow", Long.toString(ow.allow()));
            w.put("deny", Long.toString(ow.deny()));
        }
        if (c.isForum()) {
            ArrayNode tags = o.putArray("available_tags");
            for (ChannelState.Tag t : c.availableTags) {
                tags.add(tag(t));
            }
            o.putNull("default_reaction_emoji");
            o.putNull("default_sort_order");
            o.put("default_forum_layout", 0);
            o.put("default_thread_rate_limit_per_user", 0);
        }
        return o;
    }

    ObjectNode tag(ChannelState.Tag t) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(t.id()));
        o.put("name", t.name());
        o.put("moderated", t.moderated());
        o.putNull("emoji_id");
        o.put("emoji_name", t.emojiName());
        return o;
    }

    /**
     * @param readable false when the viewer lacks MESSAGE_CONTENT and none of Discord's exceptions apply: content,
     *     embeds, attachments and components are blanked and the poll omitted
     */
    ObjectNode message(MessageState m, boolean readable) {
        return message(m, readable, true);
    }

    /** Discord nests {@code referenced_message} one level deep only. */
    private ObjectNode message(MessageState m, boolean readable, boolean withReferenced) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(m.id));
        o.put("channel_id", Json.str(m.channel.id));
        o.put("type", m.type);
        o.put("content", readable ? m.content : "");
        o.set("author", user(m.author));
        ArrayNode attachments = o.putArray("attachments");
        if (readable) {
            for (AttachmentState a : m.attachments) {
                attachments.add(attachment(a));
            }
        }
        o.set("embeds", readable ? m.embeds : Json.arr());
        o.set("components", readable ? m.components : Json.arr());
        ArrayNode mentions = o.putArray("mentions");
        for (long id : m.pings.users()) {
            UserState u = world.users.get(id);
            if (u != null) {
                mentions.add(user(u));
            }
        }
        ArrayNode mentionRoles = o.putArray("mention_roles");
        for (long id : m.pings.roles()) {
            mentionRoles.add(Json.str(id));
        }
        o.put("mention_everyone", m.pings.everyone());
        o.put("pinned", m.pinned);
        o.put("tts", m.tts);
        o.put("timestamp", Json.iso(m.createdMs));
        o.put("edited_timestamp", m.editedMs == 0 ? null : Json.iso(m.editedMs));
        o.put("flags", m.flags);
        if (m.nonce != null) {
            o.set("nonce", m.nonce);
        }
        synchronized (m.reactions) {
            if (!m.reactions.isEmpty()) {
                ArrayNode reactions = o.putArray("reactions");
                for (Map.Entry<String, MessageState.Reaction> e : m.reactions.entrySet()) {
                    MessageState.Reaction r = e.getValue();
                    ObjectNode ro = reactions.addObject();
                    ro.put("count", r.users.size());
                    ObjectNode details = ro.putObject("count_details");
                    details.put("burst", 0);
                    details.put("normal", r.users.size());
                    ro.put("me", r.users.contains(world.bot.id));
                    ro.put("me_burst", false);
                    ro.set("emoji", r.emoji);
                    ro.putArray("burst_colors");
                }
            }
        }
        InteractionState i = m.interaction;
        if (i != null) {
            o.put("webhook_id", Json.str(world.applicationId));
            o.put("application_id", Json.str(world.applicationId));
            o.set("interaction_metadata", interactionMetadata(i, m));
        }
        if (m.messageReference != null) {
            o.set("message_reference", m.messageReference);
            if (m.referencedMessageId != 0 && withReferenced) {
                MessageState ref = world.messages.get(m.referencedMessageId);
                if (ref == null || ref.deleted) {
                    o.putNull("referenced_message");
                } else if (m.type == MessageState.TYPE_REPLY) {
                    o.set("referenced_message", message(ref, readable || world.contentExempt(ref), false));
                }
            }
        }
        if (m.poll != null && readable) {
            o.set("poll", poll(m.poll));
        }
        if (m.threadId != 0) {
            ChannelState t = world.channels.get(m.threadId);
            if (t != null && !t.deleted) {
                o.set("thread", channel(t));
            }
        }
        return o;
    }

    ObjectNode interactionMetadata(InteractionState i, MessageState m) {
        ObjectNode meta = Json.obj();
        meta.put("id", Json.str(i.id));
        meta.put("type", i.type);
        meta.set("user", user(i.user));
        ObjectNode owners = meta.putObject("authorizing_integration_owners");
        owners.put("0", i.channel.guild == null ? "0" : Json.str(i.channel.guild.id));
        if (i.commandName != null) {
            meta.put("name", i.commandName);
            meta.put("command_type", i.commandType);
        }
        MessageState original = i.original;
        if (original != null && original != m && i.type != InteractionState.MESSAGE_COMPONENT) {
            meta.put("original_response_message_id", Json.str(original.id));
        }
        if (i.sourceMessage != null) {
            meta.put("interacted_message_id", Json.str(i.sourceMessage.id));
        }
        if (i.parent != null) {
            meta.set("triggering_interaction_metadata", interactionMetadata(i.parent, null));
        }
        return meta;
    }

    ObjectNode attachment(AttachmentState a) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(a.id()));
        o.put("filename", a.filename());
        o.put("size", a.size());
        o.put("url", a.url());
        o.put("proxy_url", a.url().replace("cdn.discordapp.com", "media.discordapp.net"));
        if (a.contentType() != null) {
            o.put("content_type", a.contentType());
        }
        if (a.description() != null) {
            o.put("description", a.description());
        }
        return o;
    }

    ObjectNode poll(PollState p) {
        ObjectNode o = Json.obj();
        o.putObject("question").put("text", p.question);
        ArrayNode answers = o.putArray("answers");
        for (PollState.Answer a : p.answers) {
            ObjectNode ao = answers.addObject();
            ao.put("answer_id", a.id());
            ObjectNode media = ao.putObject("poll_media");
            media.put("text", a.text());
            if (a.emojiName() != null || a.emojiId() != null) {
                ObjectNode e = media.putObject("emoji");
                e.put("id", a.emojiId());
                e.put("name", a.emojiName());
            }
        }
        o.put("expiry", p.expiryMs == 0 ? null : Json.iso(p.expiryMs));
        o.put("allow_multiselect", p.multiselect);
        o.put("layout_type", p.layoutType);
        ObjectNode results = o.putObject("results");
        results.put("is_finalized", p.finalized);
        ArrayNode counts = results.putArray("answer_counts");
        for (PollState.Answer a : p.answers) {
            int n = p.count(a.id());
            if (n > 0) {
                ObjectNode c = counts.addObject();
                c.put("id", a.id());
                c.put("count", n);
                c.put("me_voted", false);
            }
        }
        return o;
    }

    /** GUILD_CREATE; {@code allMembers} false sends only the bot, as Discord does without GUILD_PRESENCES. */
    ObjectNode guildCreate(GuildState g, boolean allMembers, int largeThreshold) {
        ObjectNode o = guild(g);
        o.put("joined_at", Json.iso(g.botMember.joinedAtMs));
        o.put("large", g.members.size() > largeThreshold);
        o.put("unavailable", false);
        o.put("member_count", g.members.size());
        o.putArray("voice_states");
        ArrayNode members = o.putArray("members");
        if (allMembers) {
            for (MemberState m : g.members.values()) {
                members.add(member(m, true));
            }
        } else {
            members.add(member(g.botMember, true));
        }
        ArrayNode channels = o.putArray("channels");
        ArrayNode threads = o.putArray("threads");
        for (ChannelState c : g.channels.values()) {
            if (c.deleted) {
                continue;
            }
            if (c.isThread()) {
                if (!c.archived && world.botCanView(c)) {
                    threads.add(channel(c));
                }
            } else {
                channels.add(channel(c));
            }
        }
        o.putArray("presences");
        o.putArray("stage_instances");
        o.putArray("guild_scheduled_events");
        o.putArray("soundboard_sounds");
        return o;
    }

    ObjectNode guild(GuildState g) {
        ObjectNode o = Json.obj();
        o.put("id", Json.str(g.id));
        o.put("name", g.name);
        o.putNull("icon");
        o.putNull("splash");
        o.putNull("discovery_splash");
        o.put("owner_id", Json.str(g.ownerId));
        o.putNull("afk_channel_id");
        o.put("afk_timeout", 300);
        o.put("verification_level", 0);
        o.put("default_message_notifications", 1);
        o.put("explicit_content_filter", 0);
        ArrayNode roles = o.putArray("roles");
        for (RoleState r : g.roles.values()) {
            roles.add(role(r));
        }
        o.putArray("emojis");
        o.putArray("stickers");
        o.putArray("features");
        o.put("mfa_level", 0);
        o.putNull("application_id");
        o.putNull("system_channel_id");
        o.put("system_channel_flags", 0);
        o.putNull("rules_channel_id");
        o.putNull("vanity_url_code");
        o.putNull("description");
        o.putNull("banner");
        o.put("premium_tier", 0);
        o.put("premium_subscription_count", 0);
        o.put("preferred_locale", "en-US");
        o.putNull("public_updates_channel_id");
        o.put("nsfw_level", 0);
        o.put("premium_progress_bar_enabled", false);
        o.put("max_members", 500000);
        return o;
    }

    static JsonNode emoji(String name, String id) {
        ObjectNode e = Json.obj();
        e.put("id", id);
        e.put("name", name);
        if (id != null) {
            e.put("animated", false);
        }
        return e;
    }
}
