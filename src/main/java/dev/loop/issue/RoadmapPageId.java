package dev.loop.issue;

import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import java.util.Optional;

/**
 * A roadmap page as carried by its Previous / Next buttons: {@code roadmap:<page>:<owner>:<area>}, where owner 0
 * means anyone and area -1 means every area (otherwise the area's position in the configured list), written and read
 * by {@link ComponentId} ({@link #SHAPE}). Everything needed to draw the page travels in the id, so paging survives
 * restarts.
 */
record RoadmapPageId(int page, long ownerId, int areaIndex) {

    static final String PREFIX = "roadmap";
    /** Page, owner (0: anyone), area (-1: every area). */
    static final Shape SHAPE = Shape.of(
            PREFIX,
            "That roadmap is from an older version of Loop. Run /roadmap again.",
            Kind.INDEX,
            Kind.ID_OR_ZERO,
            Kind.INDEX_OR_NONE);

    RoadmapPageId {
        if (page < 0) throw new IllegalArgumentException("page must not be negative: " + page);
        if (ownerId < 0) throw new IllegalArgumentException("owner must not be negative: " + ownerId);
        if (areaIndex < -1) throw new IllegalArgumentException("bad area index: " + areaIndex);
    }

    String toCustomId() {
        return SHAPE.id(page, ownerId, areaIndex);
    }

    /** Empty for another prefix or anything malformed. */
    static Optional<RoadmapPageId> parse(String customId) {
        if (!(SHAPE.parse(customId) instanceof ComponentId.Valid valid)) return Optional.empty();
        ComponentId id = valid.id();
        return Optional.of(new RoadmapPageId(id.number(0), id.id(1), id.number(2)));
    }
}
