package dev.loop.triage;

import dev.loop.issue.Priority;
import java.util.Objects;
import java.util.Optional;

/**
 * What the flowchart decided.
 *
 * @param priority           the final priority, after any caveat
 * @param flowchartPriority  what the questions alone gave
 * @param decidedBy          the question whose "yes" decided it; empty when every answer was "no" (Low)
 * @param caveat             the caveat the engineer chose, if any
 * @param reason             one line for the issue's {@code priority_reason} and the history
 */
public record TriageResult(
        Priority priority,
        Priority flowchartPriority,
        Optional<Question> decidedBy,
        Optional<Caveat> caveat,
        String reason) {

    public TriageResult {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(flowchartPriority, "flowchartPriority");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(caveat, "caveat");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when a caveat moved the priority up. */
    public boolean raisedByCaveat() {
        return priority != flowchartPriority;
    }
}
