package dev.loop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.HistoryEntry;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.watch.Community;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Table;

/**
 * The community every reliability test plays in ({@link Community}: the real Loop with every feature against the
 * simulator, a support forum, a text support channel, team and releases channels, engineers erin and olga, members
 * alice, bob and carol) plus what the tests do over and over: capture a post, find a card, read the record, and
 * check that nothing Loop sent pinged anyone it should not have.
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
        return issues().history(number).stream().filter(h -> h.type().equals(type)).toList();
    }

    int rows(Table<?> table) {
        return c.db.read(ctx -> ctx.fetchCount(table));
    }

    int rows(Table<?> table, Condition where) {
        return c.db.read(ctx -> ctx.fetchCount(table, where));
    }

    /** Everything stored about one issue, to compare before and after something that must change nothing. */
    record Record(Issue issue, List<Place> places, List<Requester> requesters, List<HistoryEntry> history,
                  int transcriptLines) {
    }

    Record record(int number) {
        return new Record(issue(number), issues().places(number), issues().requesters(number),
                issues().history(number), issues().transcript(number).size());
    }

    /** What a capture left behind: the issue, its post, its card and the engineer's triage prompt. */
    record Captured(int number, SimChannel post, SimMessage card, SimMessage prompt) {
    }

    private static final Pattern CAPTURED = Pattern.compile("Captured \\*\\*#(\\d+)\\*\\*");

    /** {@code author} opens a forum post and erin captures it as a feature. */
    Captured capture(SimMember author, String title, String body) {
        return captureIn(author.postInForum(c.support, title, body), Map.of("kind", "feature", "needs_docs", "no"));
    }

    /** erin runs /capture in {@code post}, submits the modal with {@code values} and creates a new issue. */
    Captured captureIn(SimChannel post, Map<String, String> values) {
        SimInteraction submit = c.erin.runSlash(post, "capture").awaitModal().submit(values);
        SimMessage first = submit.awaitReply(m -> m.content().startsWith("Captured **#")
                || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) submit = c.erin.pressButton(first, "Create new issue");
        SimMessage captured = submit.awaitReply(m -> m.content().startsWith("Captured **#"));
        Matcher m = CAPTURED.matcher(captured.content());
        assertThat(m.find()).as(captured.content()).isTrue();
        int number = Integer.parseInt(m.group(1));
        SimMessage prompt = submit.awaitReply(r -> r.content().startsWith("**Triage #" + number + "**"));
        return new Captured(number, post, cardIn(post, number), prompt);
    }

    static SimMessage cardIn(SimChannel channel, int number) {
        return channel.awaitMessage(x -> x.fromBot() && !x.embeds().isEmpty()
                && x.embeds().getFirst().title().startsWith("#" + number + " "));
    }

    /** An ephemeral answer to a slash command. */
    static SimMessage ephemeral(SimMember who, SimChannel where, String command, Map<String, ?> options) {
        SimMessage reply = who.runSlash(where, command, options).awaitReply();
        assertThat(reply.ephemeral()).as("reply to /" + command).isTrue();
        return reply;
    }

    /** Every message the bot sent in these channels, these people's DMs and their ephemeral replies. */
    static List<SimMessage> botMessages(List<SimChannel> channels, SimMember... people) {
        List<SimMessage> out = new ArrayList<>();
        for (SimChannel ch : channels) ch.messages().stream().filter(SimMessage::fromBot).forEach(out::add);
        for (SimMember p : people) {
            out.addAll(p.dmsFromBot());
            out.addAll(p.ephemeralReplies());
        }
        return out;
    }

    /** Nobody but {@code allowed} was pinged by any of {@code messages}; nobody through @everyone or a role. */
    static void assertPingsOnly(List<SimMessage> messages, Set<Long> allowed) {
        assertThat(messages).isNotEmpty();
        for (SimMessage m : messages) {
            assertThat(m.pingedEveryone()).as("@everyone in %s", m).isFalse();
            assertThat(m.pingedRoles()).as("roles pinged by %s", m).isEmpty();
            assertThat(allowed).as("pinged by %s", m).containsAll(m.pinged());
        }
    }

    /** {@code unit} repeated whole as often as it fits in {@code max} characters. */
    static String fill(String unit, int max) {
        StringBuilder b = new StringBuilder();
        while (b.length() + unit.length() <= max) b.append(unit);
        return b.toString();
    }
}
