package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Interaction callbacks, follow-ups and @original (webhook routes), and application commands. */
final class InteractionApi extends ApiSupport {
    private static final Pattern CHAT_NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");

    InteractionApi(World world) {
        super(world);
    }

    void register(RestServer s) {
        s.tokenRoute("POST", "interactions/{interaction_id}/{interaction_token}/callback", this::callback);
        s.tokenRoute("POST", "webhooks/{application_id}/{interaction_token}", this::followUp);
        s.tokenRoute(
                "GET", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", this::getHookMessage);
        s.tokenRoute(
                "PATCH", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", this::editHookMessage);
        s.tokenRoute(
                "DELETE",
                "webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                this::deleteHookMessage);
        for (String base : List.of(
                "applications/{application_id}/commands", "applications/{application_id}/guilds/{guild_id}/commands")) {
            s.route("PUT", base, this::bulkOverwrite);
            s.route("GET", base, this::listCommands);
            s.route("POST", base, this::upsertCommand);
            s.route("GET", base + "/{command_id}", this::getCommand);
            s.route("PATCH", base + "/{command_id}", this::patchCommand);
            s.route("DELETE", base + "/{command_id}", this::deleteCommand);
        }
    }

    // --------------------------------------------------------------------------------------------- callback

    private static Set<Integer> allowedCallbacks(InteractionState i) {
        return switch (i.type) {
            case InteractionState.APPLICATION_COMMAND -> Set.of(4, 5, 9);
            case InteractionState.MESSAGE_COMPONENT -> Set.of(4, 5, 6, 7, 9);
            case InteractionState.AUTOCOMPLETE -> Set.of(8);
            case InteractionState.MODAL_SUBMIT -> i.componentMessage() != null ? Set.of(4, 5, 6, 7) : Set.of(4, 5);
            default -> Set.of(1);
        };
    }

    private int responseMessageType(InteractionState i) {
        if (i.type == InteractionState.APPLICATION_COMMAND) {
            return i.commandType == 1 ? MessageState.TYPE_CHAT_INPUT_COMMAND : MessageState.TYPE_CONTEXT_MENU_COMMAND;
        }
        return MessageState.TYPE_DEFAULT;
    }

    private Response callback(Request r) {
        InteractionState i = world.interactions.get(r.id("interaction_id"));
        if (i == null || !i.token.equals(r.param("interaction_token"))) {
            throw ApiError.unknownInteraction();
        }
        if (i.acknowledged()) {
            throw ApiError.alreadyAcknowledged();
        }
        if (System.nanoTime() > i.deadlineNanos || i.deadlinePassed || i.tokenRevoked) {
            throw ApiError.unknownInteraction();
        }
        JsonNode b = body(r);
        int type = b.path("type").asInt(0);
        Set<Integer> allowed = allowedCallbacks(i);
        if (!allowed.contains(type)) {
            throw FormErrors.single("type", "BASE_TYPE_CHOICES", "Value must be one of " + allowed + ".");
        }
        JsonNode data = b.path("data");
        FormErrors errors = new FormErrors();
        MessageState message = null;
        switch (type) {
            case InteractionState.CB_MESSAGE -> {
                MessageSpec spec = MessageSpec.parse(data, r.uploads(), MessageSpec.Kind.INTERACTION, "data", errors);
                errors.throwIfAny();
                boolean ephemeral = spec.flags != null && (spec.flags & MessageState.FLAG_EPHEMERAL) != 0;
                message = world.messageRules.createMessage(
                        i.channel,
                        world.bot,
                        spec,
                        new MessageRules.Origin(responseMessageType(i), i, true, ephemeral ? i.user.id : 0, 0));
                i.original = message;
                i.ephemeral = ephemeral;
                i.produced.add(message);
            }
            case InteractionState.CB_DEFERRED_MESSAGE -> {
                boolean ephemeral = (data.path("flags").asInt(0) & MessageState.FLAG_EPHEMERAL) != 0;
                message = world.messageRules.createLoading(i, responseMessageType(i), ephemeral);
                i.original = message;
                i.ephemeral = ephemeral;
                i.deferredPending = true;
            }
            case InteractionState.CB_DEFERRED_UPDATE -> i.original = i.componentMessage();
            case InteractionState.CB_UPDATE -> {
                MessageSpec spec = MessageSpec.parse(data, r.uploads(), MessageSpec.Kind.EDIT, "data", errors);
                errors.throwIfAny();
                MessageState target = i.componentMessage();
                world.messageRules.editMessage(target, spec, true);
                i.original = target;
                i.produced.add(target);
                i.updates++;
                message = target;
            }
            case InteractionState.CB_AUTOCOMPLETE -> {
                JsonNode choices = data.path("choices");
                Limits.validateChoices(choices, "data.choices", errors);
                int focusedType = focusedOptionType(i.data.path("options"));
                for (int k = 0; k < choices.size(); k++) {
                    JsonNode v = choices.get(k).path("value");
                    boolean ok = switch (focusedType) {
                        case 4 -> v.isIntegralNumber();
                        case 10 -> v.isNumber();
                        case 3 -> v.isTextual();
                        default -> true;
                    };
                    if (!ok) {
                        errors.add(
                                "data.choices." + k + ".value",
                                "BASE_TYPE_CHOICES",
                                "Choice value type must match the option type " + focusedType + ".");
                    }
                }
                errors.throwIfAny();
                i.choices = choices.deepCopy();
            }
            case InteractionState.CB_MODAL -> {
                Limits.validateModal(data, "data", errors);
                errors.throwIfAny();
                i.modal = ((ObjectNode) data).deepCopy();
            }
            default -> throw FormErrors.single("type", "BASE_TYPE_CHOICES", "Value must be one of " + allowed + ".");
        }
        i.callbackReceivedNanos = r.receivedNanos; // before the type, which readers take as "acknowledged"
        i.callbackNanos = System.nanoTime();
        i.callbackType = type;
        world.traffic.people(
                "bot answered " + InteractionState.typeName(i.type) + " " + i.id + " with callback " + type);
        if (!r.flag("with_response")) {
            return Response.NO_CONTENT;
        }
        ObjectNode out = Json.obj();
        ObjectNode interaction = out.putObject("interaction");
        interaction.put("id", Json.str(i.id));
        interaction.put("type", i.type);
        if (message != null) {
            interaction.put("response_message_id", Json.str(message.id));
            interaction.put("response_message_loading", message.isLoading());
            interaction.put("response_message_ephemeral", message.isEphemeral());
        }
        ObjectNode resource = out.putObject("resource");
        resource.put("type", type);
        if (message != null && (type == InteractionState.CB_MESSAGE || type == InteractionState.CB_UPDATE)) {
            resource.set("message", world.views.message(message, true));
        }
        return Response.ok(out);
    }

    private static int focusedOptionType(JsonNode options) {
        for (JsonNode o : options) {
            if (o.path("focused").asBoolean(false)) {
                return o.path("type").asInt();
            }
            int nested = focusedOptionType(o.path("options"));
            if (nested != 0) {
                return nested;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------ webhook routes

    private InteractionState hook(Request r) {
        InteractionState i = world.interactionsByToken.get(r.param("interaction_token"));
        if (i == null || r.id("application_id") != world.applicationId) {
            throw ApiError.unknownWebhook();
        }
        if (i.tokenRevoked || System.nanoTime() > i.tokenExpiryNanos) {
            throw ApiError.invalidWebhookToken();
        }
        if (!i.acknowledged()) {
            throw ApiError.unknownWebhook();
        }
        return i;
    }

    private MessageState hookMessage(InteractionState i, String id) {
        MessageState m;
        if ("@original".equals(id)) {
            m = i.original;
        } else {
            long mid;
            try {
                mid = Long.parseUnsignedLong(id);
            } catch (NumberFormatException e) {
                throw ApiError.unknownMessage();
            }
            m = world.messages.get(mid);
            if (m != null && m != i.original && !i.produced.contains(m)) {
                m = null;
            }
        }
        if (m == null || m.deleted) {
            throw ApiError.unknownMessage();
        }
        return m;
    }

    private Response followUp(Request r) {
        InteractionState i = hook(r);
        FormErrors errors = new FormErrors();
        MessageSpec spec = MessageSpec.parse(r.json(), r.uploads(), MessageSpec.Kind.WEBHOOK, "", errors);
        errors.throwIfAny();
        MessageState original = i.original;
        if (i.deferredPending && original != null && original.isLoading() && !original.deleted) {
            // Discord's long-standing behaviour: the first follow-up after a deferred reply fills the loading
            // message, keeping the defer's ephemerality.
            spec.flags = null;
            world.messageRules.editMessage(original, spec, true);
            i.deferredPending = false;
            i.updates++;
            if (!i.produced.contains(original)) {
                i.produced.add(original);
            }
            return Response.ok(world.views.message(original, true));
        }
        boolean ephemeral = spec.flags != null && (spec.flags & MessageState.FLAG_EPHEMERAL) != 0;
        MessageState m = world.messageRules.createMessage(
                i.channel,
                world.bot,
                spec,
                new MessageRules.Origin(MessageState.TYPE_DEFAULT, i, true, ephemeral ? i.user.id : 0, 0));
        i.produced.add(m);
        return Response.ok(world.views.message(m, true));
    }

    private Response getHookMessage(Request r) {
        InteractionState i = hook(r);
        return Response.ok(world.views.message(hookMessage(i, r.param("message_id")), true));
    }

    private Response editHookMessage(Request r) {
        InteractionState i = hook(r);
        MessageState m = hookMessage(i, r.param("message_id"));
        FormErrors errors = new FormErrors();
        MessageSpec spec = MessageSpec.parse(r.json(), r.uploads(), MessageSpec.Kind.EDIT, "", errors);
        errors.throwIfAny();
        world.messageRules.editMessage(m, spec, true);
        if (m == i.original) {
            i.deferredPending = false;
        }
        if (!i.produced.contains(m)) {
            i.produced.add(m);
        }
        i.updates++;
        return Response.ok(world.views.message(m, true));
    }

    private Response deleteHookMessage(Request r) {
        InteractionState i = hook(r);
        MessageState m = hookMessage(i, r.param("message_id"));
        world.messageRules.deleteMessage(m);
        i.updates++;
        return Response.NO_CONTENT;
    }

    // --------------------------------------------------------------------------------------------- commands

    private long scope(Request r) {
        if (r.id("application_id") != world.applicationId) {
            throw ApiError.missingAccess();
        }
        if (r.params.containsKey("guild_id")) {
            return guild(r).id;
        }
        return 0;
    }

    private Response bulkOverwrite(Request r) {
        long guildId = scope(r);
        JsonNode b = r.json();
        if (b == null || !b.isArray()) {
            throw FormErrors.single("", "BASE_TYPE_ARRAY", "Must be an array.");
        }
        FormErrors errors = new FormErrors();
        Map<String, Integer> perType = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < b.size(); k++) {
            JsonNode c = b.get(k);
            validateCommand(c, Integer.toString(k), errors);
            int type = c.path("type").asInt(1);
            perType.merge(Integer.toString(type), 1, Integer::sum);
            if (!names.add(type + ":" + c.path("name").asText())) {
                errors.add(
                        k + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
        }
        if (perType.getOrDefault("1", 0) > 100
                || perType.getOrDefault("2", 0) > 15
                || perType.getOrDefault("3", 0) > 15) {
            throw ApiError.of(400, 30032, "Maximum number of application commands reached");
        }
        errors.throwIfAny();
        List<CommandState> existing = world.interactionRules.commands(guildId);
        List<CommandState> next = new ArrayList<>();
        ArrayNode out = Json.arr();
        for (JsonNode c : b) {
            CommandState cmd = build(c, guildId, existing);
            next.add(cmd);
            out.add(cmd.json());
        }
        existing.clear();
        existing.addAll(next);
        return Response.ok(out);
    }

    private CommandState build(JsonNode c, long guildId, List<CommandState> existing) {
        int type = c.path("type").asInt(1);
        String name = c.path("name").asText();
        long id = 0;
        for (CommandState e : existing) {
            if (e.type() == type && e.name().equals(name)) {
                id = e.id();
            }
        }
        if (id == 0) {
            id = world.ids.next();
        }
        ObjectNode json = ((ObjectNode) c).deepCopy();
        json.put("id", Json.str(id));
        json.put("application_id", Json.str(world.applicationId));
        json.put("version", Json.str(world.ids.next()));
        json.put("type", type);
        if (guildId != 0) {
            json.put("guild_id", Json.str(guildId));
        }
        if (type != 1 || !json.has("description")) {
            json.put("description", type == 1 ? json.path("description").asText("") : "");
        }
        // a bit set, served back as a string whether it was sent as a string or a number; null when unrestricted
        JsonNode required = json.get("default_member_permissions");
        if (required == null || required.isNull()) {
            json.putNull("default_member_permissions");
        } else {
            json.put("default_member_permissions", Long.toString(permissionBits(required)));
        }
        json.put("nsfw", json.path("nsfw").asBoolean(false));
        if (!json.has("contexts") || json.get("contexts").isNull()) {
            json.set("contexts", guildId != 0 ? Json.arr().add(0).add(1).add(2) : Json.NODES.nullNode());
        }
        if (!json.has("integration_types") || json.get("integration_types").isNull()) {
            json.set("integration_types", Json.arr().add(0));
        }
        return new CommandState(id, guildId, name, type, json);
    }

    private static void validateCommand(JsonNode c, String p, FormErrors errors) {
        int type = c.path("type").asInt(1);
        String name = Json.text(c, "name");
        if (name == null) {
            errors.required(p + ".name");
        } else if (type == 1) {
            if (!CHAT_NAME.matcher(name).matches() || !name.equals(name.toLowerCase())) {
                errors.add(p + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
        } else if (Limits.length(name) < 1 || Limits.length(name) > 32) {
            errors.badLength(p + ".name", 1, 32);
        }
        if (type == 1) {
            String description = Json.text(c, "description");
            if (description == null || Limits.length(description) < 1 || Limits.length(description) > 100) {
                errors.badLength(p + ".description", 1, 100);
            }
            validateOptions(c.path("options"), p + ".options", errors, 0);
        } else if (Json.has(c, "description") && !c.get("description").asText().isEmpty()) {
            errors.add(
                    p + ".description",
                    "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED",
                    "Description is not allowed for this command type");
        }
        JsonNode required = c.get("default_member_permissions");
        if (required != null && !required.isNull() && permissionBits(required) < 0) {
            errors.add(
                    p + ".default_member_permissions",
                    "NUMBER_TYPE_COERCE",
                    "Value \"" + required.asText() + "\" is not a valid permission bit set.");
        }
        int size = Limits.length(name) + Limits.length(Json.text(c, "description")) + optionSize(c.path("options"));
        if (size > 8000) {
            errors.add(p, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
        }
    }

    /** A {@code default_member_permissions} value as a bit set; -1 when it is not one. */
    private static long permissionBits(JsonNode value) {
        String text = value.asText();
        if (!(value.isTextual() || value.isIntegralNumber()) || !text.matches("\\d{1,19}")) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int optionSize(JsonNode options) {
        int n = 0;
        for (JsonNode o : options) {
            n += Limits.length(Json.text(o, "name")) + Limits.length(Json.text(o, "description"));
            for (JsonNode ch : o.path("choices")) {
                n += Limits.length(Json.text(ch, "name"))
                        + Limits.length(ch.path("value").asText());
            }
            n += optionSize(o.path("options"));
        }
        return n;
    }

    private static void validateOptions(JsonNode options, String p, FormErrors errors, int depth) {
        if (options.size() > 25) {
            errors.maxLength(p, 25);
        }
        Set<String> names = new HashSet<>();
        boolean sawOptional = false;
        for (int k = 0; k < options.size(); k++) {
            JsonNode o = options.get(k);
            String op = p + "." + k;
            int type = o.path("type").asInt();
            String name = Json.text(o, "name");
            if (name == null || !CHAT_NAME.matcher(name).matches() || !name.equals(name.toLowerCase())) {
                errors.add(op + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            } else if (!names.add(name)) {
                errors.add(
                        op + ".name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
            }
            String description = Json.text(o, "description");
            if (description == null || Limits.length(description) < 1 || Limits.length(description) > 100) {
                errors.badLength(op + ".description", 1, 100);
            }
            boolean required = o.path("required").asBoolean(false);
            if (type > 2) {
                if (required && sawOptional) {
                    errors.add(
                            op + ".required",
                            "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                            "Required options must be placed before non-required options");
                }
                sawOptional |= !required;
            }
            JsonNode choices = o.path("choices");
            if (choices.size() > 25) {
                errors.maxLength(op + ".choices", 25);
            }
            if (o.path("autocomplete").asBoolean(false) && choices.size() > 0) {
                errors.add(
                        op + ".autocomplete",
                        "APPLICATION_COMMAND_OPTIONS_AUTOCOMPLETE_WITH_CHOICES",
                        "Autocomplete cannot be set with choices");
            }
            if (type == 1 || type == 2) {
                if ((type == 2 && depth > 0) || (type == 1 && depth > 1)) {
                    errors.add(op + ".type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Invalid nesting");
                }
                validateOptions(o.path("options"), op + ".options", errors, depth + 1);
            }
        }
    }

    private Response listCommands(Request r) {
        long guildId = scope(r);
        ArrayNode out = Json.arr();
        for (CommandState c : world.interactionRules.commands(guildId)) {
            out.add(c.json());
        }
        return Response.ok(out);
    }

    private Response upsertCommand(Request r) {
        long guildId = scope(r);
        JsonNode c = body(r);
        FormErrors errors = new FormErrors();
        validateCommand(c, "", errors);
        errors.throwIfAny();
        List<CommandState> existing = world.interactionRules.commands(guildId);
        CommandState cmd = build(c, guildId, existing);
        boolean replaced = existing.removeIf(e -> e.id() == cmd.id());
        existing.add(cmd);
        return replaced ? Response.ok(cmd.json()) : Response.created(cmd.json());
    }

    private CommandState command(Request r, long guildId) {
        long id = r.id("command_id");
        for (CommandState c : world.interactionRules.commands(guildId)) {
            if (c.id() == id) {
                return c;
            }
        }
        throw ApiError.unknownCommand();
    }

    private Response getCommand(Request r) {
        return Response.ok(command(r, scope(r)).json());
    }

    private Response patchCommand(Request r) {
        long guildId = scope(r);
        CommandState old = command(r, guildId);
        ObjectNode merged = old.json().deepCopy();
        body(r).properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        FormErrors errors = new FormErrors();
        validateCommand(merged, "", errors);
        errors.throwIfAny();
        List<CommandState> list = world.interactionRules.commands(guildId);
        CommandState next = new CommandState(
                old.id(),
                guildId,
                merged.path("name").asText(),
                merged.path("type").asInt(1),
                merged);
        list.replaceAll(c -> c.id() == old.id() ? next : c);
        return Response.ok(merged);
    }

    private Response deleteCommand(Request r) {
        long guildId = scope(r);
        CommandState c = command(r, guildId);
        world.interactionRules.commands(guildId).remove(c);
        return Response.NO_CONTENT;
    }
}
