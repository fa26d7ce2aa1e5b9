package dev.loop.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameProposalTest {

    static String problem(String p, String a1, String a2, String reason) {
        return switch (NameProposal.parse(p, a1, a2, reason)) {
            case NameProposal.Invalid i -> i.problem();
            case NameProposal.Valid v -> "valid";
        };
    }

    @Test
    void acceptsThreeDifferentNamesAndTidiesThem() {
        NameProposal.Parsed p = NameProposal.parse("  Loop ", "Circle\nBack", "Ring", "  because  ");
        assertThat(p).isEqualTo(new NameProposal.Valid(new NameProposal("Loop", "Circle Back", "Ring", "because")));
        assertThat(((NameProposal.Valid) p).proposal().names()).containsExactly("Loop", "Circle Back", "Ring");
        assertThat(NameProposal.parse("A", "B", "C", "  "))
                .isEqualTo(new NameProposal.Valid(new NameProposal("A", "B", "C", null)));
    }

    @Test
    void namesLongerThanAPollAnswerAreRefused() {
        String ok = "x".repeat(55);
        assertThat(problem(ok, "b", "c", null)).isEqualTo("valid");
        assertThat(problem("a", "b", "y".repeat(56), null))
                .isEqualTo("The alternative2 is 56 characters long; poll answers can be at most 55.");
    }

    @Test
    void emptyOrRepeatedNamesAreRefused() {
        assertThat(problem("a", "   ", "c", null)).isEqualTo("The alternative1 is empty; give a name.");
        assertThat(problem("Loop", "b", "loop", null))
                .isEqualTo("The proposal and alternative2 are the same name; offer three different names.");
    }

    @Test
    void theReasonMustFitTheMessage() {
        assertThat(problem("a", "b", "c", "r".repeat(1501)))
                .isEqualTo("The reason is 1501 characters long; keep it to 1500.");
    }
}
