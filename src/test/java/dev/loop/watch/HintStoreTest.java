package dev.loop.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.testing.SqliteTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HintStoreTest extends SqliteTest {

    HintStore hints;

    @BeforeEach
    void open() {
        hints = new HintStore(db);
        db.transaction(ctx -> ctx.execute("INSERT INTO issue (number, title, kind, summary, status, priority, "
                + "created_by, created_at, updated_at) VALUES (4, 't', 'bug', 's', 'open', 'untriaged', 1, 0, 0)"));
        new SupportThreadStore(db).record(SupportThread.opened(100, 1, 10, 7, "Post", List.of(), T0));
    }

    @Test
    void oneHintPerThreadAndIssue() {
        Hint h = hints.create(100, 4, T0).orElseThrow();
        assertThat(h.state()).isEqualTo(Hint.State.OPEN);
        assertThat(hints.create(100, 4, T0.plusSeconds(5))).isEmpty();
        assertThat(hints.hinted(100)).isTrue();
        assertThat(hints.hinted(101)).isFalse();
        hints.setMessage(h.id(), 555);
        assertThat(hints.find(h.id()).orElseThrow().messageId()).isEqualTo(555L);
    }

    @Test
    void theFirstDecisionWins() {
        Hint h = hints.create(100, 4, T0).orElseThrow();
        assertThat(hints.decide(h.id(), Hint.State.LINKED, 900, T0.plusSeconds(60)))
                .isTrue();
        assertThat(hints.decide(h.id(), Hint.State.IGNORED, 901, T0.plusSeconds(61)))
                .isFalse();
        Hint decided = hints.find(h.id()).orElseThrow();
        assertThat(decided.state()).isEqualTo(Hint.State.LINKED);
        assertThat(decided.decidedBy()).isEqualTo(900L);
        assertThat(decided.decidedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(SimilarityHints.alreadyDecided(decided)).isEqualTo("This hint was already linked by <@900>.");

        hints.reopen(h.id());
        assertThat(hints.find(h.id()).orElseThrow().state()).isEqualTo(Hint.State.OPEN);
        assertThat(hints.decide(h.id(), Hint.State.IGNORED, 901, T0.plusSeconds(62)))
                .isTrue();
    }

    @Test
    void aHintThatCouldNotBePostedIsForgotten() {
        Hint h = hints.create(100, 4, T0).orElseThrow();
        hints.delete(h.id());
        assertThat(hints.find(h.id())).isEmpty();
        assertThat(hints.create(100, 4, T0)).isPresent();
    }
}
