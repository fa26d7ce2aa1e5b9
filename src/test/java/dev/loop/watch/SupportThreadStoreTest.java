package dev.loop.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.testing.SqliteTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportThreadStoreTest extends SqliteTest {

    SupportThreadStore store;

    @BeforeEach
    void open() {
        store = new SupportThreadStore(db);
    }

    static SupportThread thread(long id, Instant created) {
        return SupportThread.opened(id, 1, 10, 500 + id, "Post " + id, List.of("installer", "windows"), created);
    }

    @Test
    void recordingTwiceKeepsOneRowAndTheFirstCreationTime() {
        assertThat(store.record(thread(1, T0))).isTrue();
        SupportThread renamed = SupportThread.opened(1, 1, 10, 501, "Renamed", List.of("sync"), T0.plusSeconds(99));
        assertThat(store.record(renamed)).isFalse();
        SupportThread t = store.find(1).orElseThrow();
        assertThat(t.createdAt()).isEqualTo(T0);
        assertThat(t.title()).isEqualTo("Renamed");
        assertThat(t.tags()).containsExactly("sync");
        assertThat(store.countUnanswered()).isEqualTo(1);
    }

    @Test
    void onlyTheEarliestEngineerReplyIsKept() {
        store.record(thread(1, T0));
        assertThat(store.markAnswered(1, 900, T0.plusSeconds(600))).isTrue();
        assertThat(store.markAnswered(1, 901, T0.plusSeconds(900))).isFalse(); // later: ignored
        assertThat(store.markAnswered(1, 900, T0.plusSeconds(600))).isFalse(); // seen again: ignored
        assertThat(store.markAnswered(1, 902, T0.plusSeconds(300))).isTrue(); // earlier, found by catch-up
        SupportThread t = store.find(1).orElseThrow();
        assertThat(t.firstEngineerReplyAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(t.firstEngineerId()).isEqualTo(902L);
        assertThat(store.markAnswered(77, 900, T0)).isFalse(); // unknown thread: nothing to update
    }

    @Test
    void recordingDoesNotForgetAReply() {
        store.record(thread(1, T0));
        store.markAnswered(1, 900, T0.plusSeconds(60));
        store.record(thread(1, T0));
        assertThat(store.find(1).orElseThrow().answered()).isTrue();
    }

    @Test
    void unansweredAreListedOldestFirst() {
        store.record(thread(3, T0.plusSeconds(30)));
        store.record(thread(1, T0.plusSeconds(10)));
        store.record(thread(2, T0.plusSeconds(20)));
        store.markAnswered(2, 900, T0.plusSeconds(40));
        assertThat(store.unanswered(10)).extracting(SupportThread::threadId).containsExactly(1L, 3L);
        assertThat(store.unanswered(1)).extracting(SupportThread::threadId).containsExactly(1L);
        assertThat(store.countUnanswered()).isEqualTo(2);
        assertThat(store.answeredState(List.of(1L, 2L, 99L)))
                .containsOnly(
                        org.assertj.core.api.Assertions.entry(1L, false),
                        org.assertj.core.api.Assertions.entry(2L, true));
    }

    @Test
    void tagsAndTitlesAreStoredSafely() {
        String longTitle = "x".repeat(199) + "😀"; // a surrogate pair across the 200-char limit
        store.record(SupportThread.opened(5, 1, 10, 7, longTitle, List.of("a,b", " c "), T0));
        SupportThread t = store.find(5).orElseThrow();
        assertThat(t.title()).isEqualTo("x".repeat(199));
        assertThat(t.tags()).containsExactly("a b", "c");
        store.setTags(5, List.of());
        assertThat(store.find(5).orElseThrow().tags()).isEmpty();
    }

    @Test
    void theFirstLinkedIssueIsRemembered() {
        db.transaction(ctx -> ctx.execute("INSERT INTO issue (number, title, kind, summary, status, priority, "
                + "created_by, created_at, updated_at) VALUES (1, 't', 'bug', 's', 'open', 'untriaged', 1, 0, 0), "
                + "(2, 't', 'bug', 's', 'open', 'untriaged', 1, 0, 0)"));
        store.record(thread(1, T0));
        store.setCapturedIssue(1, 1);
        store.setCapturedIssue(1, 2);
        assertThat(store.find(1).orElseThrow().capturedIssue()).isEqualTo(1);
    }
}
