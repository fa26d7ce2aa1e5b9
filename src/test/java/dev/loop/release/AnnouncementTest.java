package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    @Test
    void showsVersionNotesSnippetAndWhoAsked() {
        String text = Announcement.render(
                "1.4.0",
                "Sync is **much** faster. Thanks @everyone!",
                "loop sync --fast",
                List.of(new Announcement.Item(3, "Faster sync", 5), new Announcement.Item(5, "Dark *mode*", 1)));
        assertThat(text).isEqualTo("""
                🚀 **1.4.0** is out!

                Sync is **much** faster. Thanks @\u200Beveryone!

                ```
                loop sync --fast
                ```

                **Shipped**
                • #3 Faster sync — 5 people asked
                • #5 Dark \\*mode\\* — 1 person asked""");
    }

    @Test
    void longNotesAndManyIssuesStillFitOneMessage() {
        List<Announcement.Item> items = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new Announcement.Item(i, "A fairly long issue title number " + i + " with words", i))
                .toList();
        String text = Announcement.render(
                "9".repeat(64), "n".repeat(Announcement.MAX_NOTES), "s".repeat(Announcement.MAX_SNIPPET), items);
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).contains("• #1 ", "more").contains("s".repeat(Announcement.MAX_SNIPPET));
        assertThat(text).containsPattern("• …and \\d+ more$");
    }

    @Test
    void withoutASnippetThereIsNoCodeBlock() {
        String text = Announcement.render("2.0", "Notes", " ", List.of(new Announcement.Item(1, "A", 0)));
        assertThat(text).doesNotContain("```").contains("• #1 A — 0 people asked");
    }
}
