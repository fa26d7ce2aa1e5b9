package dev.loop.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Capture drafts waiting for the engineer to pick "Link to #N" or "Create new issue". Held in memory for as long as
 * the interaction token lives (15 minutes): after a restart the buttons answer that the draft expired.
 */
final class Drafts {
    static final Duration TTL = Duration.ofMinutes(15);

    private final Map<Long, Entry> drafts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(System.nanoTime() & 0xFFFFFFL);

    private record Entry(CaptureDraft draft, Instant expires) {}

    long put(CaptureDraft draft, Instant now) {
        drafts.values().removeIf(e -> e.expires().isBefore(now));
        long id = ids.incrementAndGet();
        drafts.put(id, new Entry(draft, now.plus(TTL)));
        return id;
    }

    Optional<CaptureDraft> take(long id, long engineerId, Instant now) {
        Entry e = drafts.get(id);
        if (e == null || e.expires().isBefore(now) || e.draft().engineerId() != engineerId) return Optional.empty();
        drafts.remove(id);
        return Optional.of(e.draft());
    }
}
