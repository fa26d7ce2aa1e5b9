package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.discord.ComponentId.Forged;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.ComponentId.Valid;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ComponentIdProperties {

    static final Shape SHAPE = Shape.of("hint", "That button can't be read.", Kind.WORD, Kind.ID, Kind.REVISION)
            .words("link", "ignore")
            .stale("Out of date.");

    @Property
    void anyStringIsForgedOrAValidIdThatRoundTrips(@ForAll("customIds") String customId) {
        var parsed = SHAPE.parse(customId);

        assertThat(parsed).isInstanceOfAny(Valid.class, Forged.class);
        if (parsed instanceof Valid valid) {
            assertThat(valid.id().encode()).isEqualTo(customId);
            assertThat(customId.length()).isLessThanOrEqualTo(ComponentId.MAX_LENGTH);
        }
    }

    @Property
    void everyIdLoopWritesReadsBack(
            @ForAll("words") String word,
            @ForAll @LongRange(min = 1) long id,
            @ForAll @IntRange(min = 0) int revision) {
        String customId = SHAPE.id(word, id, revision);

        ComponentId parsed = SHAPE.parse(customId).orRefuse();
        assertThat(parsed.field(0)).isEqualTo(word);
        assertThat(parsed.id(1)).isEqualTo(id);
        assertThat(parsed.number(2)).isEqualTo(revision);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of("link", "ignore");
    }

    /** Arbitrary strings, and near misses built from the pieces of a real id. */
    @Provide
    Arbitrary<String> customIds() {
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(120);
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("hint", "link", "ignore", "", "-1", "0", "00", "7", "9223372036854775808", "x", " "),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withChars("0123456789:-").ofMaxLength(25));
        Arbitrary<String> nearMiss = piece.list().ofMinSize(1).ofMaxSize(6).map(p -> String.join(":", p));
        return Arbitraries.oneOf(anything, nearMiss);
    }
}
