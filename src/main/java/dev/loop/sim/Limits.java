package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Discord's payload limits (content, embeds, components, polls, modals, autocomplete choices) with the
 * 50035 leaf codes and messages seen from the live API.
 */
final class Limits {
    static final int CONTENT_MAX = 2000;
    static final int EMBEDS_MAX = 10;
    static final int EMBED_TOTAL_MAX = 6000;
    static final int EMBED_TITLE_MAX = 256;
    static final int EMBED_DESCRIPTION_MAX = 4096;
    static final int EMBED_FIELDS_MAX = 25;
    static final int EMBED_FIELD_NAME_MAX = 256;
    static final int EMBED_FIELD_VALUE_MAX = 1024;
    static final int EMBED_FOOTER_MAX = 2048;
    static final int EMBED_AUTHOR_MAX = 256;
    static final int ACTION_ROWS_MAX = 5;
    static final int BUTTONS_PER_ROW_MAX = 5;
    static final int CUSTOM_ID_MAX = 100;
    static final int BUTTON_LABEL_MAX = 80;
    static final int SELECT_OPTIONS_MAX = 25;
    static final int V2_COMPONENTS_MAX = 40;
    static final int MODAL_TITLE_MAX = 45;
    static final int MODAL_COMPONENTS_MAX = 5;
    static final int LABEL_MAX = 45;
    static final int CHOICES_MAX = 25;
    static final int NONCE_MAX = 25;
    static final int POLL_QUESTION_MAX = 300;
    static final int POLL_ANSWERS_MAX = 10;
    static final int POLL_ANSWER_MAX = 55;
    static final int POLL_DURATION_MAX_HOURS = 768;
    static final int THREAD_NAME_MAX = 100;
    static final int APPLIED_TAGS_MAX = 5;
    static final int ATTACHMENTS_MAX = 10;

    private static final int SETTABLE_FLAGS = MessageState.FLAG_SUPPRESS_EMBEDS
            | MessageState.FLAG_SUPPRESS_NOTIFICATIONS
            | MessageState.FLAG_IS_VOICE_MESSAGE
            | MessageState.FLAG_IS_COMPONENTS_V2;

    private Limits() {}

    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /** Embed limits count trimmed text. */
    private static int trimmed(JsonNode node) {
        return node == null || node.isNull() ? 0 : length(node.asText().strip());
    }

    static int settableFlags(int flags, boolean interaction) {
        int allowed = interaction ? SETTABLE_FLAGS | MessageState.FLAG_EPHEMERAL : SETTABLE_FLAGS;
        return flags & allowed;
    }

    static void validateMessage(MessageSpec s, MessageSpec.Kind kind, String p, FormErrors errors) {
        if (s.content != null && length(s.content) > CONTENT_MAX) {
            errors.maxLength(p + "content", CONTENT_MAX);
        }
        if (s.embeds != null) {
            validateEmbeds(s.embeds, p + "embeds", errors);
        }
        if (s.components != null) {
            validateComponents(s.components, s.isComponentsV2(), p + "components", errors);
        }
        if (s.nonce != null) {
            if (s.nonce.isTextual()) {
                if (length(s.nonce.asText()) > NONCE_MAX) {
                    errors.add(p + "nonce", "NONCE_TYPE_TOO_LONG", "Must be 25 or fewer characters long.");
                }
            } else if (!s.nonce.isIntegralNumber()) {
                errors.add(p + "nonce", "NONCE_TYPE_INVALID_TYPE", "This field must be a string or integer.");
            }
        }
        Mentions.validate(s.allowedMentions, p + "allowed_mentions", errors);
        if (s.poll != null) {
            if (kind == MessageSpec.Kind.EDIT) {
                return; // poll edits are refused with 520003 by the caller
            }
            validatePoll(s.poll, p + "poll", errors);
        }
        if (s.isComponentsV2()
                && (s.hasContent() || (s.embeds != null && !s.embeds.isEmpty()) || s.poll != null || s.hasStickers)) {
            errors.add(
                    p + "content",
                    "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                    "The 'content', 'embeds', 'sticker_ids', and 'poll' fields cannot be used when using"
                            + " MessageFlags.IS_COMPONENTS_V2");
        }
        int files = s.uploads.size();
        if (files > ATTACHMENTS_MAX) {
            errors.maxLength(p + "attachments", ATTACHMENTS_MAX);
        }
    }

