package dev.loop.issue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FtsQueryTest {

    static String match(String text) {
        return FtsQuery.fromText(text).map(FtsQuery::match).orElse(null);
    }

    @Test
    void plainWords() {
        assertThat(match("Dark mode crashes the app")).isEqualTo("\"dark\" OR \"mode\" OR \"crashes\" OR \"app\"");
    }

    @Test
    void ftsOperatorsBecomeWordsOrStopWords() {
        // and/or/not are stop words; NEAR is kept, but quoted it is just the word "near".
        assertThat(match("login AND password OR NOT NEAR(foo bar)"))
                .isEqualTo("\"login\" OR \"password\" OR \"near\" OR \"foo\" OR \"bar\"");
        assertThat(match("title:crash summary:* ^start pref* -minus +plus (group)"))
                .isEqualTo(
                        "\"title\" OR \"crash\" OR \"summary\" OR \"start\" OR \"pref\" OR \"minus\" OR \"plus\" OR \"group\"");
    }

    @Test
    void quotesAndSqlAreHarmless() {
        assertThat(match("\"unterminated quote '; DROP TABLE issue; -- \"\""))
                .isEqualTo("\"unterminated\" OR \"quote\" OR \"drop\" OR \"table\" OR \"issue\"");
    }

    @Test
    void duplicatesAndCaseAreFolded() {
        assertThat(match("Crash crash CRASH crash!")).isEqualTo("\"crash\"");
    }

    @Test
    void onlySymbolsOrStopWordsGiveNothing() {
        assertThat(FtsQuery.fromText("")).isEmpty();
        assertThat(FtsQuery.fromText(null)).isEmpty();
        assertThat(FtsQuery.fromText("   \n\t ")).isEmpty();
        assertThat(FtsQuery.fromText("\"*^:()-+!?.,;")).isEmpty();
        assertThat(FtsQuery.fromText("😀🔥🎉 👍🏽")).isEmpty();
        assertThat(FtsQuery.fromText("and or not the a I")).isEmpty();
        assertThat(FtsQuery.fromText("a b c 1 2 3")).isEmpty();
    }

    @Test
    void unicodeWordsSurvive() {
        assertThat(match("Café crème 😀 brûlée")).isEqualTo("\"café\" OR \"crème\" OR \"brûlée\"");
        assertThat(match("שלום עולם")).isEqualTo("\"שלום\" OR \"עולם\"");
        assertThat(match("مرحبا بالعالم")).isEqualTo("\"مرحبا\" OR \"بالعالم\"");
        assertThat(match("日本 語")).isEqualTo("\"日本\" OR \"語\"");
        assertThat(match("e\u0301cole")).isEqualTo("\"e\u0301cole\""); // decomposed accent stays in the word
    }

    @Test
    void cappedAtThirtyTwoTokens() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) b.append("word").append(i).append(' ');
        FtsQuery q = FtsQuery.fromText(b.toString()).orElseThrow();
        assertThat(q.tokens()).hasSize(32).startsWith("word0").endsWith("word31");
    }

    @Test
    void tenThousandCharactersOfHostileText() {
        String hostile = ("NEAR(\"a\" *) OR title:x ^y 😀 \u202Eevil\u202C " + "x".repeat(50) + " ").repeat(150);
        assertThat(hostile.length()).isGreaterThan(10_000);
        FtsQuery q = FtsQuery.fromText(hostile).orElseThrow();
        assertThat(q.tokens()).containsExactly("near", "title", "evil"); // the 50-x blob is too long to be a word
        assertThat(q.match()).isEqualTo("\"near\" OR \"title\" OR \"evil\"");
    }

    @Test
    void everyTokenIsQuoted() {
        String m = match("one two three");
        assertThat(m.split(" OR ")).allSatisfy(t -> assertThat(t).matches("\"[^\"]+\""));
    }

    @Test
    void emptyTokenListIsRejected() {
        assertThatThrownBy(() -> new FtsQuery(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distinctiveKeepsTheRarestWordsInTextOrder() {
        FtsQuery q =
                FtsQuery.fromText("app crash sync installer freeze windows").orElseThrow();
        java.util.Map<String, Integer> counts =
                java.util.Map.of("app", 900, "crash", 500, "sync", 40, "installer", 12, "freeze", 300, "windows", 60);

        FtsQuery narrowed = q.distinctive(t -> counts.getOrDefault(t, 0), 3);

        assertThat(narrowed.tokens()).containsExactly("sync", "installer", "windows");
    }

    @Test
    void wordsInMostIssuesAreLeftOutOfTheRanking() {
        FtsQuery q = FtsQuery.fromText("app crash 2.4.1 sync").orElseThrow();
        java.util.Map<String, Integer> counts = java.util.Map.of("app", 900, "crash", 500, "sync", 40);

        // 500 of 1,000 is not more than half: bm25 still weighs it (barely); versions and unknown words always stay
        assertThat(q.withoutWordsInMostOf(t -> counts.getOrDefault(t, 0), 1_000))
                .map(FtsQuery::tokens)
                .contains(List.of("crash", "2 4 1", "sync"));
        assertThat(q.withoutWordsInMostOf(t -> 0, 1_000)).containsSame(q);
        assertThat(FtsQuery.fromText("app crash").orElseThrow().withoutWordsInMostOf(t -> 999, 1_000))
                .isEmpty();
    }

    @Test
    void distinctiveKeepsWordsNoIssueHasYetOnTop() {
        FtsQuery q = FtsQuery.fromText("app crash zorblax sync").orElseThrow();
        java.util.Map<String, Integer> counts = java.util.Map.of("app", 900, "crash", 500, "sync", 40);

        assertThat(q.distinctive(t -> counts.getOrDefault(t, 0), 2).tokens())
                .containsExactly("crash", "zorblax", "sync");
        assertThat(q.distinctive(t -> 1, 10)).isSameAs(q);
    }

    @Test
    void distinctiveLeavesOutCommonWordsButKeepsTwo() {
        FtsQuery q = FtsQuery.fromText("app crash sync installer").orElseThrow();
        java.util.Map<String, Integer> counts = java.util.Map.of("app", 900, "crash", 500, "sync", 40, "installer", 12);

        assertThat(q.distinctive(t -> counts.getOrDefault(t, 0), 6, 100).tokens())
                .containsExactly("sync", "installer");
        assertThat(q.distinctive(t -> counts.getOrDefault(t, 0), 6, 10).tokens())
                .containsExactly("sync", "installer");
        assertThat(q.distinctive(t -> counts.getOrDefault(t, 0), 6, 600).tokens())
                .containsExactly("crash", "sync", "installer");
    }
}
