package dev.loop.github;

import java.time.Instant;
import java.util.Optional;

/**
 * What the ship comment says about a release, read from wherever releases live (the composition root wires it), so
 * this package does not import the release feature.
 */
@FunctionalInterface
public interface ShipNotes {

    Optional<ShipNote> find(String version);

    /** The announcement's link (null until it is posted) and the snippet (null when none was given). */
    record ShipNote(String version, String announcementUrl, String snippet, Instant publishedAt) {}
}
