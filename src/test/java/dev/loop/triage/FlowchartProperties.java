package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Priority;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The flowchart's invariants over every walk an engineer can take (any record, any answers, overriding "brought
 * up before" or not, any caveat), beside the examples in {@link FlowchartTest}.
 */
class FlowchartProperties {

    /** A walk: what the record says (null: nothing), the answers in order, an override, a caveat. */
    record Walk(Boolean record, List<Boolean> answers, Optional<Boolean> override, Optional<Caveat> caveat) {

        /** Answers the open questions in turn until decided, then overrides and finishes. */
        TriageState play() {
            TriageState s = record == null ? Flowchart.start() : Flowchart.start(record);
            for (int i = 0; !s.isDecided(); i++) {
                s = s.answer(s.currentQuestion().orElseThrow(), answers.get(i % answers.size()));
            }
            if (override.isPresent() && s.canOverrideBroughtUpBefore()) {
                s = s.answer(Question.BROUGHT_UP_BEFORE, override.get());
            }
            return s.finish(caveat);
        }
    }

    @Provide
    Arbitrary<Walk> walks() {
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3),
                        Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(true, false).optional(0.5),
                        Arbitraries.of(Caveat.class).optional(0.5))
                .as(Walk::new);
    }

    @Property
    void aCaveatRaisesByExactlyOneLevelAndNeverLowers(@ForAll("walks") Walk walk) {
        TriageResult r = walk.play().result().orElseThrow();

        assertThat(r.flowchartPriority().isAbove(r.priority())).isFalse();
        assertThat(r.priority())
                .isEqualTo(walk.caveat().isPresent() ? Flowchart.raise(r.flowchartPriority()) : r.flowchartPriority());
        assertThat(r.priority()).isNotEqualTo(Priority.UNTRIAGED);
    }

    @Property
    void theResultIsWhatTheFirstYesLeadsToOrLow(@ForAll("walks") Walk walk) {
        TriageState s = walk.play();
        Optional<TriageState.Answer> firstYes =
                s.answers().stream().filter(TriageState.Answer::yes).findFirst();
        TriageResult r = s.result().orElseThrow();

        assertThat(r.flowchartPriority())
                .isEqualTo(firstYes.map(a -> a.question().yesLeadsTo()).orElse(Priority.LOW));
        assertThat(r.decidedBy()).isEqualTo(firstYes.map(TriageState.Answer::question));
    }

    @Property
    void questionsAreAnsweredInTheFlowchartsOrderEachOnce(@ForAll("walks") Walk walk) {
        List<Question> asked =
                walk.play().answers().stream().map(TriageState.Answer::question).toList();

        assertThat(asked).doesNotHaveDuplicates();
        assertThat(asked).isEqualTo(List.of(Question.values()).subList(0, asked.size()));
    }

    @Property
    void everyStateOnTheWaySurvivesItsEncoding(@ForAll("walks") Walk walk) {
        TriageState s = walk.play();

        assertThat(s.encode().length()).isLessThanOrEqualTo(TriageState.MAX_ENCODED_LENGTH);
        assertThat(TriageState.parse(s.encode())).contains(s);
        assertThat(TriageState.decode(s.encode()).result()).isEqualTo(s.result());
    }

    @Property
    void anyForgedStateIsRefusedOrCanonical(@ForAll("forged") String encoded) {
        TriageState.parse(encoded).ifPresent(s -> assertThat(s.encode()).isEqualTo(encoded));
    }

    @Provide
    Arbitrary<String> forged() {
        return Arbitraries.strings().withChars("yunYN!vci:x".toCharArray()).ofMaxLength(9);
    }

    @Property
    void raiseNeverLowersAndStopsAtFixNow(@ForAll Priority p) {
        if (p == Priority.UNTRIAGED) return;
        assertThat(p.isAbove(Flowchart.raise(p))).isFalse();
        assertThat(Flowchart.raise(Flowchart.raise(p))).isEqualTo(Priority.FIX_NOW);
    }
}
