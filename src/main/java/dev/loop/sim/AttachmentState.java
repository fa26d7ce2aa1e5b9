package dev.loop.sim;

/** A stored upload. The bytes are kept so tests can inspect what the bot attached. */
record AttachmentState(long id, String filename, String contentType, byte[] data, String description, String url) {
    int size() {
        return data.length;
    }
}
