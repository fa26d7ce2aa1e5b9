package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The roadmap's paging ids: what is written reads back through the codec, and anything else is refused. */
class RoadmapPageIdTest {

    @Property
    void everyIdReadsBackAndFitsDiscordsLimit(
            @ForAll @IntRange(min = 0, max = 9_999) int page,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long owner,
            @ForAll @IntRange(min = -1, max = 999) int area) {
        RoadmapPageId id = new RoadmapPageId(page, owner, area);
        assertThat(id.toCustomId().length()).isLessThanOrEqualTo(100);
        assertThat(RoadmapPageId.parse(id.toCustomId())).contains(id);
    }

    @Test
    void theFormatIsUnchanged() {
        assertThat(new RoadmapPageId(2, 0, -1).toCustomId()).isEqualTo("roadmap:2:0:-1");
        assertThat(RoadmapPageId.parse("roadmap:1:123456789012345678:0"))
                .contains(new RoadmapPageId(1, 123456789012345678L, 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "roadmap",
                "roadmap:",
                "roadmap:-1:0:-1",
                "roadmap:0:-5:-1",
                "roadmap:0:0:-2",
                "roadmap:0:0",
                "roadmap:0:0:-1:extra",
                "roadmap:x:0:-1",
                "rec:0:0:-1",
                "roadmap:0:0:-111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
            })
    void malformedIdsAreRefused(String bad) {
        assertThat(RoadmapPageId.parse(bad)).isEmpty();
    }
}
