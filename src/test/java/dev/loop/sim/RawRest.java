package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A bare HTTP client for the simulator's REST API, for tests that must bypass JDA's own checks. */
final class RawRest {
    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        int code() {
            return json.path("code").asInt();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    RawRest(Sim sim) {
        this.base = sim.restBaseUrl();
        this.token = sim.token();
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) {
        return send(method, path, json, "Bot " + token);
    }

    Reply send(String method, String path, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return execute(b.build());
    }

    /** A multipart request with {@code payload_json} and one file as {@code files[0]}. */
    Reply multipart(String method, String path, String payloadJson, String filename, byte[] data) {
        String boundary = "b" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"payload_json\"\r\n")
                .append("Content-Type: application/json\r\n\r\n")
                .append(payloadJson)
                .append("\r\n")
                .append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"files[0]\"; filename=\"")
                .append(filename)
                .append("\"\r\nContent-Type: text/plain\r\n\r\n");
        byte[] a = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] z = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[a.length + data.length + z.length];
        System.arraycopy(a, 0, body, 0, a.length);
        System.arraycopy(data, 0, body, a.length, data.length);
        System.arraycopy(z, 0, body, a.length + data.length, z.length);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bot " + token)
                .build();
        return execute(req);
    }

    private Reply execute(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? Json.obj() : Json.read(r.body());
            return new Reply(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
