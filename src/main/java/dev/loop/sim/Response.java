package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** A REST response before rate-limit headers are added. A null body with 204 means "no content". */
record Response(int status, JsonNode body) {
    static final Response NO_CONTENT = new Response(204, null);

    static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    static Response created(JsonNode body) {
        return new Response(201, body);
    }
}
