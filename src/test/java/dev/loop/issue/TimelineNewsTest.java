package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.TimelineNews.Decision;
import dev.loop.issue.TimelineNews.Heard;
import dev.loop.issue.TimelineNews.Kind;
import dev.loop.issue.TimelineNews.Memory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rule of what timeline news reaches one requester; {@link TimelineNewsProperties} checks it over any history. */
class TimelineNewsTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    static Heard heard(Priority p, long minutes) {
        return new Heard(p, p == Priority.HIGH || p == Priority.FIX_NOW, T0.plus(Duration.ofMinutes(minutes)));
    }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theFirstTriageResultIsTold() {
        assertThat(TimelineNews.decide(Memory.NOTHING, Priority.LOW, at(0)))
                .isEqualTo(new Decision.Tell(Kind.FIRST, null));
    }

    @Test
    void untriagedIsNeverNews() {
        assertThat(TimelineNews.decide(Memory.NOTHING, Priority.UNTRIAGED, at(0)))
                .isInstanceOf(Decision.Silent.class);
    }

    @Test
    void theSamePriorityIsNotToldTwice() {
        Memory m = Memory.NOTHING.after(heard(Priority.HIGH, 0));
        assertThat(TimelineNews.decide(m, Priority.HIGH, at(60 * 24 * 30))).isInstanceOf(Decision.Silent.class);
    }

    @Test
    void aRaiseIsTold() {
        Memory m = Memory.NOTHING.after(heard(Priority.LOW, 0));
        assertThat(TimelineNews.decide(m, Priority.HIGH, at(5)))
                .isEqualTo(new Decision.Tell(Kind.RAISED, Priority.LOW));
    }

    @Test
    void aLowAfterAHighWithdrawsItsPromiseAndIsToldPlainlyEvenWithinADay() {
        Memory m = Memory.NOTHING.after(heard(Priority.LOW, 0)).after(heard(Priority.HIGH, 5));
        assertThat(TimelineNews.decide(m, Priority.LOW, at(10)))
                .isEqualTo(new Decision.Tell(Kind.WITHDRAWN, Priority.HIGH));
    }

    @Test
    void highThenLowThenHighWithinADayDoesNotTellTheSecondHigh() {
        Memory m = Memory.NOTHING.after(heard(Priority.HIGH, 0)).after(heard(Priority.LOW, 30));
        assertThat(TimelineNews.decide(m, Priority.HIGH, at(60))).isInstanceOf(Decision.Silent.class);
    }

    @Test
    void aRaiseBackAfterADayIsNewsAgain() {
        Memory m = Memory.NOTHING.after(heard(Priority.HIGH, 0)).after(heard(Priority.LOW, 30));
        assertThat(TimelineNews.decide(m, Priority.HIGH, at(30 + 60 * 24)))
                .isEqualTo(new Decision.Tell(Kind.RAISED, Priority.LOW));
    }

    @Test
    void aLowTakingBackARaiseThatPromisedNothingWithinADayIsNotTold() {
        // a configuration where High promises nothing: undoing it within a day is not news
        Memory m = Memory.NOTHING
                .after(new Heard(Priority.LOW, false, at(0)))
                .after(new Heard(Priority.HIGH, false, at(10)));
        assertThat(TimelineNews.decide(m, Priority.LOW, at(20))).isInstanceOf(Decision.Silent.class);
        assertThat(TimelineNews.decide(m, Priority.LOW, at(10 + 60 * 24)))
                .isEqualTo(new Decision.Tell(Kind.LOWERED, Priority.HIGH));
    }
}
