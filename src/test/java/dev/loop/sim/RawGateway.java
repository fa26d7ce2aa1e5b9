package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare gateway client: frames in, frames out, for protocol-level tests. */
final class RawGateway implements AutoCloseable {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket ws;

    RawGateway(String url) {
        ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(url + "?v=10&encoding=json"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(Json.read(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeCode.complete(1006);
                    }
                })
                .join();
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    void identify(String token, int intents) {
        send("{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
    }

    /** Next frame, failing after 5 s. */
    JsonNode next() {
        try {
            JsonNode f = frames.poll(5, TimeUnit.SECONDS);
            if (f == null) {
                throw new AssertionError("no gateway frame within 5 s");
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips frames until one matches. */
    JsonNode until(Predicate<JsonNode> p) {
        while (true) {
            JsonNode f = next();
            if (p.test(f)) {
                return f;
            }
        }
    }

    JsonNode dispatch(String type) {
        return until(f -> type.equals(f.path("t").asText()));
    }

    /** Returns the next frame if one arrives within {@code ms}, else null. */
    JsonNode poll(long ms) {
        try {
            return frames.poll(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    int awaitClose() {
        return closeCode.orTimeout(5, TimeUnit.SECONDS).join();
    }

    void closeWith(int code) {
        ws.sendClose(code, "test").join();
    }

    void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        ws.abort();
    }
}
