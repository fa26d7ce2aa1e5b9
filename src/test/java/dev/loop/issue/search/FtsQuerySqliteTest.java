package dev.loop.issue.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs generated expressions against a real FTS5 table shaped like schema.sql's, to prove they always parse. */
class FtsQuerySqliteTest {

    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE issue_fts USING fts5(title, summary, transcript, "
                    + "tokenize = 'unicode61 remove_diacritics 2')");
            s.execute("INSERT INTO issue_fts(rowid, title, summary, transcript) VALUES "
                    + "(1, 'Dark mode crashes', 'The app crashes when dark mode is on', ''),"
                    + "(2, 'Export to CSV', 'Need CSV export of reports', 'NEAR the end it fails'),"
                    + "(3, 'Café menu', 'brûlée icon missing', 'שלום')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private List<Integer> search(String text) throws SQLException {
        List<Integer> hits = new ArrayList<>();
        var q = FtsQuery.fromText(text);
        if (q.isEmpty()) return hits;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? ORDER BY bm25(issue_fts), rowid")) {
            ps.setString(1, q.get().match());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) hits.add(rs.getInt(1));
            }
        }
        return hits;
    }

    @Test
    void versionNumbersErrorCodesAndShortTokensAreFound() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO issue_fts(rowid, title, summary, transcript) VALUES "
                    + "(10, 'Crash after updating to 2.4.1', 'Since 2.4.1 it crashes', ''),"
                    + "(11, 'Regression in 2.4.10', 'Worked in 2.3', ''),"
                    + "(12, 'Save fails', 'Error E42 on every save', ''),"
                    + "(13, 'v3 API drops fields', 'The v3 endpoint returns less', '')");
        }
        assertThat(search("2.4.1")).containsExactly(10);
        assertThat(search("/issue search 2.4.10")).containsExactly(11);
        assertThat(search("E42")).containsExactly(12);
        assertThat(search("e42")).containsExactly(12);
        assertThat(search("v3")).containsExactly(13);
        assertThat(search("crash 2.4.1")).first().isEqualTo(10);
        assertThat(FtsQuery.fromText("2.4.1").orElseThrow().match()).isEqualTo("\"2 4 1\"");
        assertThat(FtsQuery.fromText("end.next")).map(FtsQuery::tokens).contains(List.of("end", "next"));
        assertThat(FtsQuery.fromText("2")).isEmpty();
    }

    @Test
    void hostileInputNeverBreaksTheQuery() throws SQLException {
        String[] inputs = {
            "dark AND", "OR OR OR", "NOT crash", "NEAR(dark mode, 2)", "title:dark", "\"unbalanced",
            "crash*", "^dark", "(((", "a'b\"c", "-- ; DROP TABLE issue_fts;", "{title summary}:dark",
            "😀 dark 😀", "\u202Edark\u202C", "x".repeat(10_000), "dark " + "NEAR ".repeat(2000)
        };
        for (String in : inputs) {
            search(in); // must not throw
        }
        assertThat(search("dark AND")).containsExactly(1);
        assertThat(search("title:dark")).containsExactly(1);
        assertThat(search("NEAR(dark mode, 2)")).contains(1, 2);
    }

    @Test
    void ranksByOverlap() throws SQLException {
        assertThat(search("app crashes in dark mode")).first().isEqualTo(1);
        assertThat(search("csv export broken")).containsExactly(2);
    }

    @Test
    void diacriticsAndRtlMatch() throws SQLException {
        assertThat(search("cafe brulee")).containsExactly(3);
        assertThat(search("שלום")).containsExactly(3);
    }
}
