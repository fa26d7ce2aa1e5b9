package dev.loop.bench;

import dev.loop.core.Database;
import dev.loop.issue.Issue;
import dev.loop.issue.Place;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Fills a database with issues, places and requesters directly (batched SQL in one transaction), far faster than
 * capturing them one by one. Rows look exactly like the ones IssueStore writes, full-text index included.
 */
final class Seeder {

    /**
     * One place of a seeded issue: a forum post (thread) in the support forum and who asked there, and the id of the
     * issue card Loop posted there ({@code null}: none was posted, which Loop's start takes for a card it still owes).
     */
    record Place(long threadId, long forumId, List<Long> requesters, Long cardMessageId) {
        Place(long threadId, long forumId, List<Long> requesters) {
            this(threadId, forumId, requesters, null);
        }
    }

    /** One seeded issue. {@code priority} and {@code status} use the stored codes (e.g. "untriaged", "open"). */
    record Issue(String title, String summary, String transcript, String status, String priority, List<Place> places) {}

    private Seeder() {}

    /**
     * A body of issues like a busy community's: a title, a 30-word summary and an 80-word transcript each; one in six
     * shipped or closed. With {@code requesters}, each issue has one place (a post that no longer exists) with the card
     * Loop posted there when the issue was captured, and one of them as its requester. (Without the card, every start
     * would take each of them for a card it still owes and ask Discord for each post in turn, thousands of requests
     * that have nothing to do with the day being measured; see the README's Performance section.)
     */
    static void corpus(
            Database db, Words words, int count, long guildId, long forumId, long actor, List<Long> requesters) {
        int batch = 10_000;
        for (int done = 0; done < count; done += batch) {
            int n = Math.min(batch, count - done);
            int offset = done;
            issues(db, guildId, actor, n, i -> {
                int k = offset + i;
                List<Place> places = requesters.isEmpty()
                        ? List.of()
                        : List.of(new Place(
                                8_000_000_000L + k,
                                forumId,
                                List.of(requesters.get(k % requesters.size())),
                                8_500_000_000L + k));
                return new Issue(
                        words.title(),
                        words.text(30),
                        words.text(80),
                        k % 6 == 0 ? (k % 12 == 0 ? "shipped" : "closed") : "open",
                        "untriaged",
                        places);
            });
        }
    }

    /** Inserts {@code count} issues numbered after the current highest; returns the first new number. */
    static int issues(Database db, long guildId, long actor, int count, IntFunction<Issue> issueAt) {
        return db.write(ctx -> {
            int[] first = new int[1];
            ctx.connection(c -> first[0] = insert(c, guildId, actor, count, issueAt));
            return first[0];
        });
    }

    private static int insert(Connection c, long guildId, long actor, int count, IntFunction<Issue> issueAt)
            throws java.sql.SQLException {
        int next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(number), 0) FROM issue")) {
            rs.next();
            next = rs.getInt(1) + 1;
        }
        long placeId;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM issue_place")) {
            rs.next();
            placeId = rs.getLong(1);
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement issue = c.prepareStatement("INSERT INTO issue (number, title, kind, summary, status, "
                        + "priority, needs_docs, transcript_capped, revision, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, 'bug', ?, ?, ?, 0, 0, 0, ?, ?, ?)");
                PreparedStatement history =
                        c.prepareStatement("INSERT INTO issue_history (issue_number, origin_issue, at, "
                                + "actor_id, type, detail) VALUES (?, ?, ?, ?, 'capture', ?)");
                PreparedStatement place =
                        c.prepareStatement("INSERT INTO issue_place (id, issue_number, origin_issue, kind, "
                                + "guild_id, parent_channel_id, channel_id, url, title, added_by, added_at, card_message_id) "
                                + "VALUES (?, ?, ?, 'forum_post', ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement requester =
                        c.prepareStatement("INSERT INTO requester (issue_number, origin_issue, user_id, "
                                + "how, place_id, added_by, added_at) VALUES (?, ?, ?, 'author', ?, ?, ?)");
                PreparedStatement fts = c.prepareStatement(
                        "INSERT INTO issue_fts (rowid, title, summary, transcript) " + "VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                int number = next + i;
                Issue is = issueAt.apply(i);
                issue.setInt(1, number);
                issue.setString(2, is.title());
                issue.setString(3, is.summary());
                issue.setString(4, is.status());
                issue.setString(5, is.priority());
                issue.setLong(6, actor);
                issue.setLong(7, now);
                issue.setLong(8, now);
                issue.addBatch();
                history.setInt(1, number);
                history.setInt(2, number);
                history.setLong(3, now);
                history.setLong(4, actor);
                history.setString(5, "captured as bug: " + is.title());
                history.addBatch();
                for (Place p : is.places()) {
                    placeId++;
                    place.setLong(1, placeId);
                    place.setInt(2, number);
                    place.setInt(3, number);
                    place.setLong(4, guildId);
                    place.setLong(5, p.forumId());
                    place.setLong(6, p.threadId());
                    place.setString(7, "https://discord.com/channels/" + guildId + "/" + p.threadId());
                    place.setString(8, is.title().length() > 200 ? is.title().substring(0, 200) : is.title());
                    place.setLong(9, actor);
                    place.setLong(10, now);
                    if (p.cardMessageId() == null) place.setNull(11, java.sql.Types.BIGINT);
                    else place.setLong(11, p.cardMessageId());
                    place.addBatch();
                    for (long user : p.requesters()) {
                        requester.setInt(1, number);
                        requester.setInt(2, number);
                        requester.setLong(3, user);
                        requester.setLong(4, placeId);
                        requester.setLong(5, actor);
                        requester.setLong(6, now);
                        requester.addBatch();
                    }
                }
                fts.setInt(1, number);
                fts.setString(2, is.title());
                fts.setString(3, is.summary());
                fts.setString(4, is.transcript());
                fts.addBatch();
                if (i % 1000 == 999) {
                    issue.executeBatch();
                    history.executeBatch();
                    place.executeBatch();
                    requester.executeBatch();
                    fts.executeBatch();
                }
            }
            issue.executeBatch();
            history.executeBatch();
            place.executeBatch();
            requester.executeBatch();
            fts.executeBatch();
        }
        return next;
    }
}
