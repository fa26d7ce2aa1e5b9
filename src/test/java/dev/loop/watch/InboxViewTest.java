package dev.loop.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Fixtures;
import dev.loop.issue.Issue;
import dev.loop.issue.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxViewTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    static SupportThread thread(long id) {
        return SupportThread.opened(id, 1, 10, 7, "Post", List.of(), T0.plusSeconds(id % 100_000));
    }

    static Issue promise(int n, String title) {
        return Fixtures.numbered(n)
                .title(title)
                .summary("s")
                .priority(Priority.HIGH)
                .owner(42L)
                .promiseDueAt(T0.plusSeconds(n))
                .at(T0)
                .triagedAt(T0)
                .build();
    }

    @Test
    void listsThreadsThenPromises() {
        String text = InboxView.render(List.of(thread(1), thread(2)), 2, List.of(promise(5, "Sync @everyone fails")));
        assertThat(text).isEqualTo("""
                **Unanswered support threads (2)**
                • <#1> by <@7> · opened <t:1740996001:R>
                • <#2> by <@7> · opened <t:1740996002:R>

                **Promises past due (1)**
                • **#5** Sync @\u200Beveryone fails · High · due <t:1740996005:R> · <@42>""");
    }

    @Test
    void saysSoWhenNothingIsWaiting() {
        assertThat(InboxView.render(List.of(), 0, List.of())).isEqualTo("""
                **Unanswered support threads (0)**
                Every support thread has an engineer reply.

                **Promises past due (0)**
                No promise is past due.""");
    }

    @Test
    void manyEntriesAreCutWithAndNMoreUnderTheLimit() {
        List<SupportThread> threads = new ArrayList<>();
        for (long i = 1; i <= 40; i++) threads.add(thread(100_000_000_000_000_000L + i));
        List<Issue> promises = new ArrayList<>();
        for (int i = 1; i <= 60; i++) promises.add(promise(i, "A rather long promise title number " + i));
        String text = InboxView.render(threads, 250, promises);
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).contains("**Unanswered support threads (250)**", "**Promises past due (60)**");
        int shownThreads = (int) text.lines().filter(l -> l.startsWith("• <#")).count();
        int shownPromises =
                (int) text.lines().filter(l -> l.startsWith("• **#")).count();
        assertThat(shownThreads).isPositive();
        assertThat(shownPromises).isPositive();
        assertThat(text).contains("…and " + (250 - shownThreads) + " more", "…and " + (60 - shownPromises) + " more");
        // the oldest come first
        assertThat(text).contains("<#100000000000000001>");
    }

    @Test
    void aShortSectionLeavesItsRoomToTheOther() {
        List<SupportThread> threads = new ArrayList<>();
        for (long i = 1; i <= 40; i++) threads.add(thread(100_000_000_000_000_000L + i));
        String text = InboxView.render(threads, 40, List.of());
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        int shown = (int) text.lines().filter(l -> l.startsWith("• <#")).count();
        assertThat(shown).isGreaterThan(20); // more than half the room
        assertThat(text).contains("…and " + (40 - shown) + " more").endsWith("No promise is past due.");
    }
}
