package dev.loop.triage;

import static dev.loop.triage.Question.BROUGHT_UP_BEFORE;
import static dev.loop.triage.Question.NEW_USER;
import static dev.loop.triage.Question.QUICK_CHANGE;
import static dev.loop.triage.Question.USER_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.Priority;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowchartTest {

    private static TriageState walk(TriageState s, boolean... answers) {
        for (boolean a : answers) s = s.answer(s.currentQuestion().orElseThrow(), a);
        return s;
    }

    @Nested
    class Leaves {
        @Test
        void blockedUserIsFixNow() {
            TriageState s = walk(Flowchart.start(), true);
            TriageResult r = s.result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.FIX_NOW);
            assertThat(r.decidedBy()).contains(USER_BLOCKED);
            assertThat(r.reason()).isEqualTo("a user is blocked by it");
            assertThat(s.currentQuestion()).isEmpty();
            assertThat(s.encode()).isEqualTo("uy");
        }

        @Test
        void newUserExperienceIsFixNow() {
            TriageResult r = walk(Flowchart.start(false), false, true).result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.FIX_NOW);
            assertThat(r.decidedBy()).contains(NEW_USER);
            assertThat(r.reason()).isEqualTo("it is related to a new user's experience");
        }

        @Test
        void quickChangeIsHigh() {
            TriageResult r =
                    walk(Flowchart.start(true), false, false, true).result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.HIGH);
            assertThat(r.decidedBy()).contains(QUICK_CHANGE);
            assertThat(r.reason()).isEqualTo("it is a quick change (less than 30 minutes)");
        }

        @Test
        void broughtUpBeforeIsHighBumpedFromLow() {
            TriageState s = walk(Flowchart.start(), false, false, false, true);
            TriageResult r = s.result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.HIGH);
            assertThat(r.decidedBy()).contains(BROUGHT_UP_BEFORE);
            assertThat(r.reason()).isEqualTo("bumped up from Low: brought up before");
            assertThat(s.encode()).isEqualTo("unnny");
        }

        @Test
        void allNoIsLow() {
            TriageResult r =
                    walk(Flowchart.start(), false, false, false, false).result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.LOW);
            assertThat(r.decidedBy()).isEmpty();
            assertThat(r.reason())
                    .isEqualTo(
                            "not blocking, not about a new user's experience, not a quick change, not brought up before");
            assertThat(r.raisedByCaveat()).isFalse();
        }

        @Test
        void questionsComeInOrderAndNoResultWhileAsking() {
            TriageState s = Flowchart.start();
            assertThat(s.currentQuestion()).contains(USER_BLOCKED);
            assertThat(s.result()).isEmpty();
            s = s.answer(USER_BLOCKED, false);
            assertThat(s.currentQuestion()).contains(NEW_USER);
            s = s.answer(NEW_USER, false);
            assertThat(s.currentQuestion()).contains(QUICK_CHANGE);
            s = s.answer(QUICK_CHANGE, false);
            assertThat(s.currentQuestion()).contains(BROUGHT_UP_BEFORE);
            assertThat(s.result()).isEmpty();
            assertThat(s.isDecided()).isFalse();
        }

        @Test
        void questionTexts() {
            assertThat(USER_BLOCKED.text()).isEqualTo("Is a user blocked by it?");
            assertThat(NEW_USER.text()).isEqualTo("Is it related to a new user's experience?");
            assertThat(QUICK_CHANGE.text()).isEqualTo("Is it a quick change (less than 30 minutes)?");
            assertThat(BROUGHT_UP_BEFORE.text()).isEqualTo("Has it been brought up before?");
        }
    }

    @Nested
    class PreAnswer {
        @Test
        void recordSaysYesSkipsTheQuestionAndGivesHigh() {
            TriageState s = walk(Flowchart.start(true), false, false, false);
            assertThat(s.currentQuestion()).isEmpty();
            assertThat(s.answerTo(BROUGHT_UP_BEFORE)).contains(new TriageState.Answer(BROUGHT_UP_BEFORE, true, true));
            assertThat(s.result().orElseThrow().priority()).isEqualTo(Priority.HIGH);
            assertThat(s.encode()).isEqualTo("ynnnY");
            assertThat(s.answersColumn()).isEqualTo("blocked=n,new_user=n,quick=n,before=y(record)");
        }

        @Test
        void recordSaysNoGivesLow() {
            TriageState s = walk(Flowchart.start(false), false, false, false);
            assertThat(s.result().orElseThrow().priority()).isEqualTo(Priority.LOW);
            assertThat(s.encode()).isEqualTo("nnnnN");
        }

        @Test
        void engineerOverridesRecordYesToNo() {
            TriageState s = walk(Flowchart.start(true), false, false, false);
            assertThat(s.canOverrideBroughtUpBefore()).isTrue();
            TriageState o = s.answer(BROUGHT_UP_BEFORE, false);
            assertThat(o.result().orElseThrow().priority()).isEqualTo(Priority.LOW);
            assertThat(o.encode()).isEqualTo("ynnnn");
            assertThat(o.answersColumn()).isEqualTo("blocked=n,new_user=n,quick=n,before=n(override)");
            assertThat(o.summary())
                    .isEqualTo("Blocked: no · New user: no · Quick: no · Brought up before: no "
                            + "(overriding the record) → Low (not blocking, not about a new user's experience, "
                            + "not a quick change, not brought up before)");
        }

        @Test
        void engineerOverridesRecordNoToYes() {
            TriageState o = walk(Flowchart.start(false), false, false, false).answer(BROUGHT_UP_BEFORE, true);
            assertThat(o.result().orElseThrow().priority()).isEqualTo(Priority.HIGH);
            assertThat(o.result().orElseThrow().reason()).isEqualTo("bumped up from Low: brought up before");
            assertThat(o.encode()).isEqualTo("nnnny");
        }

        @Test
        void overridingBackToTheRecordRestoresTheRecordAnswer() {
            TriageState s = walk(Flowchart.start(true), false, false, false);
            TriageState back = s.answer(BROUGHT_UP_BEFORE, false).answer(BROUGHT_UP_BEFORE, true);
            assertThat(back).isEqualTo(s);
            assertThat(back.encode()).isEqualTo("ynnnY");
        }

        @Test
        void recordAnswerIsIgnoredWhenAnEarlierQuestionDecides() {
            TriageState s = walk(Flowchart.start(true), true);
            assertThat(s.answerTo(BROUGHT_UP_BEFORE)).isEmpty();
            assertThat(s.canOverrideBroughtUpBefore()).isFalse();
            assertThat(s.answersColumn()).isEqualTo("blocked=y");
        }

        @Test
        void broughtUpBeforeFromCounts() {
            assertThat(Flowchart.broughtUpBefore(1, 1)).isFalse();
            assertThat(Flowchart.broughtUpBefore(0, 0)).isFalse();
            assertThat(Flowchart.broughtUpBefore(2, 1)).isTrue();
            assertThat(Flowchart.broughtUpBefore(1, 2)).isTrue();
        }
    }

    @Nested
    class Caveats {
        private final TriageState low = walk(Flowchart.start(false), false, false, false);
        private final TriageState high = walk(Flowchart.start(false), false, false, true);
        private final TriageState fixNow = walk(Flowchart.start(false), true);

        @Test
        void raisesLowToHigh() {
            TriageState done = low.finish(Caveat.VALUED_MEMBER);
            TriageResult r = done.result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.HIGH);
            assertThat(r.flowchartPriority()).isEqualTo(Priority.LOW);
            assertThat(r.raisedByCaveat()).isTrue();
            assertThat(r.caveat()).contains(Caveat.VALUED_MEMBER);
            assertThat(r.reason()).endsWith("; raised from Low to High: requested by a valued community member");
            assertThat(done.encode()).isEqualTo("nnnnN!v");
        }

        @Test
        void raisesHighToFixNow() {
            TriageResult r = high.finish(Caveat.CONTRIBUTOR_NEEDS).result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.FIX_NOW);
            assertThat(r.reason())
                    .isEqualTo(
                            "it is a quick change (less than 30 minutes); raised from High to Fix it now: a contributor needs it");
        }

        @Test
        void neverRaisesAboveFixNow() {
            TriageResult r = fixNow.finish(Caveat.NOVEL_HIGH_IMPACT).result().orElseThrow();
            assertThat(r.priority()).isEqualTo(Priority.FIX_NOW);
            assertThat(r.raisedByCaveat()).isFalse();
            assertThat(r.reason())
                    .isEqualTo(
                            "a user is blocked by it; caveat noted (a novel solution with big impact), already Fix it now");
        }

        @Test
        void raisesOnlyOneLevel() {
            assertThat(low.finish(Caveat.NOVEL_HIGH_IMPACT)
                            .result()
                            .orElseThrow()
                            .priority())
                    .isEqualTo(Priority.HIGH);
            assertThat(Flowchart.raise(Priority.LOW)).isEqualTo(Priority.HIGH);
            assertThat(Flowchart.raise(Priority.HIGH)).isEqualTo(Priority.FIX_NOW);
            assertThat(Flowchart.raise(Priority.FIX_NOW)).isEqualTo(Priority.FIX_NOW);
            assertThatThrownBy(() -> Flowchart.raise(Priority.UNTRIAGED)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void previewDoesNotChangeTheState() {
            assertThat(high.previewWith(Caveat.VALUED_MEMBER).priority()).isEqualTo(Priority.FIX_NOW);
            assertThat(high.result().orElseThrow().priority()).isEqualTo(Priority.HIGH);
            assertThat(high.isFinished()).isFalse();
        }

        @Test
        void doneWithoutCaveat() {
            TriageState done = high.finish();
            assertThat(done.isFinished()).isTrue();
            assertThat(done.caveat()).isEmpty();
            assertThat(done.result().orElseThrow().priority()).isEqualTo(Priority.HIGH);
            assertThat(done.encode()).isEqualTo("nnny!");
        }

        @Test
        void caveatCodesParse() {
            for (Caveat c : Caveat.values()) assertThat(Caveat.parse(c.code())).contains(c);
            assertThat(Caveat.parse("nope")).isEmpty();
        }
    }

    @Nested
    class IllegalSteps {
        @Test
        void cannotAnswerOutOfOrder() {
            assertThatThrownBy(() -> Flowchart.start().answer(QUICK_CHANGE, true))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void cannotAnswerAfterADecidingYes() {
            TriageState s = walk(Flowchart.start(), true);
            assertThat(s.canAnswer(NEW_USER)).isFalse();
            assertThatThrownBy(() -> s.answer(NEW_USER, false)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.answer(BROUGHT_UP_BEFORE, false)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void cannotFinishBeforeAResult() {
            assertThatThrownBy(() -> Flowchart.start().finish()).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void nothingAfterFinish() {
            TriageState done = walk(Flowchart.start(true), false, false, false).finish();
            assertThat(done.canAnswer(BROUGHT_UP_BEFORE)).isFalse();
            assertThatThrownBy(() -> done.answer(BROUGHT_UP_BEFORE, false)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(done::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Encoding {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "u", "y", "n", "uy", "un", "unn", "uny", "unnn", "unny", "unnnn", "unnny", "uy!", "unnnn!",
                    "unnny!c", "yy", "yn", "ynny", "ynnnY", "ynnnn", "ynnnY!", "ynnnn!i", "nnnnN", "nnnny", "nnnnN!v",
                    "ny!i", "nny!c"
                })
        void canonicalStatesRoundTrip(String encoded) {
            TriageState s = TriageState.decode(encoded);
            assertThat(s.encode()).isEqualTo(encoded);
            assertThat(TriageState.decode(s.encode())).isEqualTo(s);
            assertThat(encoded.length()).isLessThanOrEqualTo(TriageState.MAX_ENCODED_LENGTH);
        }

        @Test
        void everyReachableStateRoundTrips() {
            for (Boolean record : new Boolean[] {null, true, false}) {
                TriageState start = record == null ? Flowchart.start() : Flowchart.start(record);
                roundTripAll(start, new java.util.HashSet<>());
            }
        }

        private void roundTripAll(TriageState s, java.util.Set<String> seen) {
            if (!seen.add(s.encode())) return;
            assertThat(TriageState.decode(s.encode())).isEqualTo(s);
            assertThat(TriageState.decode(s.encode()).summary()).isEqualTo(s.summary());
            if (s.isFinished()) return;
            for (Question q : Question.values()) {
                for (boolean yes : new boolean[] {true, false}) {
                    if (s.canAnswer(q)) {
                        roundTripAll(s.answer(q, yes), seen);
                    }
                }
            }
            if (s.isDecided()) {
                assertThat(TriageState.decode(s.finish().encode())).isEqualTo(s.finish());
                for (Caveat c : Caveat.values()) {
                    TriageState f = s.finish(c);
                    assertThat(TriageState.decode(f.encode())).isEqualTo(f);
                    assertThat(TriageState.decode(f.encode()).result()).isEqualTo(f.result());
                }
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "x",
                    "U",
                    "uu",
                    "uyn",
                    "uyy",
                    "unnnnn",
                    "ynnn",
                    "ynnny",
                    "ynnnYn",
                    "ynnnYY",
                    "nnnnn!",
                    "uY",
                    "uN",
                    "unnnY",
                    "un!",
                    "u!",
                    "uy!x",
                    "uy!vv",
                    "uy!!",
                    "uy?",
                    "ynnnY!vextra",
                    "y nnn",
                    " uy",
                    "uy ",
                    "unnnn!V",
                    "ynnnN",
                    "nnnnY"
                })
        void malformedStatesAreRejected(String encoded) {
            assertThat(TriageState.parse(encoded)).isEmpty();
            assertThatThrownBy(() -> TriageState.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nullIsRejected() {
            assertThat(TriageState.parse(null)).isEmpty();
        }
    }

    @Nested
    class Tokens {
        @Test
        void customIdRoundTrip() {
            TriageState s = walk(Flowchart.start(true), false, false, false);
            TriageToken t = new TriageToken(1234, 17, s);
            String id = t.toCustomId("triage");
            assertThat(id).isEqualTo("triage:1234:17:ynnnY");
            assertThat(TriageToken.parse("triage", id)).contains(t);
        }

        @Test
        void longestCustomIdFits() {
            TriageState s = walk(Flowchart.start(true), false, false, false)
                    .answer(BROUGHT_UP_BEFORE, false)
                    .finish(Caveat.NOVEL_HIGH_IMPACT);
            String prefix = "p".repeat(40);
            String id = new TriageToken(Integer.MAX_VALUE, Integer.MAX_VALUE, s).toCustomId(prefix);
            assertThat(id.length()).isLessThanOrEqualTo(100);
            assertThat(TriageToken.parse(prefix, id).orElseThrow().state()).isEqualTo(s);
        }

        @Test
        void staleness() {
            TriageToken t = new TriageToken(3, 5, Flowchart.start());
            assertThat(t.isStale(5)).isFalse();
            assertThat(t.isStale(6)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "triage:",
                    "triage:1:2",
                    "triage:1:2:",
                    "triage:0:2:u",
                    "triage:-1:2:u",
                    "triage:1:-2:u",
                    "triage:x:2:u",
                    "triage:1:2:ynnn",
                    "other:1:2:u",
                    "triage:1:2:u:extra",
                    "triage:99999999999:2:u",
                    "triage:1:2:u\n",
                    "triagex:1:2:u"
                })
        void malformedCustomIdsAreRejected(String id) {
            assertThat(TriageToken.parse("triage", id)).isEmpty();
        }

        @Test
        void badPrefixIsAProgrammingError() {
            assertThatThrownBy(() -> new TriageToken(1, 0, Flowchart.start()).toCustomId("has:colon"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(TriageToken.parse("triage", null)).isEmpty();
        }
    }

    @Test
    void summaryBeforeAnyAnswer() {
        assertThat(Flowchart.start().summary()).isEqualTo("no answers yet");
        assertThat(Flowchart.start().answersColumn()).isEmpty();
    }

    @Test
    void summaryWithRecordAnswer() {
        TriageState s = walk(Flowchart.start(true), false, false, false).finish(Caveat.VALUED_MEMBER);
        assertThat(s.summary())
                .isEqualTo("Blocked: no · New user: no · Quick: no · Brought up before: yes "
                        + "(from the record) → Fix it now (bumped up from Low: brought up before; raised from High to "
                        + "Fix it now: requested by a valued community member)");
        assertThat(s.answersColumn().length()).isLessThanOrEqualTo(200);
        assertThat(s.caveat()).isEqualTo(Optional.of(Caveat.VALUED_MEMBER));
    }
}
