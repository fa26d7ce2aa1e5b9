package dev.loop.stats;

import java.time.LocalDate;

/** Captured and shipped counts for one ISO week; {@code label} is e.g. {@code "2025-W09"}. */
public record WeekPoint(LocalDate weekStart, String label, long captured, long shipped) {}
