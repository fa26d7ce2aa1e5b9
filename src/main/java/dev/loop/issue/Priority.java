package dev.loop.issue;

import dev.loop.core.config.Config;
import java.util.Optional;

/** Where an issue stands in the team's queue; the order of the constants is the order of urgency. */
public enum Priority {
    FIX_NOW("fix_now", "Fix it now"),
    HIGH("high", "High"),
    LOW("low", "Low"),
    UNTRIAGED("untriaged", "Untriaged");

    private final String code;
    private final String label;

    Priority(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value stored in the database. */
    public String code() {
        return code;
    }

    /** How people see it. */
    public String label() {
        return label;
    }

    /** True when this priority is more urgent than {@code other}; untriaged is the least urgent. */
    public boolean isAbove(Priority other) {
        return ordinal() < other.ordinal();
    }

    /** The configured timeline for this priority; untriaged issues have none yet. */
    public Optional<Config.Timeline> timelineIn(Config.Timelines timelines) {
        return switch (this) {
            case FIX_NOW -> Optional.of(timelines.fixNow());
            case HIGH -> Optional.of(timelines.high());
            case LOW -> Optional.of(timelines.low());
            case UNTRIAGED -> Optional.empty();
        };
    }

    public static Priority fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown priority " + code));
    }

    public static Optional<Priority> parse(String text) {
        if (text == null) return Optional.empty();
        String t =
                text.trim().toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Priority p : values()) {
            if (p.code.equals(t) || p.name().equalsIgnoreCase(t) || p.label.equalsIgnoreCase(text.trim()))
                return Optional.of(p);
        }
        if (t.equals("fix_it_now")) return Optional.of(FIX_NOW);
        return Optional.empty();
    }
}
