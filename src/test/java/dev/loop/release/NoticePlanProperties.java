package dev.loop.release;

import static dev.loop.release.NoticePlanTest.github;
import static dev.loop.release.NoticePlanTest.mentionsIn;
import static dev.loop.release.NoticePlanTest.req;
import static dev.loop.release.NoticePlanTest.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.text.Chunker;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The notice plan's promises for any release: random issues brought up in a few threads (or on GitHub), with
 * requesters who asked in one of them, in none, or in several issues, beside the examples in {@link NoticePlanTest}.
 */
class NoticePlanProperties {

    private static final long FIRST_USER = 900_000_000_000_000_000L;
    private static final long FIRST_THREAD = 1_100_000_000_000_000_000L;

    /** One requester: which user, and which of the issue's places they asked in (-1: none). */
    record Ask(int user, int place) {}

    /** One issue: its title, the threads it was brought up in (-1: a GitHub place), and who asked. */
    record Spec(String title, List<Integer> threads, List<Ask> asks) {}

    @Provide
    Arbitrary<List<Spec>> releases() {
        Arbitrary<Ask> ask = Combinators.combine(
                        Arbitraries.integers().between(0, 260),
                        Arbitraries.integers().between(-1, 2))
                .as(Ask::new);
        Arbitrary<Spec> issue = Combinators.combine(
                        Arbitraries.of("Dark mode", "<@1> @everyone", "x".repeat(300), "`code` [a](https://b.c)"),
                        Arbitraries.integers().between(-1, 3).list().ofMaxSize(3),
                        ask.list().ofMaxSize(160))
                .as(Spec::new);
        return issue.list().ofMaxSize(6);
    }

    static List<ShippedIssue> shipped(List<Spec> specs) {
        List<ShippedIssue> out = new ArrayList<>();
        long placeId = 1;
        long requesterId = 1;
        for (int n = 0; n < specs.size(); n++) {
            Spec spec = specs.get(n);
            int number = n + 1;
            List<Place> places = new ArrayList<>();
            for (int t : spec.threads()) {
                places.add(t < 0 ? github(placeId++, number) : thread(placeId++, number, FIRST_THREAD + t));
            }
            List<Requester> requesters = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (Ask a : spec.asks()) {
                if (!seen.add(a.user())) continue; // one requester row per person and issue
                Long place = a.place() >= 0 && a.place() < places.size()
                        ? places.get(a.place()).id()
                        : null;
                requesters.add(req(requesterId++, number, FIRST_USER + a.user(), place));
            }
            out.add(new ShippedIssue(number, spec.title(), places, requesters));
        }
        return out;
    }

    @Property(tries = 200)
    void everyPersonIsToldAboutEachOfTheirIssuesExactlyOnce(
            @ForAll("releases") List<Spec> specs, @ForAll DeliveryMode mode) {
        List<ShippedIssue> shipped = shipped(specs);
        NoticePlan plan = NoticePlan.plan(3, "v1.0", NoticePlanTest.URL, mode, shipped);

        List<String> told = new ArrayList<>();
        for (Notice n : plan.all()) {
            for (long user : n.userIds()) {
                for (int issue : issuesOf(n, user, plan)) told.add(user + "#" + issue);
            }
        }
        List<String> asked = new ArrayList<>();
        for (ShippedIssue i : shipped) for (Requester r : i.requesters()) asked.add(r.userId() + "#" + i.number());

        assertThat(told).containsExactlyInAnyOrderElementsOf(asked);
    }

    /** For a thread notice, the issues of that thread the user asked for; for a DM, all the DM lists. */
    private static List<Integer> issuesOf(Notice n, long user, NoticePlan plan) {
        if (n instanceof Notice.ThreadNotice t) {
            return plan.recipients().stream()
                    .filter(r -> r.userId() == user && r.route() == Route.THREAD)
                    .filter(r -> r.targetChannelId() != null && r.targetChannelId() == t.threadId())
                    .flatMap(r -> r.issueNumbers().stream())
                    .toList();
        }
        return n.issueNumbers();
    }

    @Property(tries = 200)
    void everyMessageFitsAndPingsExactlyTheUsersItNames(
            @ForAll("releases") List<Spec> specs, @ForAll DeliveryMode mode) {
        NoticePlan plan = NoticePlan.plan(3, "v1.0 @here", NoticePlanTest.URL, mode, shipped(specs));

        for (Notice n : plan.all()) {
            assertThat(n.content().length()).isLessThanOrEqualTo(Chunker.MESSAGE_LIMIT);
            assertThat(n.content()).doesNotContain("@here").doesNotContain("@everyone");
            if (n instanceof Notice.ThreadNotice t) {
                assertThat(t.userIds()).hasSizeLessThanOrEqualTo(NoticePlan.MAX_MENTIONS);
                assertThat(mentionsIn(t.content()))
                        .containsExactlyElementsOf(
                                t.userIds().stream().map(String::valueOf).toList());
            } else {
                assertThat(mentionsIn(n.content())).isEmpty();
            }
        }
    }

    @Property(tries = 200)
    void thePlanIsDeterministicWithOneNoncePerMessage(@ForAll("releases") List<Spec> specs, @ForAll DeliveryMode mode) {
        NoticePlan first = NoticePlan.plan(3, "v1.0", NoticePlanTest.URL, mode, shipped(specs));
        NoticePlan again = NoticePlan.plan(3, "v1.0", NoticePlanTest.URL, mode, shipped(specs));

        assertThat(again.all()).isEqualTo(first.all());
        assertThat(first.all().stream().map(Notice::nonce).toList()).doesNotHaveDuplicates();
    }
}
