package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Fixtures;
import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.NewTranscriptLine;
import dev.loop.issue.Priority;
import dev.loop.issue.ProposalTally;
import dev.loop.issue.Requester;
import dev.loop.testing.SqliteTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriageStoreTest extends SqliteTest {

    /** Each issue is captured from its own post, as in Discord. */
    private long nextPost = 501L;

    static final long ALICE = 7L;
    static final long BOB = 8L;

    TriageStore store;

    @BeforeEach
    void open() {
        store = new TriageStore(db, issues);
    }

    private Issue capture(String title) {
        return issues.create(
                new NewIssue(title, IssueKind.BUG, "summary", false, null, null),
                Fixtures.forumPost(nextPost++),
                List.of(ALICE),
                Requester.How.AUTHOR,
                List.of(new NewTranscriptLine(1L, ALICE, "alice", T0, "it crashes", List.of())),
                false,
                ENGINEER,
                T0);
    }

    @Test
    void priorityIsRecordedWithAnswersCaveatPromiseAndHistory() {
        Issue issue = capture("Installer crashes");
        Instant due = T0.plus(Duration.ofDays(2));
        Issue after = issues.changePriority(
                        issue.number(),
                        new IssueStore.PriorityUpdate(
                                Priority.FIX_NOW,
                                "raised: a contributor needs it",
                                "blocked=n,new_user=n,quick=y",
                                Caveat.CONTRIBUTOR_NEEDS.code(),
                                due,
                                null,
                                dev.loop.issue.PrioritySource.FLOWCHART),
                        ENGINEER,
                        T0.plusSeconds(60))
                .after();
        assertThat(after.priority()).isEqualTo(Priority.FIX_NOW);
        assertThat(after.priorityReason()).isEqualTo("raised: a contributor needs it");
        assertThat(after.triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=y");
        assertThat(after.promiseDueAt()).isEqualTo(due);
        assertThat(after.triagedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(after.revision()).isGreaterThan(issue.revision());
        assertThat(store.caveat(issue.number())).contains(Caveat.CONTRIBUTOR_NEEDS);
        assertThat(issues.history(issue.number())).last().satisfies(h -> {
            assertThat(h.type()).isEqualTo("priority");
            assertThat(h.actorId()).isEqualTo(ENGINEER);
            assertThat(h.detail()).isEqualTo("Untriaged → Fix it now: raised: a contributor needs it");
        });

        issues.setPriority(issue.number(), Priority.LOW, "set with ⬇️", null, null, ENGINEER, T0.plusSeconds(120));
        assertThat(store.caveat(issue.number())).isEmpty();
        assertThat(issues.find(issue.number()).orElseThrow().triageAnswers()).isEqualTo("blocked=n,new_user=n,quick=y");
    }

    @Test
    void blockerPressCountsOncePerPersonPerIssue() {
        Issue one = capture("one");
        Issue two = capture("two");
        assertThat(store.pressBlocker(one.number(), BOB, T0)).isTrue();
        assertThat(store.pressBlocker(one.number(), BOB, T0.plusSeconds(5))).isFalse();
        assertThat(store.pressBlocker(two.number(), BOB, T0.plusSeconds(6))).isTrue();
        assertThat(store.pressBlocker(one.number(), ALICE, T0.plusSeconds(7))).isTrue();
        assertThat(store.blockerPressedAt(one.number(), BOB)).contains(T0);
        assertThat(store.blockerPressedAt(two.number(), ALICE)).isEmpty();
        assertThat(store.blockerPresses(one.number())).isEqualTo(2);
    }

    @Test
    void proposalAnswersAreTalliedOnTheIssueView() {
        Issue issue = capture("Sync stalls");
        assertThat(issues.view(issue.number()).orElseThrow().proposal()).isEmpty();
        Proposal p = store.propose(issue.number(), "Retry with backoff", "sync --retry", ENGINEER, T0);
        assertThat(store.proposal(p.id())).contains(p);
        assertThat(store.latestProposal(issue.number())).contains(p);
        assertThat(p.snippet()).isEqualTo("sync --retry");

        assertThat(store.answer(p, ALICE, true, T0.plusSeconds(1))).isEqualTo(TriageStore.AnswerOutcome.NEW);
        assertThat(store.answer(p, BOB, false, T0.plusSeconds(2))).isEqualTo(TriageStore.AnswerOutcome.NEW);
        assertThat(store.answer(p, ALICE, true, T0.plusSeconds(3))).isEqualTo(TriageStore.AnswerOutcome.SAME);
        assertThat(store.tally(p.id())).isEqualTo(new ProposalTally(p.id(), 1, 1));
        assertThat(store.answer(p, BOB, true, T0.plusSeconds(4))).isEqualTo(TriageStore.AnswerOutcome.CHANGED);
        assertThat(store.tally(p.id())).isEqualTo(new ProposalTally(p.id(), 2, 0));
        assertThat(issues.view(issue.number()).orElseThrow().proposal()).contains(new ProposalTally(p.id(), 2, 0));

        List<HistoryEntry> history = issues.history(issue.number());
        assertThat(history)
                .filteredOn(h -> h.type().equals("proposal"))
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("Retry with backoff"));
        assertThat(history)
                .filteredOn(h -> h.type().equals("proposal_answer"))
                .extracting(HistoryEntry::detail)
                .containsExactly(
                        "<@7> says proposal " + p.id() + " solves it",
                        "<@8> says proposal " + p.id() + " doesn't solve it",
                        "<@8> says proposal " + p.id() + " solves it (changed their answer)");

        Proposal second = store.propose(issue.number(), "Something else", " ", ENGINEER, T0.plusSeconds(10));
        assertThat(second.snippet()).isNull();
        assertThat(issues.view(issue.number()).orElseThrow().proposal()).contains(new ProposalTally(second.id(), 0, 0));
    }
}
