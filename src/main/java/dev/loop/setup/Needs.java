package dev.loop.setup;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * What Loop needs from Discord, in one place: the invite asks for {@link #INVITE}; {@code check} verifies each
 * configured channel against what Loop does there. Every permission carries the reason it is asked for, so a missing
 * one can be explained in a sentence.
 */
public final class Needs {

    /** OAuth2 scopes of the invite: the bot user, and its slash commands. */
    public static final List<String> SCOPES = List.of("bot", "applications.commands");

    /** Why each permission is asked for, in the order the invite lists them. */
    public static final Map<Permission, String> WHY = why();

    /** Everything the invite asks for. */
    public static final Set<Permission> INVITE = EnumSet.copyOf(WHY.keySet());

    private Needs() {}

    private static Map<Permission, String> why() {
        Map<Permission, String> m = new LinkedHashMap<>();
        m.put(Permission.VIEW_CHANNEL, "to see the channels it works in");
        m.put(Permission.MESSAGE_SEND, "to post issue cards, alerts and release announcements");
        m.put(Permission.MESSAGE_SEND_IN_THREADS, "to answer in support threads and forum posts");
        m.put(Permission.MESSAGE_EMBED_LINKS, "to post issue cards and previews as embeds");
        m.put(Permission.MESSAGE_ATTACH_FILES, "to attach the KPI chart to the weekly report");
        m.put(Permission.MESSAGE_HISTORY, "to read a thread's messages when capturing it");
        m.put(Permission.MESSAGE_ADD_REACTION, "no current feature needs it, so check does not require it");
        m.put(Permission.MESSAGE_MANAGE, "to remove priority reactions added by non-engineers");
        m.put(Permission.MANAGE_THREADS, "to reopen archived threads and set the tracked/shipped forum tags");
        m.put(Permission.MESSAGE_SEND_POLLS, "to post naming votes as polls");
        return Collections.unmodifiableMap(m);
    }

    /** The invite's permission integer. */
    public static long invitePermissions() {
        return Permission.getRaw(INVITE);
    }

    /** What a channel is to Loop; each role needs its own permissions there. */
    public enum Purpose {
        SUPPORT_FORUM("channels.support"),
        SUPPORT_TEXT("channels.support"),
        TEAM("channels.team"),
        RELEASES("channels.releases");

        private final String key;

        Purpose(String key) {
            this.key = key;
        }

        /** The config key naming this channel. */
        public String key() {
            return key;
        }
    }

    /** The permissions Loop uses in a channel of this purpose, in invite order. */
    public static Set<Permission> in(Purpose purpose) {
        return switch (purpose) {
            // a forum's posts are threads: Loop never posts in the forum itself
            case SUPPORT_FORUM ->
                EnumSet.of(
                        Permission.VIEW_CHANNEL,
                        Permission.MESSAGE_SEND_IN_THREADS,
                        Permission.MESSAGE_EMBED_LINKS,
                        Permission.MESSAGE_HISTORY,
                        Permission.MESSAGE_MANAGE,
                        Permission.MANAGE_THREADS);
            // a message captured straight from a text channel gets its card in the channel
            case SUPPORT_TEXT ->
                EnumSet.of(
                        Permission.VIEW_CHANNEL,
                        Permission.MESSAGE_SEND,
                        Permission.MESSAGE_SEND_IN_THREADS,
                        Permission.MESSAGE_EMBED_LINKS,
                        Permission.MESSAGE_HISTORY,
                        Permission.MESSAGE_MANAGE,
                        Permission.MANAGE_THREADS);
            case TEAM ->
                EnumSet.of(
                        Permission.VIEW_CHANNEL,
                        Permission.MESSAGE_SEND,
                        Permission.MESSAGE_EMBED_LINKS,
                        Permission.MESSAGE_ATTACH_FILES,
                        Permission.MESSAGE_SEND_POLLS);
            case RELEASES ->
                EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
        };
    }

    /** The permission as the Discord client labels it (JDA's names differ for a few). */
    public static String label(Permission p) {
        return switch (p) {
            case MESSAGE_HISTORY -> "Read Message History";
            default -> p.getName();
        };
    }
}
