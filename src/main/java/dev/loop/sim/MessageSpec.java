package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * A validated message body from any route that creates or edits messages (channel messages, interaction
 * callbacks, follow-ups, @original edits, forum post starters). A null field means "absent" — edits only touch
 * what is present.
 */
final class MessageSpec {
    String content;
    ArrayNode embeds;
    ArrayNode components;
    Integer flags;
    JsonNode allowedMentions;
    JsonNode nonce;
    boolean enforceNonce;
    JsonNode messageReference;
    JsonNode poll;
    boolean tts;
    boolean hasStickers;
    /** {@code attachments} as sent: for edits the list of attachments to keep plus new ones. */
    JsonNode attachmentsField;

    List<Upload> uploads = List.of();
    /** Whether {@code content} was explicitly present, even as null (edits clear it). */
    boolean contentPresent;

    /** Creating or editing, and what defaults apply. */
    enum Kind {
        CREATE,
        EDIT,
        INTERACTION,
        WEBHOOK
    }

    static MessageSpec parse(JsonNode body, List<Upload> uploads, Kind kind, String prefix, FormErrors errors) {
        MessageSpec s = new MessageSpec();
        String p = prefix.isEmpty() ? "" : prefix + ".";
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = Json.obj();
        }
        s.uploads = uploads == null ? List.of() : uploads;
        if (body.has("content")) {
            s.contentPresent = true;
            JsonNode c = body.get("content");
            s.content = c.isNull() ? null : c.asText();
        }
        if (Json.has(body, "embeds")) {
            JsonNode e = body.get("embeds");
            s.embeds = e.isArray() ? (ArrayNode) e : Json.arr();
        } else if (body.has("embeds")) {
            s.embeds = Json.arr();
        }
        if (Json.has(body, "components")) {
            JsonNode c = body.get("components");
            s.components = c.isArray() ? (ArrayNode) c : Json.arr();
        } else if (body.has("components")) {
            s.components = Json.arr();
        }
        if (Json.has(body, "flags")) {
            s.flags = body.get("flags").asInt();
        }
        if (Json.has(body, "allowed_mentions")) {
            s.allowedMentions = body.get("allowed_mentions");
        }
        if (Json.has(body, "nonce")) {
            s.nonce = body.get("nonce");
        }
        s.enforceNonce = body.path("enforce_nonce").asBoolean(false);
        if (Json.has(body, "message_reference")) {
            s.messageReference = body.get("message_reference");
        }
        if (Json.has(body, "poll")) {
            s.poll = body.get("poll");
        }
        s.tts = body.path("tts").asBoolean(false);
        s.hasStickers = body.path("sticker_ids").size() > 0;
        if (body.has("attachments")) {
            s.attachmentsField = body.get("attachments");
        }
        Limits.validateMessage(s, kind, p, errors);
        return s;
    }

    boolean hasContent() {
        return content != null && !content.isBlank();
    }

    boolean isComponentsV2() {
        return flags != null && (flags & MessageState.FLAG_IS_COMPONENTS_V2) != 0;
    }
}
