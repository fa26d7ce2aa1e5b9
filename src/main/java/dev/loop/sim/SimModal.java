package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A modal the bot opened. Fill it in and {@link #submit} it like the Discord client would. */
public final class SimModal {
    /**
     * One input of the modal. {@code type} 4 is a text input (style 1 short, 2 paragraph); {@code value} is the
     * prefilled text.
     */
    public record Field(
            String customId,
            String label,
            int type,
            int style,
            String value,
            boolean required,
            int minLength,
            int maxLength,
            String placeholder) {}

    private final Sim sim;
    private final World world;
    private final InteractionState opener;

    SimModal(Sim sim, World world, InteractionState opener) {
        this.sim = sim;
        this.world = world;
        this.opener = opener;
    }

    private ObjectNode json() {
        return opener.modal;
    }

    public String customId() {
        return json().path("custom_id").asText();
    }

    /**
     * Changes the modal's custom id before it is submitted, as a tampered client (or a form from an older version)
     * would send it.
     */
    public SimModal rewriteId(String customId) {
        json().put("custom_id", customId);
        return this;
    }

    public String title() {
        return json().path("title").asText();
    }

    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (JsonNode top : json().path("components")) {
            JsonNode input = null;
            String label = null;
            int type = top.path("type").asInt();
            if (type == 18) {
                input = top.path("component");
                label = Json.text(top, "label");
            } else if (type == 1 && top.path("components").size() == 1) {
                input = top.path("components").get(0);
                label = Json.text(input, "label");
            }
            if (input == null) {
                continue;
            }
            out.add(new Field(
                    Json.text(input, "custom_id"),
                    label,
                    input.path("type").asInt(),
                    input.path("style").asInt(1),
                    Json.text(input, "value"),
                    input.path("required").asBoolean(true),
                    input.path("min_length").asInt(0),
                    input.path("max_length").asInt(4000),
                    Json.text(input, "placeholder")));
        }
        return out;
    }

    /** The field with this custom id. */
    public Field field(String customId) {
        for (Field f : fields()) {
            if (customId.equals(f.customId())) {
                return f;
            }
        }
        throw new IllegalArgumentException("modal '" + customId() + "' has no field '" + customId + "'; it has "
                + fields().stream().map(Field::customId).toList());
    }

    /** The prefilled value of a field (null when empty). */
    public String value(String customId) {
        return field(customId).value();
    }

    /** Submits with the prefilled values unchanged. */
    public SimInteraction submit() {
        return submit(Map.of());
    }

    /**
     * Submits the modal. Fields not in {@code values} keep their prefilled value; the client's checks apply
     * (required fields, min and max length), failing with {@link IllegalArgumentException}.
     */
    public SimInteraction submit(Map<String, String> values) {
        Set<String> known = new HashSet<>();
        ObjectNode data = Json.obj();
        data.put("custom_id", customId());
        ArrayNode components = data.putArray("components");
        int nextId = 1;
        for (JsonNode top : json().path("components")) {
            int type = top.path("type").asInt();
            int topId = top.path("id").asInt(0);
            JsonNode input = type == 18
                    ? top.path("component")
                    : type == 1 ? top.path("components").path(0) : null;
            if (input == null || input.isMissingNode()) {
                nextId++;
                continue;
            }
            String customId = input.path("custom_id").asText();
            known.add(customId);
            int inputType = input.path("type").asInt();
            int inputId = input.path("id").asInt(0);
            ObjectNode wrapper = components.addObject();
            wrapper.put("type", 18);
            wrapper.put("id", topId != 0 ? topId : nextId);
            nextId++;
            ObjectNode out = wrapper.putObject("component");
            out.put("type", inputType);
            out.put("id", inputId != 0 ? inputId : nextId);
            nextId++;
            out.put("custom_id", customId);
            String value = values.containsKey(customId) ? values.get(customId) : Json.text(input, "value");
            if (inputType == 4) {
                String v = value == null ? "" : value;
                boolean required = input.path("required").asBoolean(true);
                if (required && v.isEmpty()) {
                    throw new IllegalArgumentException("field '" + customId + "' is required");
                }
                if (!v.isEmpty()
                        && (v.length() < input.path("min_length").asInt(0)
                                || v.length() > input.path("max_length").asInt(4000))) {
                    throw new IllegalArgumentException("field '" + customId + "' length out of range");
                }
                out.put("value", v);
            } else {
                ArrayNode chosen = out.putArray("values");
                if (value != null && !value.isEmpty()) {
                    for (String v : value.split(",")) {
                        chosen.add(v.trim());
                    }
                }
            }
        }
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("modal has no field '" + key + "'; it has " + known);
            }
        }
        world.traffic.people(opener.user.username + ": submit modal '" + customId() + "' " + values);
        return world.write(() -> new SimInteraction(
                sim,
                world,
                world.interactionRules.createInteraction(
                        InteractionState.MODAL_SUBMIT, opener.user, opener.channel, data, null, opener, null, 0)));
    }
}
