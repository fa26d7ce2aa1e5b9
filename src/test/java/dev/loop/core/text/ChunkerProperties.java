package dev.loop.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What {@link Chunker} promises for any list of lines, beside the examples in {@link ChunkerTest}. */
class ChunkerProperties {

    private static final Pattern TOKEN = Pattern.compile("<(?:@[!&]?|#|a?:\\w{1,32}:|t:)[^<>\\s]{1,40}>");

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> word = Arbitraries.of(
                "word",
                "a",
                "longerword",
                " ",
                "  ",
                "<@123456789012345678>",
                "<@&42>",
                "<#7>",
                "<t:1700000000:R>",
                "<:loop:99>",
                "👍",
                "🇫🇷",
                "é");
        Arbitrary<String> line = word.list().ofMaxSize(60).map(parts -> String.join("", parts));
        Arbitrary<String> longLine = Arbitraries.strings()
                .withChars("ab <@1>".toCharArray())
                .ofMinLength(100)
                .ofMaxLength(400);
        return Arbitraries.oneOf(line, line, longLine).list().ofMaxSize(30);
    }

    @Property
    void chunksFitAndAreNeverBlank(
            @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 50, max = 300) int max) {
        for (String chunk : Chunker.split(lines, max)) {
            assertThat(chunk.length()).isLessThanOrEqualTo(max);
            assertThat(chunk).isNotBlank();
        }
    }

    @Property
    void chunksJoinBackToTheInputUpToTheWhitespaceAtCuts(
            @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 50, max = 300) int max) {
        String joined = String.join("", Chunker.split(lines, max));

        assertThat(withoutWhitespace(joined)).isEqualTo(withoutWhitespace(String.join("", lines)));
    }

    @Property
    void linesThatFitComeBackExactly(
            @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 50, max = 300) int max) {
        List<String> fitting =
                lines.stream().filter(l -> !l.isBlank() && l.length() <= max).toList();

        assertThat(String.join("\n", Chunker.split(fitting, max))).isEqualTo(String.join("\n", fitting));
    }

    @Property
    void noMentionOrTimestampIsCutInHalf(
            @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 50, max = 300) int max) {
        List<String> before = tokens(String.join("\n", lines));
        List<String> after = new ArrayList<>();
        for (String chunk : Chunker.split(lines, max)) after.addAll(tokens(chunk));

        assertThat(after).isEqualTo(before);
    }

    @Property
    void packKeepsEveryItemInOrderWithinBothLimits(
            @ForAll("lines") List<String> items,
            @ForAll @IntRange(min = 1, max = 10) int maxItems,
            @ForAll @IntRange(min = 0, max = 20) int overhead) {
        int maxChars = 420;
        List<String> fitting =
                items.stream().filter(i -> overhead + i.length() <= maxChars).toList();

        List<List<String>> groups = Chunker.pack(fitting, s -> s, ", ", overhead, maxChars, maxItems);

        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(fitting);
        for (List<String> group : groups) {
            assertThat(group).isNotEmpty().hasSizeLessThanOrEqualTo(maxItems);
            assertThat(overhead + String.join(", ", group).length()).isLessThanOrEqualTo(maxChars);
        }
    }

    private static String withoutWhitespace(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }
}
