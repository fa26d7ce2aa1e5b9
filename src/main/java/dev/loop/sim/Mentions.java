package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a message actually pings, following Discord's allowed_mentions rules:
 *
 * <ul>
 *   <li>without {@code allowed_mentions}, regular messages parse users, roles and everyone; interaction responses
 *       and webhooks parse users only; a reply pings the replied-to author;
 *   <li>any {@code allowed_mentions} object disables every type it does not list, and {@code replied_user}
 *       defaults to false;
 *   <li>a role pings only if it is mentionable or the sender has MENTION_EVERYONE; {@code @everyone}/{@code @here}
 *       need MENTION_EVERYONE;
 *   <li>ids listed in {@code users}/{@code roles} but absent from the text ping nobody.
 * </ul>
 *
 * Validation of the object itself (unknown parse values, the parse/list exclusivity, 100-id caps) is in
 * {@link #validate}.
 */
final class Mentions {
    private static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)");

    /** What the world knows, so the rule can be unit tested without one. */
    interface Context {
        boolean userExists(long userId);

        boolean roleExists(long roleId);

        boolean roleMentionable(long roleId);

        /** Whether the sender has MENTION_EVERYONE in the channel. */
        boolean senderCanMentionEveryone();
    }

    private Mentions() {}

    /**
     * @param allowedMentions the request's {@code allowed_mentions}, or null when absent
     * @param usersOnlyByDefault true for interaction responses and webhooks
     * @param repliedUserId author of the replied-to message, or 0 when not a reply
     */
    static MessageState.Pings compute(
            String text, JsonNode allowedMentions, boolean usersOnlyByDefault, Context ctx, long repliedUserId) {
        boolean parseUsers;
        boolean parseRoles;
        boolean parseEveryone;
        boolean repliedUser;
        Set<Long> listedUsers = Set.of();
        Set<Long> listedRoles = Set.of();
        if (allowedMentions == null || allowedMentions.isNull()) {
            parseUsers = true;
            parseRoles = !usersOnlyByDefault;
            parseEveryone = !usersOnlyByDefault;
            repliedUser = true;
        } else {
            Set<String> parse = new HashSet<>();
            allowedMentions.path("parse").forEach(p -> parse.add(p.asText()));
            parseUsers = parse.contains("users");
            parseRoles = parse.contains("roles");
            parseEveryone = parse.contains("everyone");
            listedUsers = ids(allowedMentions.path("users"));
            listedRoles = ids(allowedMentions.path("roles"));
            repliedUser = allowedMentions.path("replied_user").asBoolean(false);
        }
        String content = text == null ? "" : text;
        Set<Long> users = new LinkedHashSet<>();
        Matcher m = USER.matcher(content);
        while (m.find()) {
            long id = parse(m.group(1));
            if (id != 0 && ctx.userExists(id) && (parseUsers || listedUsers.contains(id))) {
                users.add(id);
            }
        }
        if (repliedUserId != 0 && repliedUser) {
            users.add(repliedUserId);
        }
        Set<Long> roles = new LinkedHashSet<>();
        m = ROLE.matcher(content);
        while (m.find()) {
            long id = parse(m.group(1));
            if (id != 0
                    && ctx.roleExists(id)
                    && (parseRoles || listedRoles.contains(id))
                    && (ctx.roleMentionable(id) || ctx.senderCanMentionEveryone())) {
                roles.add(id);
            }
        }
        boolean everyone = parseEveryone
                && ctx.senderCanMentionEveryone()
                && EVERYONE.matcher(content).find();
        if (users.isEmpty() && roles.isEmpty() && !everyone) {
            return MessageState.Pings.NONE;
        }
        return new MessageState.Pings(Collections.unmodifiableSet(users), Collections.unmodifiableSet(roles), everyone);
    }

    /** Adds allowed_mentions validation failures under {@code path}. */
    static void validate(JsonNode allowedMentions, String path, FormErrors errors) {
        if (allowedMentions == null || allowedMentions.isNull()) {
            return;
        }
        if (!allowedMentions.isObject()) {
            errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        JsonNode parse = allowedMentions.path("parse");
        Set<String> parsed = new HashSet<>();
        int i = 0;
        for (JsonNode p : parse) {
            String v = p.asText();
            if (!v.equals("users") && !v.equals("roles") && !v.equals("everyone")) {
                errors.add(
                        path + ".parse." + i,
                        "BASE_TYPE_CHOICES",
                        "Value must be one of ('roles', 'users', 'everyone').");
            }
            parsed.add(v);
            i++;
        }
        JsonNode users = allowedMentions.path("users");
        JsonNode roles = allowedMentions.path("roles");
        if (users.size() > 100) {
            errors.maxLength(path + ".users", 100);
        }
        if (roles.size() > 100) {
            errors.maxLength(path + ".roles", 100);
        }
        if (parsed.contains("users") && users.size() > 0) {
            errors.add(
                    path,
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    "parse:[\"users\"] and users: [ids...] are mutually exclusive.");
        }
        if (parsed.contains("roles") && roles.size() > 0) {
            errors.add(
                    path,
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    "parse:[\"roles\"] and roles: [ids...] are mutually exclusive.");
        }
    }

    private static Set<Long> ids(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return Set.of();
        }
        Set<Long> out = new HashSet<>();
        array.forEach(n -> out.add(Json.id(n)));
        return out;
    }

    private static long parse(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
