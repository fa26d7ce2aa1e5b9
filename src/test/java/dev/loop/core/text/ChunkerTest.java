package dev.loop.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void shortLinesFitInOneMessage() {
        assertThat(Chunker.split(List.of("a", "b", "c"))).containsExactly("a\nb\nc");
        assertThat(Chunker.split(List.of())).isEmpty();
        assertThat(Chunker.split(List.of("", " "))).isEmpty();
    }

    @Test
    void breaksBetweenLines() {
        List<String> lines = List.of("x".repeat(60), "y".repeat(30), "z".repeat(30));
        // 60 + 1 + 30 = 91 ≤ 100; adding "\n" + 30 would be 122.
        assertThat(Chunker.split(lines, 100)).containsExactly("x".repeat(60) + "\n" + "y".repeat(30), "z".repeat(30));
    }

    @Test
    void exactlyAtTheLimit() {
        List<String> lines = List.of("a".repeat(1000), "b".repeat(999));
        assertThat(Chunker.split(lines))
                .hasSize(1)
                .allSatisfy(c -> assertThat(c).hasSize(2000));
        List<String> over = List.of("a".repeat(1000), "b".repeat(1000));
        assertThat(Chunker.split(over)).hasSize(2);
    }

    @Test
    void longLineSplitsAtSpaces() {
        String line = IntStream.range(0, 500)
                .mapToObj(i -> "word" + i)
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        List<String> chunks = Chunker.split(List.of(line));
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", chunks)).isEqualTo(line);
        assertThat(chunks).allSatisfy(c -> assertThat(c).doesNotStartWith(" ").doesNotEndWith(" "));
    }

    @Test
    void neverSplitsAMention() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++)
            b.append("<@").append(100000000000000000L + i).append(">");
        String line = b.toString(); // no spaces at all
        List<String> chunks = Chunker.split(List.of(line), 100);
        Pattern mention = Pattern.compile("<@\\d+>");
        List<String> found = new ArrayList<>();
        for (String c : chunks) {
            assertThat(c.length()).isLessThanOrEqualTo(100);
            assertThat(c).startsWith("<@").endsWith(">");
            Matcher m = mention.matcher(c);
            while (m.find()) found.add(m.group());
            assertThat(c.replaceAll("<@\\d+>", "")).isEmpty();
        }
        assertThat(found).hasSize(300);
        assertThat(String.join("", chunks)).isEqualTo(line);
    }

    @Test
    void neverSplitsASurrogatePairInALongLine() {
        String line = "😀".repeat(1500); // 3000 units, no spaces
        List<String> chunks = Chunker.split(List.of(line));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).hasSize(2000);
        assertThat(String.join("", chunks)).isEqualTo(line);
    }

    @Test
    void tinyLimitIsRejected() {
        assertThatThrownBy(() -> Chunker.split(List.of("a"), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packRespectsLengthAndCount() {
        List<Integer> items = IntStream.range(0, 25).boxed().toList();
        // each item renders as 4 characters; overhead 10, limit 30: 10 + 4 + 1 + 4 + 1 + 4 + 1 + 4 = 29 → 4 items.
        List<List<Integer>> groups = Chunker.pack(items, i -> String.format("%04d", i), " ", 10, 30, 100);
        assertThat(groups).hasSize(7);
        assertThat(groups.get(0)).containsExactly(0, 1, 2, 3);
        assertThat(groups.get(6)).containsExactly(24);
        List<List<Integer>> byCount = Chunker.pack(items, i -> "x", " ", 0, 2000, 10);
        assertThat(byCount).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(Chunker.pack(List.<Integer>of(), i -> "x", " ", 0, 10, 1)).isEmpty();
        assertThatThrownBy(() -> Chunker.pack(List.of(1), i -> "x".repeat(20), " ", 0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