    static void validateEmbeds(JsonNode embeds, String path, FormErrors errors) {
        if (embeds.size() > EMBEDS_MAX) {
            errors.maxLength(path, EMBEDS_MAX);
            return;
        }
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode e = embeds.get(i);
            String ep = path + "." + i;
            int title = trimmed(e.get("title"));
            int description = trimmed(e.get("description"));
            int footer = trimmed(e.path("footer").get("text"));
            int author = trimmed(e.path("author").get("name"));
            if (title > EMBED_TITLE_MAX) {
                errors.maxLength(ep + ".title", EMBED_TITLE_MAX);
            }
            if (description > EMBED_DESCRIPTION_MAX) {
                errors.maxLength(ep + ".description", EMBED_DESCRIPTION_MAX);
            }
            if (footer > EMBED_FOOTER_MAX) {
                errors.maxLength(ep + ".footer.text", EMBED_FOOTER_MAX);
            }
            if (author > EMBED_AUTHOR_MAX) {
                errors.maxLength(ep + ".author.name", EMBED_AUTHOR_MAX);
            }
            total += title + description + footer + author;
            JsonNode fields = e.path("fields");
            if (fields.size() > EMBED_FIELDS_MAX) {
                errors.maxLength(ep + ".fields", EMBED_FIELDS_MAX);
            }
            for (int f = 0; f < fields.size(); f++) {
                JsonNode field = fields.get(f);
                String fp = ep + ".fields." + f;
                if (!Json.has(field, "name")) {
                    errors.required(fp + ".name");
                }
                if (!Json.has(field, "value")) {
                    errors.required(fp + ".value");
                }
                int name = trimmed(field.get("name"));
                int value = trimmed(field.get("value"));
                if (name > EMBED_FIELD_NAME_MAX) {
                    errors.maxLength(fp + ".name", EMBED_FIELD_NAME_MAX);
                }
                if (value > EMBED_FIELD_VALUE_MAX) {
                    errors.maxLength(fp + ".value", EMBED_FIELD_VALUE_MAX);
                }
                total += name + value;
            }
            checkUrl(e.path("image").get("url"), ep + ".image.url", errors);
            checkUrl(e.path("thumbnail").get("url"), ep + ".thumbnail.url", errors);
        }
        if (total > EMBED_TOTAL_MAX) {
            errors.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    private static void checkUrl(JsonNode url, String path, FormErrors errors) {
        if (url == null || url.isNull()) {
            return;
        }
        String u = url.asText();
        int colon = u.indexOf(':');
        String scheme = colon < 0 ? "" : u.substring(0, colon);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("attachment")) {
            errors.add(
                    path,
                    "URL_TYPE_INVALID_URL",
                    "Scheme \"" + scheme + "\" is not supported. Scheme must be one of ('http', 'https').");
        }
    }

