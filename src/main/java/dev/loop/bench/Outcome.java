package dev.loop.bench;

import java.util.List;
import java.util.Map;

/** What one benchmark found: its figures, notes a reader needs to trust them, and raw details for the JSON file. */
public record Outcome(
        String name,
        String title,
        List<Figure> figures,
        List<String> notes,
        Map<String, Object> details,
        double seconds) {

    public Outcome {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
        details = Map.copyOf(details);
    }

    /** True when no figure with a target missed it. */
    public boolean passed() {
        return figures.stream().noneMatch(f -> Boolean.FALSE.equals(f.pass()));
    }
}
