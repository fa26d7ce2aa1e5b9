package dev.loop.core.discord;

import dev.loop.core.text.Safe;
import java.awt.Color;
import java.util.Collection;
import java.util.EnumSet;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * The one place replies and embeds are assembled. Everything Loop sends goes through these builders so that
 * mentions are opt-in (only the users named in {@code pinging} can be pinged) and text fits Discord's limits.
 */
public final class Replies {

    public static final Color BRAND = new Color(0x5865F2);
    public static final Color WARN = new Color(0xF0B232);
    public static final Color DANGER = new Color(0xDA373C);
    public static final Color OK = new Color(0x23A55A);

    private Replies() {}

    /**
     * Makes "nobody is pinged unless named" the default for every message JDA sends. Called once at start, before
     * JDA is built.
     */
    public static void installMentionPolicy() {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
    }

    /** A plain message that pings nobody. */
    public static MessageCreateData text(String content) {
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(content, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** A message that may ping exactly the given users and nobody else. */
    public static MessageCreateBuilder pinging(String content, Collection<Long> userIds) {
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setContent(Safe.truncate(content, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (!userIds.isEmpty())
            b.mentionUsers(userIds.stream().map(String::valueOf).toList());
        return b;
    }

    /** A message that may ping exactly the given role (team alerts when an issue has no owner). */
    public static MessageCreateBuilder pingingRole(String content, long roleId) {
        return new MessageCreateBuilder()
                .setContent(Safe.truncate(content, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRoles(String.valueOf(roleId));
    }

    public static MessageCreateData embed(MessageEmbed embed) {
        return new MessageCreateBuilder()
                .setEmbeds(embed)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** An embed builder whose setters the caller must still feed through {@link #field}/{@link #title} limits. */
    public static EmbedBuilder card(Color color) {
        return new EmbedBuilder().setColor(color);
    }

    public static String title(String text) {
        return Safe.inline(text, MessageEmbed.TITLE_MAX_LENGTH);
    }

    public static String description(String text) {
        return Safe.truncate(text, MessageEmbed.DESCRIPTION_MAX_LENGTH);
    }

    public static String field(String text) {
        return Safe.truncate(text == null || text.isBlank() ? "—" : text, MessageEmbed.VALUE_MAX_LENGTH);
    }

    /** The sentence shown when an unexpected failure happened; the id ties it to the log line. */
    public static String failure(String errorId) {
        return "Something went wrong on our side (error id `" + errorId
                + "`). Please try again; if it keeps happening, give the team that id.";
    }
}
