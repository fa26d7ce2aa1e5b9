package dev.loop.issue.merge;

import static dev.loop.issue.Fixtures.issue;
import static dev.loop.issue.Fixtures.place;
import static dev.loop.issue.Fixtures.requester;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.issue.Bump;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MergePlanTest {

    final Issue seven = issue(7, IssueStatus.OPEN, Priority.LOW);
    final Issue five = issue(5, IssueStatus.OPEN, Priority.HIGH);

    // #7 was brought up at A and B by users 100 and 200; #5 at A by user 100.
    final IssueRows sevenRows = new IssueRows(
            List.of(place(70, 7, 7, "A"), place(71, 7, 7, "B")),
            List.of(requester(70, 7, 7, 100), requester(71, 7, 7, 200)),
            List.of(new TranscriptRef(70, 7, 7, 1000), new TranscriptRef(71, 7, 7, 1001)));
    final IssueRows fiveRows = new IssueRows(
            List.of(place(50, 5, 5, "A")),
            List.of(requester(50, 5, 5, 100)),
            List.of(new TranscriptRef(50, 5, 5, 1000)));

    @Test
    void refusesMergingIntoItself() {
        assertThat(MergePlan.plan(seven, sevenRows, seven, sevenRows, List.of()))
                .isEqualTo(new MergePlan.Refused("an issue can't be merged into itself"));
    }

    @Test
    void refusesMergingIntoADuplicateAndNamesTheOriginal() {
        Issue dup = issue(5, IssueStatus.DUPLICATE, Priority.HIGH, 3);
        assertThat(MergePlan.plan(seven, sevenRows, dup, fiveRows, List.of()))
                .isEqualTo(new MergePlan.Refused("#5 is a duplicate of #3; merge into #3 instead"));
    }

    @Test
    void refusesMergingADuplicate() {
        Issue dup = issue(7, IssueStatus.DUPLICATE, Priority.LOW, 2);
        assertThat(MergePlan.plan(dup, sevenRows, five, fiveRows, List.of()))
                .isEqualTo(new MergePlan.Refused("#7 is already a duplicate of #2"));
    }

    @Test
    void rowsOfTheWrongIssueAreAProgrammingError() {
        assertThatThrownBy(() -> MergePlan.plan(seven, fiveRows, five, fiveRows, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesWhatIntoLacksAndLeavesTheRestBehind() {
        MergePlan plan = ((MergePlan.Allowed) MergePlan.plan(seven, sevenRows, five, fiveRows, List.of())).plan();
        assertThat(plan.placesToMove()).containsExactly(71L);
        assertThat(plan.placesLeftBehind()).containsExactly(70L);
        assertThat(plan.requestersToMove()).containsExactly(71L);
        assertThat(plan.requestersLeftBehind()).containsExactly(70L);
        assertThat(plan.transcriptToMove()).containsExactly(71L);
        assertThat(plan.transcriptLeftBehind()).containsExactly(70L);
        assertThat(plan.intoBefore()).isEqualTo(new Bump.Counts(1, 1));
        assertThat(plan.intoAfter()).isEqualTo(new Bump.Counts(2, 2));
        assertThat(plan.summary())
                .isEqualTo(
                        "#7 merged into #5: moved 1 place, 1 requester, 1 transcript line (3 already on #5 kept on #7)");
    }

    @Test
    void duplicatesOfFromArePointedAtInto() {
        MergePlan plan = ((MergePlan.Allowed) MergePlan.plan(seven, sevenRows, five, fiveRows, List.of(9, 8))).plan();
        assertThat(plan.duplicatesToRedirect()).containsExactly(8, 9);
    }

    @Test
    void mergingIntoAnEmptyIssueMovesEverything() {
        MergePlan plan =
                ((MergePlan.Allowed) MergePlan.plan(seven, sevenRows, five, IssueRows.empty(), List.of())).plan();
        assertThat(plan.placesToMove()).containsExactly(70L, 71L);
        assertThat(plan.requestersToMove()).containsExactly(70L, 71L);
        assertThat(plan.placesLeftBehind()).isEmpty();
        assertThat(plan.summary()).isEqualTo("#7 merged into #5: moved 2 places, 2 requesters, 2 transcript lines");
    }

    @Test
    void mergeThenUnmergeIsLossless() {
        MergePlan merge = ((MergePlan.Allowed) MergePlan.plan(seven, sevenRows, five, fiveRows, List.of())).plan();

        // Apply the plan as storage would: moved rows change issue, keep their origin.
        List<Place> fivePlaces = new ArrayList<>(fiveRows.places());
        List<Place> sevenPlaces = new ArrayList<>();
        for (Place p : sevenRows.places())
            (merge.placesToMove().contains(p.id()) ? fivePlaces : sevenPlaces)
                    .add(movePlace(p, merge.placesToMove().contains(p.id()) ? 5 : 7));
        List<Requester> fiveReqs = new ArrayList<>(fiveRows.requesters());
        List<Requester> sevenReqs = new ArrayList<>();
        for (Requester r : sevenRows.requesters())
            (merge.requestersToMove().contains(r.id()) ? fiveReqs : sevenReqs)
                    .add(moveReq(r, merge.requestersToMove().contains(r.id()) ? 5 : 7));
        List<TranscriptRef> fiveLines = new ArrayList<>(fiveRows.transcript());
        List<TranscriptRef> sevenLines = new ArrayList<>();
        for (TranscriptRef t : sevenRows.transcript()) {
            boolean move = merge.transcriptToMove().contains(t.id());
            (move ? fiveLines : sevenLines)
                    .add(new TranscriptRef(t.id(), move ? 5 : 7, t.originIssue(), t.messageId()));
        }
        // Someone asks again on #5 after the merge.
        fiveReqs.add(requester(52, 5, 5, 300));

        Issue sevenDup = issue(7, IssueStatus.DUPLICATE, Priority.LOW, 5);
        UnmergePlan unmerge = ((UnmergePlan.Allowed) UnmergePlan.plan(
                        sevenDup,
                        new IssueRows(sevenPlaces, sevenReqs, sevenLines),
                        five,
                        new IssueRows(fivePlaces, fiveReqs, fiveLines)))
                .plan();

        assertThat(unmerge.placesToMoveBack()).containsExactly(71L);
        assertThat(unmerge.requestersToMoveBack()).containsExactly(71L);
        assertThat(unmerge.transcriptToMoveBack()).containsExactly(71L);
        assertThat(unmerge.keptOnInto()).isEmpty();
        assertThat(unmerge.restoredStatus()).isEqualTo(IssueStatus.OPEN);

        Set<Long> sevenPlaceIds = sevenPlaces.stream().map(Place::id).collect(Collectors.toSet());
        sevenPlaceIds.addAll(unmerge.placesToMoveBack());
        assertThat(sevenPlaceIds).containsExactlyInAnyOrder(70L, 71L);
        Set<Long> sevenReqIds = sevenReqs.stream().map(Requester::id).collect(Collectors.toSet());
        sevenReqIds.addAll(unmerge.requestersToMoveBack());
        assertThat(sevenReqIds).containsExactlyInAnyOrder(70L, 71L);
        assertThat(unmerge.summary())
                .isEqualTo("#7 unmerged from #5: moved back 1 place, 1 requester, 1 transcript line");
    }

    @Test
    void unmergeRefusals() {
        assertThat(UnmergePlan.plan(seven, sevenRows, five, fiveRows))
                .isEqualTo(new UnmergePlan.Refused("#7 is not a duplicate, so there is nothing to unmerge"));
        assertThat(UnmergePlan.plan(issue(7, IssueStatus.DUPLICATE, Priority.LOW, 3), sevenRows, five, fiveRows))
                .isEqualTo(new UnmergePlan.Refused("#7 is a duplicate of #3, not #5"));
        assertThat(UnmergePlan.plan(issue(7, IssueStatus.DUPLICATE, Priority.LOW, null), sevenRows, five, fiveRows))
                .isEqualTo(new UnmergePlan.Refused("#7 is a duplicate of no recorded issue, not #5"));
    }

    @Test
    void unmergeKeepsConflictingRowsOnInto() {
        Issue sevenDup = issue(7, IssueStatus.DUPLICATE, Priority.LOW, 5);
        IssueRows onSeven = new IssueRows(List.of(), List.of(requester(79, 7, 7, 200)), List.of());
        IssueRows onFive = new IssueRows(
                List.of(place(71, 5, 7, "B")),
                List.of(requester(71, 5, 7, 200), requester(50, 5, 5, 100)),
                List.of(new TranscriptRef(71, 5, 7, 1001)));
        UnmergePlan plan = ((UnmergePlan.Allowed) UnmergePlan.plan(sevenDup, onSeven, five, onFive)).plan();
        assertThat(plan.placesToMoveBack()).containsExactly(71L);
        assertThat(plan.requestersToMoveBack()).isEmpty();
        assertThat(plan.keptOnInto()).containsExactly(71L);
        assertThat(plan.transcriptToMoveBack()).containsExactly(71L);
    }

    private static Place movePlace(Place p, int issue) {
        return new Place(
                p.id(),
                issue,
                p.originIssue(),
                p.kind(),
                p.guildId(),
                p.parentChannelId(),
                p.channelId(),
                p.messageId(),
                p.cardMessageId(),
                p.url(),
                p.title(),
                p.addedBy(),
                p.addedAt());
    }

    private static Requester moveReq(Requester r, int issue) {
        return new Requester(
                r.id(), issue, r.originIssue(), r.userId(), r.how(), r.placeId(), r.addedBy(), r.addedAt());
    }
}
