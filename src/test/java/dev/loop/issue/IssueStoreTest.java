package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.merge.MergePlan;
import dev.loop.issue.merge.UnmergePlan;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.TermFrequencies;
import dev.loop.testing.SqliteTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueStoreTest extends SqliteTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final long ENGINEER = 900L;

    IssueStore store;

    @BeforeEach
    void open() {
        store = new IssueStore(db);
    }

    private static NewPlace thread(long id) {
        return Fixtures.forumPost(id);
    }

    private static NewTranscriptLine line(long id, long author, String text) {
        return new NewTranscriptLine(id, author, "user" + author, T0.plusSeconds(id), text, List.of());
    }

    private Issue capture(String title, long threadId, long author, String... messages) {
        List<NewTranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) lines.add(line(threadId * 100 + i, author, messages[i]));
        return store.create(
                new NewIssue(title, IssueKind.BUG, "summary: " + title, false, null, null),
                thread(threadId),
                List.of(author),
                Requester.How.AUTHOR,
                lines,
                false,
                ENGINEER,
                T0);
    }

    @Test
    void captureStoresTheWholeRecord() {
        Issue issue = capture("Installer crashes on Windows", 501, 7, "it crashes", "me too, with a stack trace");
        assertThat(issue.number()).isEqualTo(1);
        assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
        assertThat(issue.priority()).isEqualTo(Priority.UNTRIAGED);
        IssueRecordView view = store.view(1).orElseThrow();
        assertThat(view.places()).singleElement().satisfies(p -> {
            assertThat(p.channelId()).isEqualTo(501L);
            assertThat(p.addedBy()).isEqualTo(ENGINEER);
        });
        assertThat(view.requesters()).extracting(Requester::userId).containsExactly(7L);
        assertThat(view.transcriptLines()).isEqualTo(2);
        assertThat(view.history()).extracting(HistoryEntry::type).containsExactly("capture");
        assertThat(store.findByChannel(501)).map(Issue::number).contains(1);
        assertThat(capture("Second", 502, 8).number()).isEqualTo(2);
    }

    @Test
    void theCardCountsWhatTheWholeRecordHolds() {
        Issue issue = capture("Export stalls", 801, 7, "it stalls");
        store.addPlace(issue.number(), thread(802), ENGINEER, T0);
        store.addRequester(issue.number(), 8, Requester.How.ME_TOO, null, 8, T0);
        store.addRequester(issue.number(), 9, Requester.How.ME_TOO, null, 9, T0);
        capture("Another issue's requesters don't count", 803, 10);

        IssueCard card = store.card(issue.number()).orElseThrow();
        assertThat(card.issue()).isEqualTo(store.find(issue.number()).orElseThrow());
        assertThat(card.places()).extracting(Place::channelId).containsExactly(801L, 802L);
        assertThat(card.requesters()).isEqualTo(3);
        assertThat(card.inDesign()).isFalse();
        assertThat(card.proposal()).isEmpty();
        assertThat(card).isEqualTo(store.view(issue.number()).orElseThrow().card());

        store.addHistory(issue.number(), ENGINEER, IssueRecordView.NEEDS_DESIGN, "needs design", T0);
        assertThat(store.card(issue.number()).orElseThrow().inDesign()).isTrue();

        // proposals belong to triage: written here as its store writes them
        db.write(ctx -> {
            for (int id = 1; id <= 2; id++) {
                ctx.insertInto(dev.loop.db.Tables.PROPOSAL)
                        .set(dev.loop.db.Tables.PROPOSAL.ID, id)
                        .set(dev.loop.db.Tables.PROPOSAL.ISSUE_NUMBER, issue.number())
                        .set(dev.loop.db.Tables.PROPOSAL.SOLUTION, "solution " + id)
                        .set(dev.loop.db.Tables.PROPOSAL.PROPOSED_BY, ENGINEER)
                        .set(dev.loop.db.Tables.PROPOSAL.PROPOSED_AT, T0.toEpochMilli())
                        .execute();
            }
            long[][] answers = {{1, 7, 1}, {2, 7, 1}, {2, 8, 1}, {2, 9, 0}};
            for (long[] a : answers) {
                ctx.insertInto(dev.loop.db.Tables.PROPOSAL_ANSWER)
                        .set(dev.loop.db.Tables.PROPOSAL_ANSWER.PROPOSAL_ID, (int) a[0])
                        .set(dev.loop.db.Tables.PROPOSAL_ANSWER.USER_ID, a[1])
                        .set(dev.loop.db.Tables.PROPOSAL_ANSWER.SOLVES, a[2] == 1)
                        .set(dev.loop.db.Tables.PROPOSAL_ANSWER.AT, T0.toEpochMilli())
                        .execute();
            }
            return null;
        });
        IssueCard proposed = store.card(issue.number()).orElseThrow();
        assertThat(proposed.proposal()).contains(new ProposalTally(2, 2, 1));
        assertThat(proposed.inDesign()).isFalse();
        assertThat(proposed).isEqualTo(store.view(issue.number()).orElseThrow().card());
        assertThat(store.card(99)).isEmpty();
    }

    @Test
    void placesWithoutCardAreThoseOfOpenIssuesUpToAPlace() {
        assertThat(store.lastPlaceId()).isZero();
        Issue carded = capture("Has its card", 701, 7);
        store.setCard(store.places(carded.number()).getFirst().id(), 9701L);
        Issue open = capture("Card never posted", 702, 7);
        store.addPlace(open.number(), Fixtures.githubIssue("acme/app", 1), ENGINEER, T0);
        Issue closed = capture("Closed before its card", 703, 7);
        store.setStatus(closed.number(), IssueStatus.CLOSED, "no", ENGINEER, T0);
        long cutoff = store.lastPlaceId();
        capture("Stored after the cutoff", 704, 7);

        assertThat(store.lastPlaceId()).isEqualTo(cutoff + 1);
        assertThat(store.placesWithoutCard(cutoff)).extracting(Place::channelId).containsExactly(702L);

        // a start found the post gone: no later start asks about it again
        store.giveUpCard(store.places(open.number()).getFirst().id(), T0);
        assertThat(store.placesWithoutCard(cutoff)).isEmpty();
    }

    @Test
    void placesRequestersAndTranscriptAreDistinct() {
        Issue issue = capture("Sync stalls", 601, 7, "stalls");
        IssueStore.PlaceAdded again = store.addPlace(issue.number(), thread(601), ENGINEER, T0);
        assertThat(again.added()).isFalse();
        IssueStore.PlaceAdded second = store.addPlace(issue.number(), thread(602), ENGINEER, T0);
        assertThat(second.added()).isTrue();
        assertThat(store.addRequester(issue.number(), 7, Requester.How.ME_TOO, null, 7, T0))
                .isFalse();
        assertThat(store.addRequester(issue.number(), 8, Requester.How.ME_TOO, null, 8, T0))
                .isTrue();
        assertThat(store.appendTranscript(
                        issue.number(), second.placeId(), List.of(line(60100, 7, "stalls"), line(1, 8, "new"))))
                .isEqualTo(1);
        assertThat(store.requesters(issue.number())).hasSize(2);
        assertThat(store.places(issue.number())).hasSize(2);
        assertThat(store.find(issue.number()).orElseThrow().revision())
                .isEqualTo(2); // one new place, one new requester
    }

    @Test
    void mergeMovesEverythingAndUnmergePutsBackExactlyWhatMoved() {
        Issue a = capture("Export is slow", 701, 7, "slow export");
        Issue b = capture("CSV export takes minutes", 702, 8, "minutes to export");
        store.addRequester(b.number(), 7, Requester.How.ME_TOO, null, 7, T0); // 7 asked for both
        b = store.find(b.number()).orElseThrow();
        MergePlan plan = ((MergePlan.Allowed) MergePlan.plan(
                        b,
                        store.rows(b.number()),
                        store.find(a.number()).orElseThrow(),
                        store.rows(a.number()),
                        store.duplicatesOf(b.number())))
                .plan();
        store.merge(plan, ENGINEER, T0);

        Issue merged = store.find(b.number()).orElseThrow();
        assertThat(merged.status()).isEqualTo(IssueStatus.DUPLICATE);
        assertThat(merged.duplicateOf()).isEqualTo(a.number());
        assertThat(store.places(a.number())).extracting(Place::channelId).containsExactly(701L, 702L);
        assertThat(store.requesters(a.number())).extracting(Requester::userId).containsExactlyInAnyOrder(7L, 8L);
        assertThat(store.transcript(a.number()))
                .extracting(TranscriptLine::content)
                .containsExactlyInAnyOrder("slow export", "minutes to export");
        assertThat(store.history(a.number())).extracting(HistoryEntry::type).contains("merged_from", "capture");
        assertThat(store.search("\"minutes\"", true, 5))
                .extracting(h -> h.issue().number())
                .containsExactly(a.number());

        Issue duplicate = store.find(b.number()).orElseThrow();
        UnmergePlan back = ((UnmergePlan.Allowed) UnmergePlan.plan(
                        duplicate,
                        store.rows(b.number()),
                        store.find(a.number()).orElseThrow(),
                        store.rows(a.number())))
                .plan();
        store.unmerge(back, ENGINEER, T0.plusSeconds(60));
        Issue restored = store.find(b.number()).orElseThrow();
        assertThat(restored.status()).isEqualTo(IssueStatus.OPEN);
        assertThat(restored.duplicateOf()).isNull();
        assertThat(store.places(a.number())).extracting(Place::channelId).containsExactly(701L);
        assertThat(store.places(b.number())).extracting(Place::channelId).containsExactly(702L);
        assertThat(store.requesters(a.number())).extracting(Requester::userId).containsExactly(7L);
        assertThat(store.requesters(b.number())).extracting(Requester::userId).containsExactlyInAnyOrder(8L, 7L);
        assertThat(store.transcript(b.number()))
                .extracting(TranscriptLine::content)
                .containsExactly("minutes to export");
        assertThat(store.history(b.number()))
                .extracting(HistoryEntry::type)
                .contains("capture", "merged_into", "unmerged");
        assertThat(store.search("\"minutes\"", true, 5))
                .extracting(h -> h.issue().number())
                .containsExactly(b.number());
    }

    @Test
    void listFiltersPagesAndOrdersByUrgency() {
        for (int i = 0; i < 12; i++) capture("issue " + i, 800 + i, 7);
        store.setPriority(3, Priority.FIX_NOW, "blocked", "blocked=y", T0.plusSeconds(3600), ENGINEER, T0);
        store.setPriority(5, Priority.LOW, "not soon", "blocked=n", null, ENGINEER, T0);
        store.setStatus(6, IssueStatus.CLOSED, "won't fix", ENGINEER, T0);
        Page<Issue> first = store.list(IssueFilter.ACTIVE, 0, 5);
        assertThat(first.total()).isEqualTo(11);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.items().get(0).number()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items()).extracting(Issue::number).startsWith(3, 5, 12);
        assertThat(store.list(IssueFilter.ACTIVE, 2, 5).items())
                .extracting(Issue::number)
                .containsExactly(1);
        assertThat(store.list(IssueFilter.ACTIVE, 99, 5).page()).isEqualTo(2);
        assertThat(store.list(new IssueFilter(IssueStatus.CLOSED, null, null), 0, 5)
                        .items())
                .extracting(Issue::number)
                .containsExactly(6);
        assertThat(store.list(new IssueFilter(null, Priority.LOW, null), 0, 5).items())
                .extracting(Issue::number)
                .containsExactly(5);
        assertThat(store.promisesPastDue(T0.plusSeconds(7200)))
                .extracting(Issue::number)
                .containsExactly(3);
    }

    @Test
    void suggestMatchesTitlesAndNumbersSafely() {
        capture("Dark mode please", 901, 7);
        capture("100% CPU on idle", 902, 7);
        assertThat(store.suggest("dark", true, 25)).extracting(Issue::number).containsExactly(1);
        assertThat(store.suggest("100%", true, 25)).extracting(Issue::number).containsExactly(2);
        assertThat(store.suggest("#2", true, 25)).extracting(Issue::number).contains(2);
        assertThat(store.suggest("'; DROP TABLE issue; --", true, 25)).isEmpty();
        assertThat(store.suggest("", true, 25)).hasSize(2);
    }

    @Test
    void searchRanksOpenIssuesAndTermFrequenciesCountIssuesPerWord() {
        capture("Installer crashes on Windows", 601, 7, "installer crashes at once");
        capture("Sync crashes after update", 602, 8, "sync crashes");
        capture("Installer is slow", 603, 9, "slow installer");
        store.setStatus(3, IssueStatus.CLOSED, "won't fix", ENGINEER, T0);

        assertThat(store.search("\"installer\"", true, 10))
                .extracting(h -> h.issue().number())
                .containsExactly(1);
        assertThat(store.search("\"installer\"", false, 10))
                .extracting(h -> h.issue().number())
                .containsExactlyInAnyOrder(1, 3);
        assertThat(store.search("\"crashes\" OR \"sync\"", true, 1))
                .extracting(h -> h.issue().number())
                .containsExactly(2);

        assertThat(store.placeAndRequesterCounts(1)).containsExactly(1, 1);
        store.addRequester(1, 70L, Requester.How.ME_TOO, null, 70L, T0);
        assertThat(store.placeAndRequesterCounts(1)).containsExactly(1, 2);

        TermFrequencies terms = store.termFrequencies();
        assertThat(terms.documents()).isEqualTo(3);
        assertThat(terms.of("installer")).isEqualTo(2);
        assertThat(terms.of("crashes")).isEqualTo(2);
        assertThat(terms.of("sync")).isEqualTo(1);
        assertThat(terms.of("nowhere")).isZero();
    }

    @Test
    void aSearchForAWordInMostIssuesRanksOnlyTheNewestMatches() {
        // the oldest issue is the best match by far, but the word is in more issues than a search ranks
        capture("Crash crash crash", 700, 7, "crash crash crash crash");
        for (int i = 1; i <= IssueSearchStore.RANKED_AT_MOST; i++) {
            capture("Report " + i + " of a crash in settings", 700 + i, 7);
        }
        capture("Rare word zanzibar", 9_000, 7, "zanzibar once");

        List<Integer> common = store.search("\"crash\"", false, 10).stream()
                .map(h -> h.issue().number())
                .toList();
        assertThat(common).hasSize(10).doesNotContain(1);
        // the same among open issues only (all of them are open)
        List<Integer> commonOpen = store.search("\"crash\"", true, 10).stream()
                .map(h -> h.issue().number())
                .toList();
        assertThat(commonOpen).hasSize(10).doesNotContain(1);
        // as typed: "crash" (in every issue) weighs nothing beside "zanzibar"; typed alone, the newest matches come
        assertThat(store.searchWords(FtsQuery.fromText("zanzibar crash").orElseThrow(), false, 10))
                .extracting(h -> h.issue().number())
                .containsExactly(IssueSearchStore.RANKED_AT_MOST + 2);
        assertThat(store.searchWords(FtsQuery.fromText("crash").orElseThrow(), false, 3))
                .extracting(h -> h.issue().number())
                .containsExactly(
                        IssueSearchStore.RANKED_AT_MOST + 1,
                        IssueSearchStore.RANKED_AT_MOST,
                        IssueSearchStore.RANKED_AT_MOST - 1);
        // a word in fewer issues than that: every one of them is ranked
        assertThat(store.search("\"zanzibar\"", true, 10))
                .extracting(h -> h.issue().number())
                .containsExactly(IssueSearchStore.RANKED_AT_MOST + 2);
    }

    @Test
    void anOpenIssueRankedBelowManyClosedOnesIsStillFound() {
        // closed issues that match far better than the open ones, more than are ranked before statuses are read
        for (int i = 1; i <= IssueSearchStore.RANKED_BEFORE_STATUS + 5; i++) {
            capture("Widget widget widget " + i, 800 + i, 7, "widget widget");
            store.setStatus(i, IssueStatus.CLOSED, "done elsewhere", ENGINEER, T0);
        }
        Issue open = capture("Settings page is slow", 5_001, 7, "the widget list takes a while");
        Issue alsoOpen = capture("Export fails", 5_002, 7, "a widget export error");

        assertThat(store.search("\"widget\"", true, 10))
                .extracting(h -> h.issue().number())
                .containsExactlyInAnyOrder(open.number(), alsoOpen.number());
        assertThat(store.search("\"widget\"", true, 1)).hasSize(1);
        assertThat(store.search("\"widget\"", false, 10))
                .extracting(h -> h.issue().number())
                .hasSize(10)
                .doesNotContain(open.number(), alsoOpen.number());
    }

    @Test
    void anOpenIssueAmongFewerMatchesThanAreRankedFirstIsFound() {
        for (int i = 1; i <= 5; i++) {
            capture("Widget widget widget " + i, 800 + i, 7, "widget widget");
            store.setStatus(i, IssueStatus.CLOSED, "won't fix", ENGINEER, T0);
        }
        Issue open = capture("Settings page is slow", 5_001, 7, "the widget list takes a while");

        assertThat(store.search("\"widget\"", true, 10))
                .extracting(h -> h.issue().number())
                .containsExactly(open.number());
    }
}
