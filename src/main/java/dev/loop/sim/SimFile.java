package dev.loop.sim;

import java.nio.charset.StandardCharsets;

/** A file a simulated member attaches to a message. */
public record SimFile(String filename, String contentType, byte[] data) {
    public static SimFile text(String filename, String content) {
        return new SimFile(filename, "text/plain; charset=utf-8", content.getBytes(StandardCharsets.UTF_8));
    }

    public static SimFile of(String filename, byte[] data) {
        return new SimFile(filename, "application/octet-stream", data);
    }
}
