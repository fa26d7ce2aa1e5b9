package dev.loop.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.testing.SqliteTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NamingPollStoreTest extends SqliteTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final NameProposal NAMES = new NameProposal("Loop", "Ring", "Circle", "short");

    NamingPollStore store;

    @BeforeEach
    void open() {
        store = new NamingPollStore(db);
    }

    @Test
    void aPollIsDueOncePostedAndClosed() {
        NamingPoll p = store.create(44, NAMES, 900, T0, T0.plus(Duration.ofHours(24)));
        assertThat(p.proposal()).isEqualTo("Loop");
        assertThat(p.reason()).isEqualTo("short");
        assertThat(store.due(T0.plus(Duration.ofDays(2)))).isEmpty(); // not posted yet
        store.setMessage(p.id(), 777, T0.plus(Duration.ofHours(24)));
        assertThat(store.due(T0.plus(Duration.ofHours(23)))).isEmpty();
        assertThat(store.due(T0.plus(Duration.ofHours(24))))
                .extracting(NamingPoll::id)
                .containsExactly(p.id());
        assertThat(store.findByMessage(777)).isPresent();
    }

    @Test
    void theResultIsClaimedOnce() {
        NamingPoll p = store.create(44, NAMES, 900, T0, T0.plusSeconds(3600));
        store.setMessage(p.id(), 777, T0.plusSeconds(3600));
        Instant later = T0.plusSeconds(7200);
        assertThat(store.claimResult(p.id(), "Loop wins", later)).isTrue();
        assertThat(store.claimResult(p.id(), "Loop wins", later)).isFalse();
        assertThat(store.due(later)).isEmpty();
        assertThat(store.find(p.id()).orElseThrow().result()).isEqualTo("Loop wins");

        store.releaseResult(p.id()); // posting failed: the next check retries
        assertThat(store.due(later)).hasSize(1);
        assertThat(store.claimResult(p.id(), "Loop wins", later)).isTrue();
    }

    @Test
    void aPollThatCouldNotBePostedIsForgotten() {
        NamingPoll p = store.create(44, NAMES, 900, T0, T0.plusSeconds(3600));
        store.delete(p.id());
        assertThat(store.find(p.id())).isEmpty();
    }
}
