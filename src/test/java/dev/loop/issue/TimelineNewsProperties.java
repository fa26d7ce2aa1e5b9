package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.TimelineNews.Decision;
import dev.loop.issue.TimelineNews.Heard;
import dev.loop.issue.TimelineNews.Memory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TimelineNews} over any run of priority changes for one person: whatever happens, what they are told never
 * repeats itself, never undoes itself within a day unless a promise is withdrawn, and a withdrawn promise is always
 * told.
 */
class TimelineNewsProperties {

    record Step(Priority priority, long minutesLater) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Priority.values()), Arbitraries.longs().between(0, 3 * 24 * 60))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    static boolean promised(Priority p) {
        return p == Priority.HIGH || p == Priority.FIX_NOW;
    }

    record Told(Priority priority, Instant at, Decision.Tell how) {}

    static List<Told> run(List<Step> steps) {
        Memory memory = Memory.NOTHING;
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        List<Told> told = new ArrayList<>();
        for (Step s : steps) {
            now = now.plus(Duration.ofMinutes(s.minutesLater()));
            Decision d = TimelineNews.decide(memory, s.priority(), now);
            if (d instanceof Decision.Tell t) {
                told.add(new Told(s.priority(), now, t));
                memory = memory.after(new Heard(s.priority(), promised(s.priority()), now));
            }
        }
        return told;
    }

    @Property
    void neverTellsTheSamePriorityTwiceInARowNorUntriaged(@ForAll("histories") List<Step> steps) {
        List<Told> told = run(steps);
        for (int i = 0; i < told.size(); i++) {
            assertThat(told.get(i).priority()).isNotEqualTo(Priority.UNTRIAGED);
            if (i > 0)
                assertThat(told.get(i).priority()).isNotEqualTo(told.get(i - 1).priority());
        }
    }

    @Property
    void aChangeUndoneWithinADayIsToldOnlyWhenItWithdrawsAPromise(@ForAll("histories") List<Step> steps) {
        List<Told> told = run(steps);
        for (int i = 2; i < told.size(); i++) {
            Told back = told.get(i);
            Told undone = told.get(i - 1);
            boolean within = Duration.between(undone.at(), back.at()).compareTo(TimelineNews.UNDO_WINDOW) < 0;
            if (back.priority() == told.get(i - 2).priority() && within) {
                assertThat(undone.priority().isAbove(back.priority()) && promised(undone.priority()))
                        .as("%s then %s then %s", told.get(i - 2), undone, back)
                        .isTrue();
            }
        }
    }

    @Property
    void theFirstTriagedPriorityIsTheFirstThingTold(@ForAll("histories") List<Step> steps) {
        List<Told> told = run(steps);
        Priority first = steps.stream()
                .map(Step::priority)
                .filter(p -> p != Priority.UNTRIAGED)
                .findFirst()
                .orElse(null);
        if (first == null) assertThat(told).isEmpty();
        else assertThat(told.getFirst().priority()).isEqualTo(first);
    }

    @Property
    void aLoweringFromAPromiseIsAlwaysTold(@ForAll("histories") List<Step> steps) {
        Memory memory = Memory.NOTHING;
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        for (Step s : steps) {
            now = now.plus(Duration.ofMinutes(s.minutesLater()));
            Decision d = TimelineNews.decide(memory, s.priority(), now);
            Heard last = memory.last().orElse(null);
            if (last != null
                    && last.promised()
                    && s.priority() != Priority.UNTRIAGED
                    && last.priority().isAbove(s.priority())) {
                assertThat(d).isInstanceOf(Decision.Tell.class);
            }
            if (d instanceof Decision.Tell) memory = memory.after(new Heard(s.priority(), promised(s.priority()), now));
        }
    }
}
