package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One REST request as the handlers see it: path parameters, query, and a JSON or multipart body. */
final class Request {
    final String method;
    final String path;
    final Map<String, String> params;
    final Map<String, String> query;
    private final byte[] body;
    private final String contentType;
    private JsonNode json;
    /** When the server started handling the request ({@link System#nanoTime()}), before any lock or rate limit. */
    long receivedNanos = System.nanoTime();

    private List<Upload> uploads;

    Request(String method, String path, Map<String, String> params, String rawQuery, byte[] body, String contentType) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.contentType = contentType == null ? "" : contentType;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A snowflake path parameter; unparsable ids are unknown resources, reported by the caller's 404. */
    long id(String name) {
        String v = params.get(name);
        try {
            return v == null ? 0 : Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    JsonNode json() {
        if (json == null) {
            parseBody();
        }
        return json;
    }

    List<Upload> uploads() {
        if (uploads == null) {
            parseBody();
        }
        return uploads;
    }

    String summary() {
        if (body.length == 0) {
            return "";
        }
        if (contentType.startsWith("multipart/")) {
            return "multipart " + Json.abbreviate(json().toString(), 200) + " + "
                    + uploads().size() + " file(s)";
        }
        return Json.abbreviate(new String(body, StandardCharsets.UTF_8), 200);
    }

    private void parseBody() {
        uploads = List.of();
        if (body.length == 0) {
            json = MissingNode.getInstance();
            return;
        }
        if (contentType.startsWith("multipart/form-data")) {
            List<Upload> files = new ArrayList<>();
            JsonNode payload = null;
            for (Multipart.Part part : Multipart.parse(body, Multipart.boundary(contentType))) {
                if ("payload_json".equals(part.name())) {
                    payload = readJson(part.data());
                } else if (part.name() != null && part.name().startsWith("files[")) {
                    int index = parseIndex(part.name());
                    files.add(new Upload(
                            index,
                            part.filename() == null ? "file" + index : part.filename(),
                            part.contentType(),
                            part.data()));
                }
            }
            json = payload == null ? MissingNode.getInstance() : payload;
            uploads = List.copyOf(files);
            return;
        }
        json = readJson(body);
    }

    private static int parseIndex(String name) {
        try {
            return Integer.parseInt(name.substring(6, name.indexOf(']')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static JsonNode readJson(byte[] data) {
        try {
            return Json.read(data);
        } catch (IOException e) {
            throw ApiError.of(400, 50109, "The request body contains invalid JSON.");
        }
    }
}
