package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects validation failures into Discord's 50035 "Invalid Form Body" shape: {@code errors} mirrors the
 * request path with array indexes as string keys, each failing leaf holding {@code _errors}.
 */
final class FormErrors {
    private final ObjectNode errors = Json.obj();
    private boolean any;

    /** @param path dot-separated request path such as {@code embeds.0.title}; empty for request-level errors */
    FormErrors add(String path, String code, String message) {
        ObjectNode node = errors;
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                ObjectNode child = (ObjectNode) node.get(part);
                if (child == null) {
                    child = node.putObject(part);
                }
                node = child;
            }
        }
        ArrayNode list = node.has("_errors") ? (ArrayNode) node.get("_errors") : node.putArray("_errors");
        ObjectNode leaf = list.addObject();
        leaf.put("code", code);
        leaf.put("message", message);
        any = true;
        return this;
    }

    FormErrors maxLength(String path, int max) {
        return add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
    }

    FormErrors required(String path) {
        return add(path, "BASE_TYPE_REQUIRED", "This field is required");
    }

    FormErrors badLength(String path, int min, int max) {
        return add(path, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
    }

    boolean isEmpty() {
        return !any;
    }

    void throwIfAny() {
        if (any) {
            throw toError();
        }
    }

    ApiError toError() {
        ObjectNode body = Json.obj();
        body.put("message", "Invalid Form Body");
        body.put("code", 50035);
        body.set("errors", errors);
        return new ApiError(400, body);
    }

    static ApiError single(String path, String code, String message) {
        return new FormErrors().add(path, code, message).toError();
    }
}
