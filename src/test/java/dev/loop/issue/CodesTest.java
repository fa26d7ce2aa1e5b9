package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one way kind, status and priority source read a code back. */
class CodesTest {

    @Test
    void everyValueReadsBackFromItsOwnCode() {
        for (IssueKind k : IssueKind.values())
            assertThat(IssueKind.fromCode(k.code())).isEqualTo(k);
        for (IssueStatus s : IssueStatus.values())
            assertThat(IssueStatus.fromCode(s.code())).isEqualTo(s);
        for (PrioritySource p : PrioritySource.values())
            assertThat(PrioritySource.fromCode(p.code())).isEqualTo(p);
    }

    @Test
    void typedCodesIgnoreCaseSpacesAndHyphens() {
        assertThat(IssueStatus.parse(" In Progress ")).contains(IssueStatus.IN_PROGRESS);
        assertThat(IssueStatus.parse("in-progress")).contains(IssueStatus.IN_PROGRESS);
        assertThat(IssueKind.parse("  FEATURE")).contains(IssueKind.FEATURE);
        assertThat(IssueKind.parse("feat")).isEmpty();
        assertThat(IssueKind.parse(null)).isEmpty();
    }

    @Test
    void anUnknownStoredCodeIsABrokenDatabaseAndSaysWhatItWasReading() {
        assertThatThrownBy(() -> IssueStatus.fromCode("lost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown status lost");
        assertThatThrownBy(() -> IssueKind.fromCode("idea")).hasMessage("unknown kind idea");
        assertThatThrownBy(() -> PrioritySource.fromCode("magic")).hasMessage("unknown priority source magic");
        assertThat(PrioritySource.fromCode(null)).isNull(); // an untriaged issue has none
    }
}