    static void validateComponents(JsonNode components, boolean v2, String path, FormErrors errors) {
        Set<String> customIds = new HashSet<>();
        if (!v2) {
            if (components.size() > ACTION_ROWS_MAX) {
                errors.maxLength(path, ACTION_ROWS_MAX);
                return;
            }
            for (int i = 0; i < components.size(); i++) {
                JsonNode row = components.get(i);
                String rp = path + "." + i;
                if (row.path("type").asInt() != 1) {
                    errors.add(rp + ".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).");
                    continue;
                }
                validateRow(row, rp, customIds, errors);
            }
            return;
        }
        int[] count = {0};
        for (int i = 0; i < components.size(); i++) {
            validateV2(components.get(i), path + "." + i, customIds, errors, count);
        }
        if (count[0] > V2_COMPONENTS_MAX) {
            errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + V2_COMPONENTS_MAX + " or fewer in length.");
        }
    }

    private static void validateV2(JsonNode c, String path, Set<String> customIds, FormErrors errors, int[] count) {
        count[0]++;
        int type = c.path("type").asInt();
        switch (type) {
            case 1 -> validateRow(c, path, customIds, errors);
            case 9 -> {
                JsonNode children = c.path("components");
                for (int i = 0; i < children.size(); i++) {
                    validateV2(children.get(i), path + ".components." + i, customIds, errors, count);
                }
                if (c.has("accessory")) {
                    JsonNode acc = c.get("accessory");
                    if (acc.path("type").asInt() == 2) {
                        validateButton(acc, path + ".accessory", customIds, errors);
                    }
                    count[0]++;
                }
            }
            case 17 -> {
                JsonNode children = c.path("components");
                for (int i = 0; i < children.size(); i++) {
                    validateV2(children.get(i), path + ".components." + i, customIds, errors, count);
                }
            }
            default -> {
                // Text display, media gallery, separator, file: nothing beyond the count is checked.
            }
        }
    }

    private static void validateRow(JsonNode row, String rp, Set<String> customIds, FormErrors errors) {
        JsonNode children = row.path("components");
        if (children.isEmpty()) {
            errors.badLength(rp + ".components", 1, 5);
            return;
        }
        int buttons = 0;
        int selects = 0;
        for (int j = 0; j < children.size(); j++) {
            JsonNode c = children.get(j);
            String cp = rp + ".components." + j;
            int type = c.path("type").asInt();
            if (type == 2) {
                buttons++;
                validateButton(c, cp, customIds, errors);
            } else if (type == 3 || (type >= 5 && type <= 8)) {
                selects++;
                validateSelect(c, type, cp, customIds, errors);
            } else if (type == 4) {
                errors.add(cp + ".type", "COMPONENT_TYPE_INVALID", "Text inputs are only allowed in modals");
            }
        }
        if (buttons > BUTTONS_PER_ROW_MAX || (selects > 0 && (buttons > 0 || selects > 1))) {
            errors.add(
                    rp + ".components",
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "The specified component exceeds the maximum width");
        }
    }

    private static void checkCustomId(JsonNode c, String cp, Set<String> customIds, FormErrors errors) {
        String id = Json.text(c, "custom_id");
        if (id == null) {
            errors.required(cp + ".custom_id");
            return;
        }
        int len = length(id);
        if (len < 1 || len > CUSTOM_ID_MAX) {
            errors.badLength(cp + ".custom_id", 1, CUSTOM_ID_MAX);
        }
        if (!customIds.add(id)) {
            errors.add(cp + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }

    private static void validateButton(JsonNode c, String cp, Set<String> customIds, FormErrors errors) {
        int style = c.path("style").asInt(0);
        if (style < 1 || style > 6) {
            errors.add(cp + ".style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
        }
        String label = Json.text(c, "label");
        if (label != null && length(label) > BUTTON_LABEL_MAX) {
            errors.maxLength(cp + ".label", BUTTON_LABEL_MAX);
        }
        if (style == 5) {
            if (!Json.has(c, "url")) {
                errors.required(cp + ".url");
            } else if (length(c.get("url").asText()) > 512) {
                errors.maxLength(cp + ".url", 512);
            }
            if (Json.has(c, "custom_id")) {
                errors.add(
                        cp + ".custom_id",
                        "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
                        "A custom id cannot be specified for link buttons");
            }
        } else if (style == 6) {
            if (!Json.has(c, "sku_id")) {
                errors.required(cp + ".sku_id");
            }
        } else {
            checkCustomId(c, cp, customIds, errors);
            if (label == null && !Json.has(c, "emoji")) {
                errors.add(cp + ".label", "BUTTON_COMPONENT_INVALID", "A label or emoji must be provided");
            }
        }
    }

    /** A component's {@code min_<what>} (0..limit) and {@code max_<what>} (1..limit), as Discord words the refusal. */
    private static void checkMinMax(FormErrors errors, String cp, String what, int min, int max, int limit) {
        String message = "int value should be less than or equal to " + limit + ".";
        if (min < 0 || min > limit) errors.add(cp + ".min_" + what, "NUMBER_TYPE_MAX", message);
        if (max < 1 || max > limit) errors.add(cp + ".max_" + what, "NUMBER_TYPE_MAX", message);
    }

    private static void validateSelect(JsonNode c, int type, String cp, Set<String> customIds, FormErrors errors) {
        checkCustomId(c, cp, customIds, errors);
        String placeholder = Json.text(c, "placeholder");
        if (placeholder != null && length(placeholder) > 150) {
            errors.maxLength(cp + ".placeholder", 150);
        }
        int min = c.path("min_values").asInt(1);
        int max = c.path("max_values").asInt(1);
        checkMinMax(errors, cp, "values", min, max, 25);
        if (type == 3) {
            JsonNode options = c.path("options");
            if (options.isEmpty()) {
                errors.badLength(cp + ".options", 1, SELECT_OPTIONS_MAX);
            } else if (options.size() > SELECT_OPTIONS_MAX) {
                errors.maxLength(cp + ".options", SELECT_OPTIONS_MAX);
            }
            for (int k = 0; k < options.size(); k++) {
                JsonNode o = options.get(k);
                String op = cp + ".options." + k;
                for (String f : new String[] {"label", "value"}) {
                    String v = Json.text(o, f);
                    if (v == null) {
                        errors.required(op + "." + f);
                    } else if (length(v) > 100) {
                        errors.maxLength(op + "." + f, 100);
                    }
                }
                String d = Json.text(o, "description");
                if (d != null && length(d) > 100) {
                    errors.maxLength(op + ".description", 100);
                }
            }
            if (max > options.size() && !options.isEmpty()) {
                errors.add(
                        cp + ".max_values",
                        "SELECT_COMPONENT_MAX_VALUES_TOO_HIGH",
                        "max_values must be less than or equal to the number of options");
            }
        }
    }

    static void validatePoll(JsonNode poll, String path, FormErrors errors) {
        JsonNode question = poll.path("question");
        String q = Json.text(question, "text");
        if (q == null) {
            errors.required(path + ".question.text");
        } else if (length(q) > POLL_QUESTION_MAX) {
            errors.maxLength(path + ".question.text", POLL_QUESTION_MAX);
        }
        JsonNode answers = poll.path("answers");
        if (answers.isEmpty()) {
            errors.required(path + ".answers");
        } else if (answers.size() > POLL_ANSWERS_MAX) {
            errors.maxLength(path + ".answers", POLL_ANSWERS_MAX);
        }
        for (int i = 0; i < answers.size(); i++) {
            JsonNode media = answers.get(i).path("poll_media");
            String t = Json.text(media, "text");
            String ap = path + ".answers." + i + ".poll_media.text";
            if (t == null) {
                errors.required(ap);
            } else if (length(t) > POLL_ANSWER_MAX) {
                errors.maxLength(ap, POLL_ANSWER_MAX);
            }
            JsonNode emoji = media.path("emoji");
            if (Json.has(emoji, "id") && Json.has(emoji, "name")) {
                errors.add(
                        path + ".answers." + i + ".poll_media.emoji",
                        "POLL_EMOJI_INVALID",
                        "Provide only the id of a custom emoji or only the name of a unicode emoji");
            }
        }
        if (poll.has("duration") && !poll.get("duration").isNull()) {
            int hours = poll.get("duration").asInt();
            if (hours < 1 || hours > POLL_DURATION_MAX_HOURS) {
                errors.add(
                        path + ".duration",
                        "NUMBER_TYPE_MAX",
                        "int value should be less than or equal to " + POLL_DURATION_MAX_HOURS + ".");
            }
        }
        int layout = poll.path("layout_type").asInt(1);
        if (layout != 1) {
            errors.add(path + ".layout_type", "BASE_TYPE_CHOICES", "Value must be one of {1}.");
        }
    }

    /** Modal data for callback type 9; JDA 6 sends Label (type 18) wrappers. */
    static void validateModal(JsonNode data, String path, FormErrors errors) {
        String customId = Json.text(data, "custom_id");
        if (customId == null) {
            errors.required(path + ".custom_id");
        } else if (length(customId) < 1 || length(customId) > CUSTOM_ID_MAX) {
            errors.badLength(path + ".custom_id", 1, CUSTOM_ID_MAX);
        }
        String title = Json.text(data, "title");
        if (title == null) {
            errors.required(path + ".title");
        } else if (length(title) > MODAL_TITLE_MAX) {
            errors.maxLength(path + ".title", MODAL_TITLE_MAX);
        }
        JsonNode components = data.path("components");
        if (components.isEmpty() || components.size() > MODAL_COMPONENTS_MAX) {
            errors.badLength(path + ".components", 1, MODAL_COMPONENTS_MAX);
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            String cp = path + ".components." + i;
            int type = c.path("type").asInt();
            switch (type) {
                case 18 -> {
                    String label = Json.text(c, "label");
                    if (label == null) {
                        errors.required(cp + ".label");
                    } else if (length(label) > LABEL_MAX) {
                        errors.maxLength(cp + ".label", LABEL_MAX);
                    }
                    String description = Json.text(c, "description");
                    if (description != null && length(description) > 100) {
                        errors.maxLength(cp + ".description", 100);
                    }
                    JsonNode child = c.get("component");
                    if (child == null || !child.isObject()) {
                        errors.required(cp + ".component");
                    } else {
                        validateModalInput(child, cp + ".component", ids, errors);
                    }
                }
                case 10 -> {
                    // Text display: allowed as is.
                }
                case 1 -> {
                    // Deprecated action row around a single text input.
                    JsonNode children = c.path("components");
                    if (children.size() != 1) {
                        errors.badLength(cp + ".components", 1, 1);
                    } else {
                        validateModalInput(children.get(0), cp + ".components.0", ids, errors);
                    }
                }
                default ->
                    errors.add(
                            cp + ".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1, 10, 18).");
            }
        }
    }

    private static void validateModalInput(JsonNode c, String cp, Set<String> ids, FormErrors errors) {
        int type = c.path("type").asInt();
        checkCustomId(c, cp, ids, errors);
        if (c.path("disabled").asBoolean(false)) {
            errors.add(cp + ".disabled", "COMPONENT_DISABLED_IN_MODAL", "Modals cannot contain disabled components");
        }
        if (type == 4) {
            int style = c.path("style").asInt(1);
            if (style != 1 && style != 2) {
                errors.add(cp + ".style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
            }
            int min = c.path("min_length").asInt(0);
            int max = c.path("max_length").asInt(4000);
            checkMinMax(errors, cp, "length", min, max, 4000);
            String value = Json.text(c, "value");
            if (value != null && length(value) > 4000) {
                errors.maxLength(cp + ".value", 4000);
            }
            String placeholder = Json.text(c, "placeholder");
            if (placeholder != null && length(placeholder) > 100) {
                errors.maxLength(cp + ".placeholder", 100);
            }
        } else if (type == 3) {
            JsonNode options = c.path("options");
            if (options.isEmpty() || options.size() > SELECT_OPTIONS_MAX) {
                errors.badLength(cp + ".options", 1, SELECT_OPTIONS_MAX);
            }
        } else if (!(type >= 5 && type <= 8) && type != 19 && type != 21 && type != 22 && type != 23) {
            errors.add(cp + ".type", "UNION_TYPE_CHOICES", "Invalid component type for a label");
        }
    }

    static void validateChoices(JsonNode choices, String path, FormErrors errors) {
        if (choices.size() > CHOICES_MAX) {
            errors.maxLength(path, CHOICES_MAX);
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String name = Json.text(c, "name");
            if (name == null || length(name) < 1 || length(name) > 100) {
                errors.badLength(path + "." + i + ".name", 1, 100);
            }
            JsonNode value = c.get("value");
            if (value == null || value.isNull()) {
                errors.required(path + "." + i + ".value");
            } else if (value.isTextual() && length(value.asText()) > 100) {
                errors.maxLength(path + "." + i + ".value", 100);
            }
        }
    }
}
