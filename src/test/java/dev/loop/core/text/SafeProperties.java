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
 * Whatever a person types, what {@link Safe} makes of it is inert: no live mention, no masked link, no line that
 * starts a heading, subtext, quote, list or code block, and never longer than asked.
 */
class SafeProperties {

    static final Pattern LIVE_MENTION = Pattern.compile(
            "@(everyone|here)|<@[!&]?\\d+>|<#\\d+>|</[^<>\\n]+:\\d+>|<id:[\\w-]+>", Pattern.CASE_INSENSITIVE);
    static final Pattern LAYOUT_LINE =
            Pattern.compile("(?m)^[ \\t]*(#{1,3}[ \\t]|-#[ \\t]|>{1,3}([ \\t]|$)|[-*+][ \\t]|\\d+\\.[ \\t]|```)");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(
                        "@everyone",
                        "@here",
                        "@EveryOne",
                        "<@123>",
                        "<@!123>",
                        "<@&456>",
                        "<#789>",
                        "</deploy:42>",
                        "</issue show:42>",
                        "<id:customize>",
                        "[",
                        "]",
                        "(",
                        ")",
                        "](",
                        "[click](https://evil.example)",
                        "[x](<https://e.example> \"t\")",
                        "https://ok.example/a_(b)",
                        "```",
                        "``",
                        "`",
                        "\n",
                        "\n# ",
                        "\n## ",
                        "\n### ",
                        "\n-# ",
                        "\n> ",
                        "\n>>> ",
                        "\n- ",
                        "\n* ",
                        "\n1. ",
                        "  ",
                        "\t",
                        "\\",
                        "*",
                        "_",
                        "~",
                        "|",
                        "<",
                        ">",
                        "#",
                        "-",
                        "😀",
                        "👩‍👩‍👧",
                        "\u202E",
                        "\u200B",
                        "\r\n"),
                Arbitraries.strings().ofMaxLength(8));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 600)
    void aPassageIsInert(@ForAll("hostile") String typed, @ForAll @IntRange(min = 1, max = 4096) int limit) {
        String shown = Safe.block(typed, limit);
        assertInert(shown, limit);
        assertThat(LAYOUT_LINE.matcher(shown).find()).as(shown).isFalse();
    }

    @Property(tries = 600)
    void aTitleIsInertAndOneLine(@ForAll("hostile") String typed, @ForAll @IntRange(min = 1, max = 256) int limit) {
        String shown = Safe.inline(typed, limit);
        assertInert(shown, limit);
        assertThat(shown).doesNotContain("\n");
        assertThat(LAYOUT_LINE.matcher(shown).find()).as(shown).isFalse();
    }

    @Property(tries = 300)
    void anyStringAtAllIsInert(@ForAll String typed, @ForAll @IntRange(min = 1, max = 2000) int limit) {
        assertInert(Safe.block(typed, limit), limit);
        assertInert(Safe.inline(typed, limit), limit);
    }

    @Property(tries = 300)
    void aSnippetStaysOneCodeBlock(@ForAll("hostile") String code, @ForAll @IntRange(min = 20, max = 2000) int limit) {
        String block = Safe.codeBlock(code, "js", limit);
        assertThat(block.length()).isLessThanOrEqualTo(limit);
        String body = block.substring("```js\n".length(), block.length() - "\n```".length());
        assertThat(body).doesNotContain("``");
    }

    static void assertInert(String shown, int limit) {
        assertThat(shown.length()).as(shown).isLessThanOrEqualTo(limit);
        assertThat(LIVE_MENTION.matcher(shown).find()).as(shown).isFalse();
        assertThat(shown).as("masked link").doesNotContain("](");
    }
}
