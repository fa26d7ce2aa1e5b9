package dev.loop.reliability;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.testing.Captured;
import dev.loop.watch.Community;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Table;

/**
 * The community every reliability test plays in ({@link Community}: the real Loop with every feature against the
 * simulator, a support forum, a text support channel, team and releases channels, engineers erin and olga, members
 * alice, bob and carol) plus what the tests do over and over: capture a post and read the record.
 */
final class Stage implements AutoCloseable {

    final Community c;

    Stage(String extraYaml) throws Exception {
        c = new Community(Instant.parse("2026-11-09T10:00:00Z"), extraYaml);
    }

    @Override
    public void close() {
        c.close();
    }

    IssueStore issues() {
        return new IssueStore(c.db);
    }

    Issue issue(int number) {
        return issues().find(number).orElseThrow();
    }

    List<HistoryEntry> history(int number, String type) {
        return issues().history(number).stream()
                .filter(h -> h.type().equals(type))
                .toList();
    }

    int rows(Table<?> table) {
        return c.db.read(ctx -> ctx.fetchCount(table));
    }

    int rows(Table<?> table, Condition where) {
        return c.db.read(ctx -> ctx.fetchCount(table, where));
    }

    /** Everything stored about one issue, to compare before and after something that must change nothing. */
    record Record(
            Issue issue,
            List<Place> places,
            List<Requester> requesters,
            List<HistoryEntry> history,
            int transcriptLines) {}

    Record record(int number) {
        return new Record(
                issue(number),
                issues().places(number),
                issues().requesters(number),
                issues().history(number),
                issues().transcript(number).size());
    }

    /** {@code author} opens a forum post and erin captures it as a feature. */
    Captured capture(SimMember author, String title, String body) {
        return captureIn(author.postInForum(c.support, title, body), Map.of("kind", "feature", "needs_docs", "no"));
    }

    /** erin runs /capture in {@code post}, submits the modal with {@code values} and creates a new issue. */
    Captured captureIn(SimChannel post, Map<String, String> values) {
        return Captured.viaCommand(c.erin, post, values);
    }

    /** {@code unit} repeated whole as often as it fits in {@code max} characters. */
    static String fill(String unit, int max) {
        StringBuilder b = new StringBuilder();
        while (b.length() + unit.length() <= max) b.append(unit);
        return b.toString();
    }
}
