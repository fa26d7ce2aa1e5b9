package dev.loop.release;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A published release as stored: what was announced, by whom, and where the announcement is. */
public record Release(
        long id,
        String version,
        String notes,
        String snippet,
        long publishedBy,
        Instant publishedAt,
        AnnouncementState announcementState,
        String announcementNonce,
        Long announcementChannelId,
        Long announcementMessageId) {

    public Release {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(announcementState, "announcementState");
    }

    /** The snippet, when the engineer gave one. */
    public Optional<String> snippetText() {
        return snippet == null || snippet.isBlank() ? Optional.empty() : Optional.of(snippet);
    }
}
