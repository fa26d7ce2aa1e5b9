package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.text.Safe;
import org.junit.jupiter.api.Test;

/** The proposed solution as a block quote: within its budget however many lines it has, code fences broken. */
class ProposalQuoteTest {

    @Test
    void aShortSolutionIsQuotedWhole() {
        assertThat(Proposals.quote(Safe.block("one\ntwo @everyone", Proposals.SOLUTION_MAX)))
                .isEqualTo("> one\n> two @\u200Beveryone");
    }

    @Test
    void manyShortLinesAreShortenedToFitTheirMarkersAndAFenceCannotOpenACodeBlock() {
        String solution = "```\n" + "x\n".repeat(440); // 884 characters on 441 lines: the markers alone add 882
        String quoted = Proposals.quote(Safe.block(solution, Proposals.SOLUTION_MAX));
        assertThat(quoted.length()).isLessThanOrEqualTo(Proposals.QUOTE_MAX);
        assertThat(quoted).startsWith("> `\u200B`\u200B`\n> x\n").endsWith("…").doesNotContain("``");
    }
}
