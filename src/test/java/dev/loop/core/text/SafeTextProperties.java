package dev.loop.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What {@link Safe} promises for any text a user could type: pieces of mentions, links, markdown, emoji and
 * surrogate pairs glued together at random, beside the worked examples in {@link SafeTest}.
 */
class SafeTextProperties {

    private static final Pattern LIVE_MENTION =
            Pattern.compile("@(everyone|here)|<@[!&]?\\d+>", Pattern.CASE_INSENSITIVE);
    /** A masked link Discord would render: {@code [text](http…)} with neither bracket escaped. */
    private static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\[[^\\]\\n]*(?<!\\\\)\\]\\(\\s*<?https?:");
    /** A bare link: Discord reads it up to the next space, brackets and all, so nothing inside it is markdown. */
    private static final Pattern BARE_LINK = Pattern.compile("<?https?://\\S+");

    /** Whether {@code text} holds a masked link that is not part of a bare link. */
    private static boolean liveMaskedLink(String text) {
        java.util.regex.Matcher masked = MASKED_LINK.matcher(text);
        while (masked.find()) {
            java.util.regex.Matcher bare = BARE_LINK.matcher(text);
            boolean insideBareLink = false;
            while (bare.find()) {
                insideBareLink |= bare.start() <= masked.start() && masked.start() < bare.end();
            }
            if (!insideBareLink) return true;
        }
        return false;
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(
                        "@everyone",
                        "@HERE",
                        "@",
                        "<@123>",
                        "<@!45>",
                        "<@&6>",
                        "<",
                        ">",
                        "<@",
                        "123",
                        "[x]",
                        "[",
                        "]",
                        "(",
                        ")",
                        "(https://evil.example)",
                        "[click](https://evil.example/a)",
                        " ",
                        "https://a.example/p",
                        "\n",
                        "```",
                        "`",
                        "*",
                        "_",
                        "~",
                        "|",
                        "\\",
                        "# ",
                        "> ",
                        "- ",
                        "1. ",
                        "a",
                        "é",
                        "👍",
                        "👍🏽",
                        "🇫🇷",
                        "\uD83D",
                        "\u0301",
                        "\u200B")
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }

    @Property
    void neutralisedTextNeverPings(@ForAll("hostile") String text) {
        String safe = Safe.neutraliseMentions(text);

        assertThat(LIVE_MENTION.matcher(safe).find()).as(safe).isFalse();
        assertThat(Safe.neutraliseMentions(safe)).isEqualTo(safe);
    }

    @Property
    void inlineTextFitsStaysOnOneLineAndNeverPingsOrLinks(
            @ForAll("hostile") String text, @ForAll @IntRange(min = 1, max = 120) int max) {
        String safe = Safe.inline(text, max);

        assertThat(safe.length()).isLessThanOrEqualTo(max);
        assertThat(safe).doesNotContain("\n");
        assertThat(LIVE_MENTION.matcher(safe).find()).as(safe).isFalse();
        assertThat(liveMaskedLink(safe)).as(safe).isFalse();
    }

    @Property
    void blockFitsNeverPingsAndNeverLeavesAFenceOpen(
            @ForAll("hostile") String text, @ForAll @IntRange(min = 9, max = 200) int max) {
        String safe = Safe.block(text, max);

        assertThat(safe.length()).isLessThanOrEqualTo(max);
        assertThat(LIVE_MENTION.matcher(safe).find()).as(safe).isFalse();
        assertThat(safe).as("no fence survives").doesNotContain("```");
    }

    @Property
    void truncateKeepsAPrefixAndNeverSplitsASurrogatePair(
            @ForAll("hostile") String text, @ForAll @IntRange(min = 1, max = 100) int max) {
        String cut = Safe.truncate(text, max);

        assertThat(cut.length()).isLessThanOrEqualTo(max);
        if (text.length() <= max) {
            assertThat(cut).isEqualTo(text);
        } else {
            assertThat(cut).endsWith(Safe.ELLIPSIS);
            String kept = cut.substring(0, cut.length() - Safe.ELLIPSIS.length());
            assertThat(text).startsWith(kept);
            if (!kept.isEmpty()) {
                assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))
                                && Character.isLowSurrogate(text.charAt(kept.length())))
                        .as("cut inside a surrogate pair: %s", kept)
                        .isFalse();
            }
        }
    }

    @Property
    void codeBlockIsOneFencedBlockThatFits(
            @ForAll("hostile") String code, @ForAll @IntRange(min = 13, max = 200) int max) {
        String block = Safe.codeBlock(code, "java", max);

        assertThat(block.length()).isLessThanOrEqualTo(max);
        assertThat(block).startsWith("```java\n").endsWith("\n```");
        assertThat(block.split("```", -1)).hasSize(3);
    }
}
