package dev.loop.issue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A roadmap page as carried by its Previous / Next buttons: {@code roadmap:<page>:<owner>:<area>}, where owner 0
 * means anyone and area -1 means every area (otherwise the area's position in the configured list). Everything
 * needed to draw the page travels in the id, so paging survives restarts.
 */
record RoadmapPageId(int page, long ownerId, int areaIndex) {

    static final String PREFIX = "roadmap";
    private static final Pattern BODY = Pattern.compile("(\\d{1,4}):(\\d{1,20}):(-1|\\d{1,3})");

    RoadmapPageId {
        if (page < 0) throw new IllegalArgumentException("page must not be negative: " + page);
        if (ownerId < 0) throw new IllegalArgumentException("owner must not be negative: " + ownerId);
        if (areaIndex < -1) throw new IllegalArgumentException("bad area index: " + areaIndex);
    }

    String toCustomId() {
        return PREFIX + ":" + page + ":" + ownerId + ":" + areaIndex;
    }

    /** Empty for another prefix or anything malformed. */
    static Optional<RoadmapPageId> parse(String customId) {
        if (customId == null || customId.length() > 100 || !customId.startsWith(PREFIX + ":")) {
            return Optional.empty();
        }
        Matcher m = BODY.matcher(customId.substring(PREFIX.length() + 1));
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new RoadmapPageId(
                    Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
