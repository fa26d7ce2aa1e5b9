package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClosingKeywordsTest {

    private static final String REPO = "acme/widget";

    @Test
    void everyClosingKeywordInAnyCaseWithOrWithoutAColonClosesTheIssue() {
        for (String k :
                new String[] {"close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"
                }) {
            assertThat(ClosingKeywords.closed(REPO, k + " #12")).as(k).containsExactly(12);
            assertThat(ClosingKeywords.closed(REPO, k.toUpperCase() + ": #12"))
                    .as(k)
                    .containsExactly(12);
        }
    }

    @Test
    void referencesToThisRepositoryCountAndOthersDoNot() {
        assertThat(ClosingKeywords.closed(REPO, "Closes acme/widget#7 and fixes other/thing#8"))
                .containsExactly(7);
        assertThat(ClosingKeywords.closed(REPO, "Fixes https://github.com/acme/widget/issues/9"))
                .containsExactly(9);
        assertThat(ClosingKeywords.closed(REPO, "Fixes https://github.com/acme/other/issues/9"))
                .isEmpty();
        assertThat(ClosingKeywords.closed(REPO, "fixes ACME/Widget#3")).containsExactly(3);
    }

    @Test
    void aKeywordCoversOneReferenceAndWordsThatMerelyContainItDoNotCount() {
        assertThat(ClosingKeywords.closed(REPO, "Fixes #1, #2")).containsExactly(1);
        assertThat(ClosingKeywords.closed(REPO, "prefixes #4, unfixed #5, fixing #6, fixes#7"))
                .isEmpty();
        assertThat(ClosingKeywords.closed(REPO, "see #4; this is related to #5"))
                .isEmpty();
        assertThat(ClosingKeywords.closed(REPO, "fixes #12abc")).isEmpty();
    }

    @Test
    void titleAndBodyAreBothReadAndEachIssueComesOnce() {
        assertThat(ClosingKeywords.closed(REPO, "Fix #3: crash on start", "Fixes #3.\n\nAlso resolves #10"))
                .containsExactly(3, 10);
        assertThat(ClosingKeywords.closed(REPO, null, "")).isEmpty();
    }

    @Property
    void aClosingReferenceIsFoundWhateverSurroundsIt(
            @ForAll("keywords") String keyword,
            @ForAll @IntRange(min = 1, max = 999_999) int number,
            @ForAll("prose") String before,
            @ForAll("prose") String after) {
        String text = before + " " + keyword + " #" + number + " " + after;
        assertThat(ClosingKeywords.closed(REPO, text)).contains(number);
    }

    @Property
    void textWithoutAKeywordClosesNothingAndNeverThrows(@ForAll("prose") String text) {
        assertThat(ClosingKeywords.closed(REPO, text.replaceAll("(?i)(close|fix|resolve)", "x")))
                .isEmpty();
    }

    @Property
    void anyTextIsReadWithoutFailing(@ForAll String text) {
        assertThat(ClosingKeywords.closed(REPO, text)).allMatch(n -> n > 0);
    }

    @Provide
    Arbitrary<String> keywords() {
        return Arbitraries.of("close", "Closes", "CLOSED", "fix", "Fixes", "fixed:", "resolve", "Resolves", "resolved");
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz #:/.,\n-")
                .ofMaxLength(80);
    }
}
