package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The record views' button ids: what is written reads back, and anything else is refused, not guessed at. */
class RecordPageIdTest {

    @Property
    void everyIdReadsBackAndFitsDiscordsLimit(
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int number,
            @ForAll RecordTab tab,
            @ForAll @IntRange(min = 0, max = RecordPageId.MAX_PAGE) int page) {
        for (char role : new char[] {'v', 'p', 'n'}) {
            RecordPageId id = new RecordPageId(number, tab, page, role);
            assertThat(id.toCustomId().length()).isLessThanOrEqualTo(100);
            assertThat(RecordPageId.parse(id.toCustomId())).contains(id);
        }
    }

    @Test
    void malformedIdsAreRefused() {
        assertThat(RecordPageId.parse("rec:12:t:3:n")).isPresent();
        for (String bad : new String[] {
            null,
            "",
            "rec",
            "rec:",
            "rec:0:t:0:v",
            "rec:-1:t:0:v",
            "rec:12:x:0:v",
            "rec:12:t:-1:v",
            "rec:12:t:1000000:v",
            "rec:12:t:0:q",
            "rec:12:v:0:t",
            "rec:12:p:0:o",
            "rec:12:t:0",
            "rec:12:t:0:v:extra",
            "rec:99999999999:t:0:v",
            "list:12:t:0:v",
            "rec:12:t:0:v" + "x".repeat(100)
        }) {
            assertThat(RecordPageId.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
